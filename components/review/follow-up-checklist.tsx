"use client";

import { setChecklistItemAction } from "@/app/incidents/[id]/review/_actions/set-checklist-item";
import type { ReviewChecklistItem } from "@/lib/review/review-data";
import { OptimisticCheckbox } from "./optimistic-checkbox";

/** Shows the runbook's post-recovery list as a checklist that reviewers tick. */
export function FollowUpChecklist({ incidentId, items, canEdit }: { incidentId: string; items: ReviewChecklistItem[]; canEdit: boolean }) {
  if (items.length === 0) {
    return <p className="text-sm text-slate-600">The runbook has no post-recovery list under its post-incident procedures.</p>;
  }

  return (
    <div className="text-sm">
      <ul className="space-y-1" data-testid="follow-up-checklist">
        {items.map((item) => (
          <li key={item.position} data-testid="checklist-item" data-done={item.done}>
            <label className="flex items-center gap-2">
              <OptimisticCheckbox
                checked={item.done}
                disabled={!canEdit}
                onToggle={(done) => setChecklistItemAction({ incidentId, position: item.position, done })}
              />
              <span className={item.done ? "text-slate-500 line-through" : undefined}>{item.text}</span>
              {item.updatedByName && <span className="text-xs text-slate-500">({item.done ? "ticked" : "unticked"} by {item.updatedByName})</span>}
            </label>
          </li>
        ))}
      </ul>
    </div>
  );
}
