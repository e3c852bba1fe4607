"use client";

import { addActionItemAction } from "@/app/incidents/[id]/review/_actions/add-action-item";
import { setActionItemDoneAction } from "@/app/incidents/[id]/review/_actions/set-action-item-done";
import type { ReviewActionItem } from "@/lib/review/review-data";
import { OptimisticCheckbox } from "./optimistic-checkbox";
import { ActionError, useReviewAction } from "./use-review-action";

export function ActionItems({ incidentId, items, canEdit }: { incidentId: string; items: ReviewActionItem[]; canEdit: boolean }) {
  const { pending, error, submit } = useReviewAction();

  return (
    <div className="text-sm">
      {items.length === 0 ? (
        <p className="text-slate-600">No action items yet.</p>
      ) : (
        <table className="review-table" data-testid="action-items">
          <thead>
            <tr>
              <th>Done</th>
              <th>Action</th>
              <th>Owner</th>
              <th>Due</th>
            </tr>
          </thead>
          <tbody>
            {items.map((item) => (
              <tr key={item.id} data-testid="action-item" data-done={item.done}>
                <td>
                  <OptimisticCheckbox
                    label={`Done: ${item.title}`}
                    checked={item.done}
                    disabled={!canEdit}
                    onToggle={(done) => setActionItemDoneAction({ incidentId, actionItemId: item.id, done })}
                  />
                </td>
                <td>{item.title}</td>
                <td>{item.owner}</td>
                <td className="tabular-nums">{item.dueDate}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}

      {canEdit && (
        <form
          className="no-print mt-3 flex flex-wrap items-end gap-2"
          onSubmit={(event) =>
            submit(event, (form) =>
              addActionItemAction({ incidentId, title: String(form.get("title") ?? ""), owner: String(form.get("owner") ?? ""), dueDate: String(form.get("dueDate") ?? "") }),
            )
          }
        >
          <label className="flex flex-col">
            Action
            <input name="title" className="w-72 rounded-md border border-slate-300 p-1.5" />
          </label>
          <label className="flex flex-col">
            Owner
            <input name="owner" className="w-40 rounded-md border border-slate-300 p-1.5" />
          </label>
          <label className="flex flex-col">
            Due date
            <input name="dueDate" type="date" className="rounded-md border border-slate-300 p-1.5" />
          </label>
          <button type="submit" disabled={pending} className="rounded-md border border-slate-300 px-3 py-1.5 hover:bg-slate-100 disabled:opacity-50">
            Add action item
          </button>
        </form>
      )}
      <ActionError error={error} />
    </div>
  );
}
