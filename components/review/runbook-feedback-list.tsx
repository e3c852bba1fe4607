import Link from "next/link";
import type { RunbookFeedbackGroup } from "@/lib/review/list-step-feedback";

/** Lists reviewers' feedback on one runbook's steps, newest first, with a link to each review. */
export function RunbookFeedbackList({ feedback }: { feedback: RunbookFeedbackGroup["feedback"] }) {
  if (feedback.length === 0) {
    return <p className="text-sm text-slate-600">No feedback from reviews yet. Reviewers add it on an incident's review page.</p>;
  }

  return (
    <ul className="space-y-2 text-sm">
      {feedback.map((item) => (
        <li key={item.id} data-testid="feedback-entry">
          <span className="mr-2 rounded bg-slate-100 px-1.5 py-0.5 text-xs font-semibold uppercase">{item.kind}</span>
          <strong>{item.stepTitle}</strong>
          <span className="text-slate-500">
            {item.phaseIndex === null ? " (missing from the runbook)" : ` (phase ${item.phaseIndex + 1}, step ${(item.position ?? 0) + 1})`} · version {item.runbookVersion}
          </span>
          : {item.comment}
          <div className="text-xs text-slate-500">
            {item.createdByName}, {item.createdAt.slice(0, 10)}, from{" "}
            <Link href={`/incidents/${item.incidentId}/review#runbook-feedback-heading`} className="text-blue-700 hover:underline">
              {item.incidentTitle}
            </Link>
          </div>
        </li>
      ))}
    </ul>
  );
}
