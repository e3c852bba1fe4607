import type { TimelineEvent } from "../incident/events";

/** Groups the review timeline can be filtered by. */
export const EVENT_CATEGORIES = ["steps", "notes", "status", "system", "annotations"] as const;
export type EventCategory = (typeof EVENT_CATEGORIES)[number];

export const EVENT_CATEGORY_LABELS: Record<EventCategory, string> = {
  steps: "Steps",
  notes: "Notes",
  status: "Status changes",
  system: "System events",
  annotations: "Review annotations",
};

/**
 * Sorts an event into a filter group. Events without an author count as system events, and so
 * do types this function does not list unless they are about a step ("step.*").
 */
export function categorizeEvent(event: Pick<TimelineEvent, "type" | "actor">): EventCategory {
  if (event.actor === null) return "system";
  switch (event.type) {
    case "step.changed":
      return "steps";
    case "note.added":
    case "update.posted":
      return "notes";
    case "review.annotation":
      return "annotations";
    case "incident.declared":
    case "incident.resolved":
    case "role.assigned":
    case "role.removed":
    case "command.handed_over":
      return "status";
    default:
      return event.type.startsWith("step.") ? "steps" : "system";
  }
}
