import { INCIDENT_ROLE_LABELS } from "@/lib/auth/incident-roles";
import type { TimelineEvent } from "@/lib/incident/events";
import { STEP_STATE_LABELS } from "@/lib/incident/step-state";

function describe(event: TimelineEvent): string {
  switch (event.type) {
    case "incident.declared":
      return `declared SEV${event.payload.severityLevel} ${event.payload.severityLabel}: ${event.payload.scenarioTitle}`;
    case "step.changed":
      return `${event.payload.title}: ${STEP_STATE_LABELS[event.payload.from]} → ${STEP_STATE_LABELS[event.payload.to]}${event.payload.note ? ` — “${event.payload.note}”` : ""}`;
    case "note.added":
      return `note: ${event.payload.text}`;
    case "update.posted":
      return `public update: ${event.payload.text}`;
    case "incident.resolved":
      return `resolved the incident${event.payload.summary ? ` — “${event.payload.summary}”` : ""}`;
    case "review.annotation":
      return `review ${event.payload.kind === "correction" ? `correction of #${event.payload.targetSeq}` : "addition"}: ${event.payload.text}`;
    case "timer.alert":
      return `${event.payload.target === "objective" ? "RTO" : "Phase"} ${event.payload.name} is ${event.payload.status === "overdue" ? "overdue" : "at risk"} (limit ${event.payload.limitMinutes} min)`;
    case "step.run.started":
      return `${event.payload.title}: run started — ${event.payload.run.summary}`;
    case "step.run.finished":
      return `${event.payload.title}: run ${event.payload.run.status} — ${event.payload.run.verdict ?? ""}`;
    case "step.run.cancelled":
      return `${event.payload.title}: run cancelled`;
    case "step.run.interrupted":
      return `${event.payload.title}: run interrupted by a server restart`;
    case "step.approval.requested":
      return `${event.payload.title}: approval requested${event.payload.approval.note ? ` — “${event.payload.approval.note}”` : ""}`;
    case "step.approval.approved":
      return `${event.payload.title}: approved (requested by ${event.payload.approval.requestedBy.name})`;
    case "step.approval.rejected":
      return `${event.payload.title}: rejected (requested by ${event.payload.approval.requestedBy.name})`;
    case "evidence.preserved":
      return `${event.payload.title}: preserved ${event.payload.fileName} as s3://${event.payload.bucket}/${event.payload.key} (${event.payload.size} bytes, SHA-256 ${event.payload.sha256})`;
    case "step.configured":
      return `${event.payload.title}: set to ${event.payload.kind}${event.payload.dangerous ? ", dangerous" : ""}`;
    case "step.assigned":
      return event.payload.assignee ? `${event.payload.title}: assigned to ${event.payload.assignee.name}` : `${event.payload.title}: unassigned`;
    case "role.assigned":
      return `gave ${event.payload.user.name} the role ${INCIDENT_ROLE_LABELS[event.payload.role]}`;
    case "role.removed":
      return `removed the role ${INCIDENT_ROLE_LABELS[event.payload.role]} from ${event.payload.user.name}`;
    case "command.handed_over":
      return `handed over command${event.payload.from ? ` from ${event.payload.from.name}` : ""} to ${event.payload.to.name}`;
  }
}

export function TimelineList({ events }: { events: TimelineEvent[] }) {
  return (
    <section aria-labelledby="timeline-heading" className="rounded-lg border border-slate-200 bg-white p-4">
      <h2 id="timeline-heading" className="mb-3 text-sm font-semibold uppercase tracking-wide text-slate-500">
        Timeline
      </h2>
      <ol className="max-h-96 space-y-2 overflow-y-auto text-sm">
        {events.map((event) => (
          <li key={event.seq} data-testid="timeline-event" data-seq={event.seq} className="border-l-2 border-slate-200 pl-3">
            <div className="text-xs tabular-nums text-slate-500">
              #{event.seq} · {new Date(event.createdAt).toLocaleTimeString()} · {event.actor?.name ?? "system"}
            </div>
            <div>{describe(event)}</div>
          </li>
        ))}
      </ol>
    </section>
  );
}
