"use client";

import { addAnnotationAction } from "@/app/incidents/[id]/review/_actions/add-annotation";
import { ActionError, useReviewAction } from "./use-review-action";

/** Adds an event to the timeline, or corrects one, with a reason. */
export function AnnotationForm({ incidentId, lastSeq }: { incidentId: string; lastSeq: number }) {
  const { pending, error, submit } = useReviewAction();

  return (
    <form
      className="no-print mt-4 space-y-2 rounded-md border border-dashed border-slate-300 p-3 text-sm"
      onSubmit={(event) =>
        submit(event, (form) => {
          const target = String(form.get("targetSeq") ?? "").trim().replace(/^#/, "");
          const occurredAt = String(form.get("occurredAt") ?? "").trim();
          return addAnnotationAction({
            incidentId,
            targetSeq: target === "" ? null : Number(target),
            text: String(form.get("text") ?? ""),
            reason: String(form.get("reason") ?? ""),
            // The input has no zone; the review shows UTC, so the time entered is UTC.
            occurredAt: occurredAt === "" ? null : `${occurredAt.length === 16 ? `${occurredAt}:00` : occurredAt}Z`,
          });
        })
      }
    >
      <p className="font-medium">Annotate the timeline</p>
      <div className="flex flex-wrap items-end gap-2">
        <label className="flex flex-col">
          Event to correct
          <input name="targetSeq" placeholder={`#1–#${lastSeq}, empty to add`} className="w-44 rounded-md border border-slate-300 p-1.5" />
        </label>
        <label className="flex flex-col">
          What happened
          <input name="text" className="w-72 rounded-md border border-slate-300 p-1.5" />
        </label>
        <label className="flex flex-col">
          Reason
          <input name="reason" className="w-64 rounded-md border border-slate-300 p-1.5" />
        </label>
        <label className="flex flex-col">
          When (UTC, optional)
          <input name="occurredAt" type="datetime-local" step={1} className="rounded-md border border-slate-300 p-1.5" />
        </label>
        <button type="submit" disabled={pending} className="rounded-md border border-slate-300 px-3 py-1.5 hover:bg-slate-100 disabled:opacity-50">
          Add annotation
        </button>
      </div>
      <p className="text-xs text-slate-500">A correction with a time replaces the event's time in the metrics; the recorded event stays in the timeline.</p>
      <ActionError error={error} />
    </form>
  );
}
