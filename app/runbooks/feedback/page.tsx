// Read-only list of the feedback reviewers left on runbook steps, grouped by runbook, for the
// people who maintain the runbooks.
import Link from "next/link";
import { AppHeader } from "@/app/_components/app-header";
import { requireUser } from "@/app/_lib/session";
import { can } from "@/lib/auth/roles";
import { getPrisma } from "@/lib/db/database";
import { listStepFeedback } from "@/lib/review/list-step-feedback";

export const dynamic = "force-dynamic";

export default async function RunbookFeedbackPage() {
  const user = await requireUser();
  const groups = can(user.role, "review.view") ? await listStepFeedback(getPrisma()) : null;

  return (
    <>
      <AppHeader user={user} />
      <main className="mx-auto max-w-5xl px-6 py-8">
        <h1 className="mb-2 text-2xl font-semibold">Runbook step feedback</h1>
        <p className="mb-6 text-sm text-slate-600">What reviewers found wrong, missing or unclear in runbook steps, newest first.</p>

        {groups === null ? (
          <p role="status" className="rounded-lg border border-amber-300 bg-amber-50 p-4 text-amber-900">
            Your role ({user.role}) may not read post-incident reviews or their feedback.
          </p>
        ) : groups.length === 0 ? (
          <p className="rounded-lg border border-dashed border-slate-300 bg-white p-8 text-center text-slate-600">No feedback yet. Reviewers add it on an incident's review page.</p>
        ) : (
          groups.map((group) => (
            <section key={group.runbookId} className="mb-6 rounded-lg border border-slate-200 bg-white p-4" data-testid="feedback-runbook">
              <h2 className="mb-3 font-semibold">{group.runbookTitle}</h2>
              <ul className="space-y-2 text-sm">
                {group.feedback.map((feedback) => (
                  <li key={feedback.id} data-testid="feedback-entry">
                    <span className="mr-2 rounded bg-slate-100 px-1.5 py-0.5 text-xs font-semibold uppercase">{feedback.kind}</span>
                    <strong>{feedback.stepTitle}</strong>
                    <span className="text-slate-500">
                      {feedback.phaseIndex === null ? " (missing from the runbook)" : ` (phase ${feedback.phaseIndex + 1}, step ${(feedback.position ?? 0) + 1})`} · version{" "}
                      {feedback.runbookVersion}
                    </span>
                    : {feedback.comment}
                    <div className="text-xs text-slate-500">
                      {feedback.createdByName}, {feedback.createdAt.slice(0, 10)}, from{" "}
                      <Link href={`/incidents/${feedback.incidentId}/review#runbook-feedback-heading`} className="text-blue-700 hover:underline">
                        {feedback.incidentTitle}
                      </Link>
                    </div>
                  </li>
                ))}
              </ul>
            </section>
          ))
        )}
      </main>
    </>
  );
}
