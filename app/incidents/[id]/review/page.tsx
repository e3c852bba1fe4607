import Link from "next/link";
import { notFound } from "next/navigation";
import { AppHeader } from "@/app/_components/app-header";
import { requireUser } from "@/app/_lib/session";
import { SeverityBadge } from "@/components/incident/severity-badge";
import { ActionItems } from "@/components/review/action-items";
import { AnnotationForm } from "@/components/review/annotation-form";
import { ArchivePanel } from "@/components/review/archive-panel";
import { FollowUpChecklist } from "@/components/review/follow-up-checklist";
import { GanttChart } from "@/components/review/gantt-chart";
import { PrintButton } from "@/components/review/print-button";
import { ReviewMetricsTables } from "@/components/review/review-metrics";
import { ReviewTimeline } from "@/components/review/review-timeline";
import { StepFeedback } from "@/components/review/step-feedback";
import { WriteUpForm } from "@/components/review/write-up-form";
import { can } from "@/lib/auth/roles";
import { getPrisma } from "@/lib/db/database";
import { isRunbridgeError } from "@/lib/errors";
import { formatOptionalDuration, formatUtc } from "@/lib/review/format-review";
import { layoutGantt } from "@/lib/review/gantt-layout";
import { loadReview } from "@/lib/review/load-review";
import "./review.css";

export const dynamic = "force-dynamic";

export default async function ReviewPage({ params }: { params: Promise<{ id: string }> }) {
  const user = await requireUser();
  const { id } = await params;

  if (!can(user.role, "review.view")) {
    return <Notice user={user} incidentId={id} message={`Your role (${user.role}) may not open post-incident reviews: ask an admin for the responder role or higher.`} />;
  }

  let review;
  try {
    review = await loadReview(getPrisma(), id);
  } catch (error) {
    if (isRunbridgeError(error) && error.code === "NOT_FOUND") notFound();
    if (isRunbridgeError(error) && error.code === "CONFLICT") return <Notice user={user} incidentId={id} message={error.message} />;
    throw error;
  }

  const { data, metrics } = review;
  const canEdit = can(user.role, "review.edit");
  const phaseTitles = data.plan.phases.map((phase) => phase.title);
  const layout = layoutGantt(metrics, phaseTitles);

  return (
    <>
      <AppHeader user={user} />
      <main className="mx-auto max-w-7xl px-6 py-8">
        <div className="flex flex-wrap items-start justify-between gap-4">
          <div>
            <p className="text-sm text-slate-500">Post-incident review</p>
            <h1 className="text-2xl font-semibold">{data.incident.title}</h1>
            <p className="mt-1 flex flex-wrap items-center gap-2 text-sm text-slate-600">
              <SeverityBadge level={data.incident.severityLevel} label={data.incident.severityLabel} />
              <span>{data.incident.scenarioTitle}</span>
              <span>· declared {formatUtc(metrics.declaredAtMs)} by {data.incident.declaredBy.name}</span>
              {metrics.resolvedAtMs !== null && <span>· resolved {formatUtc(metrics.resolvedAtMs)}</span>}
            </p>
          </div>
          <div className="no-print flex flex-wrap items-center gap-2 text-sm">
            <Link href={`/incidents/${id}`} className="rounded-md border border-slate-300 px-3 py-1.5 hover:bg-slate-100">
              Command view
            </Link>
            <a href={`/api/incidents/${id}/review/export?format=json`} className="rounded-md border border-slate-300 px-3 py-1.5 hover:bg-slate-100" download>
              Export JSON
            </a>
            <a href={`/api/incidents/${id}/review/export?format=markdown`} className="rounded-md border border-slate-300 px-3 py-1.5 hover:bg-slate-100" download>
              Export Markdown
            </a>
            <PrintButton />
          </div>
        </div>

        <dl className="review-section grid grid-cols-2 gap-4 sm:grid-cols-4">
          <Figure label="Time to resolve" value={formatOptionalDuration(metrics.timeToResolveMs)} testId="time-to-resolve" />
          <Figure label="Objectives met" value={`${metrics.objectives.filter((objective) => objective.status === "met").length} of ${metrics.objectives.length}`} />
          <Figure label="Phases in time box" value={`${metrics.phases.filter((phase) => phase.status === "met").length} of ${metrics.phases.length}`} />
          <Figure label="Timeline events" value={String(metrics.eventCount)} />
        </dl>

        <section aria-labelledby="chart-heading" className="review-section">
          <h2 id="chart-heading" className="review-heading">
            Steps against phase time boxes and RTOs
          </h2>
          <GanttChart layout={layout} title={`Steps of ${data.incident.title} on a time axis from the declaration`} />
        </section>

        <ReviewMetricsTables metrics={metrics} phaseTitles={phaseTitles} />

        <ReviewSection id="write-up" title="Write-up">
          <WriteUpForm incidentId={id} writeUp={data.writeUp} canEdit={canEdit} />
        </ReviewSection>
        <ReviewSection id="action-items" title="Action items">
          <ActionItems incidentId={id} items={data.actionItems} canEdit={canEdit} />
        </ReviewSection>
        <ReviewSection id="follow-up" title="Follow-up checklist">
          <FollowUpChecklist incidentId={id} items={data.checklist} canEdit={canEdit} />
        </ReviewSection>
        <ReviewSection id="runbook-feedback" title="Feedback on runbook steps">
          <StepFeedback incidentId={id} feedback={data.feedback} steps={data.steps.map(({ id: stepId, title }) => ({ id: stepId, title }))} canEdit={canEdit} />
          <Link href="/runbooks/feedback" className="no-print mt-3 inline-block text-sm text-blue-700 hover:underline">
            All feedback on runbook steps
          </Link>
        </ReviewSection>

        <ReviewTimeline events={data.events} declaredAtMs={metrics.declaredAtMs}>
          {canEdit && <AnnotationForm incidentId={id} lastSeq={data.events.at(-1)?.seq ?? 0} />}
        </ReviewTimeline>

        <ReviewSection id="archive" title="Archive">
          <ArchivePanel incidentId={id} archives={data.archives} canEdit={canEdit} />
        </ReviewSection>
      </main>
    </>
  );
}

function ReviewSection({ id, title, children }: { id: string; title: string; children: React.ReactNode }) {
  return (
    <section aria-labelledby={`${id}-heading`} className="review-section">
      <h2 id={`${id}-heading`} className="review-heading">
        {title}
      </h2>
      {children}
    </section>
  );
}

function Figure({ label, value, testId }: { label: string; value: string; testId?: string }) {
  return (
    <div>
      <dt className="text-xs uppercase tracking-wide text-slate-500">{label}</dt>
      <dd className="text-2xl font-semibold tabular-nums" data-testid={testId}>
        {value}
      </dd>
    </div>
  );
}

async function Notice({ user, incidentId, message }: { user: Awaited<ReturnType<typeof requireUser>>; incidentId: string; message: string }) {
  return (
    <>
      <AppHeader user={user} />
      <main className="mx-auto max-w-3xl px-6 py-12">
        <h1 className="mb-4 text-2xl font-semibold">Post-incident review</h1>
        <p className="rounded-lg border border-amber-300 bg-amber-50 p-4 text-amber-900" role="status">
          {message}
        </p>
        <p className="mt-4">
          <Link href={`/incidents/${incidentId}`} className="text-blue-700 hover:underline">
            Back to the incident
          </Link>
        </p>
      </main>
    </>
  );
}
