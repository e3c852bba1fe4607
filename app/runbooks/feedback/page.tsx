// Read-only list of the feedback reviewers left on runbook steps, grouped by runbook, for the
// people who maintain the runbooks.
import Link from "next/link";
import { AppHeader } from "@/app/_components/app-header";
import { requireUser } from "@/app/_lib/session";
import { RunbookFeedbackList } from "@/components/review/runbook-feedback-list";
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
              <h2 className="mb-3 font-semibold">
                <Link href={`/runbooks/${group.runbookId}`} className="hover:underline">
                  {group.runbookTitle}
                </Link>
              </h2>
              <RunbookFeedbackList feedback={group.feedback} />
            </section>
          ))
        )}
      </main>
    </>
  );
}
