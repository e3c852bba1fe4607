import { INCIDENT_ROLE_LABELS } from "../auth/incident-roles";
import type { TimelineEvent } from "../incident/events";
import { STEP_STATE_LABELS } from "../incident/step-state";
import { formatUtc } from "./format-review";

/** Describes in one line of plain text what an event recorded, for the review page and the Markdown export. */
export function describeEvent(event: TimelineEvent): string {
  switch (event.type) {
    case "incident.declared":
      return `Declared SEV${event.payload.severityLevel} ${event.payload.severityLabel}: ${event.payload.scenarioTitle}`;
    case "step.changed":
      return `${event.payload.title}: ${STEP_STATE_LABELS[event.payload.from]} → ${STEP_STATE_LABELS[event.payload.to]}${event.payload.note ? ` (“${event.payload.note}”)` : ""}`;
    case "note.added":
      return `Note: ${event.payload.text}`;
    case "update.posted":
      return `Public update: ${event.payload.text}`;
    case "incident.resolved":
      return `Resolved the incident${event.payload.summary ? ` (“${event.payload.summary}”)` : ""}`;
    case "timer.alert":
      return `${event.payload.target === "objective" ? "RTO" : "Phase"} ${event.payload.name} ${event.payload.status === "overdue" ? "overdue" : "at risk"} (limit ${event.payload.limitMinutes} min)`;
    case "review.annotation": {
      const when = event.payload.occurredAt ? ` (happened at ${formatUtc(Date.parse(event.payload.occurredAt))})` : "";
      const what = event.payload.kind === "correction" ? `Correction of #${event.payload.targetSeq}` : "Added by a reviewer";
      return `${what}: ${event.payload.text}${when}. Reason: ${event.payload.reason}`;
    }
    case "role.assigned":
      return `Gave ${event.payload.user.name} the role ${INCIDENT_ROLE_LABELS[event.payload.role]}`;
    case "role.removed":
      return `Removed the role ${INCIDENT_ROLE_LABELS[event.payload.role]} from ${event.payload.user.name}`;
    case "command.handed_over":
      return `Handed over command${event.payload.from ? ` from ${event.payload.from.name}` : ""} to ${event.payload.to.name}`;
    case "step.assigned":
      return `${event.payload.title}: ${event.payload.assignee ? `assigned to ${event.payload.assignee.name}` : "unassigned"}`;
    default: {
      // Automation and approval events: the step's title and what happened to it.
      const { type, payload } = event as { type: string; payload: { title?: unknown } };
      const what = type.replace(/^step\./, "").replaceAll(".", " ");
      return typeof payload.title === "string" ? `${payload.title}: ${what}` : `${type} event`;
    }
  }
}
