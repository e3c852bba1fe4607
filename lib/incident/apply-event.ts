import type { TimelineEvent } from "./events";
import type { IncidentView } from "./incident-view";

const KEPT_EVENTS = 200;

/**
 * Applies one timeline event to a snapshot, as every client does when an event arrives.
 * Only the event with sequence number lastSeq + 1 applies: an older one is a duplicate and
 * returns the view unchanged, and a newer one means events are missing, which the caller
 * must fetch first (see `needsCatchUp`).
 */
export function applyEvent(view: IncidentView, event: TimelineEvent): IncidentView {
  if (event.seq !== view.lastSeq + 1) {
    return view;
  }

  const next: IncidentView = {
    ...view,
    lastSeq: event.seq,
    events: [event, ...view.events].slice(0, KEPT_EVENTS),
  };

  switch (event.type) {
    case "step.changed": {
      const { payload } = event;
      next.steps = view.steps.map((step) =>
        step.id === payload.stepId
          ? { ...step, state: payload.to, version: payload.stepVersion, note: payload.note, updatedAt: event.createdAt, updatedBy: event.actor }
          : step,
      );
      return next;
    }
    case "incident.resolved":
      return { ...next, status: "resolved", resolvedAt: event.createdAt };
    case "incident.declared":
    case "note.added":
    case "timer.alert":
      return next;
  }
}

/** Applies events in sequence order, skipping duplicates; stops at the first gap. */
export function applyEvents(view: IncidentView, events: readonly TimelineEvent[]): IncidentView {
  const ordered = [...events].sort((a, b) => a.seq - b.seq);
  return ordered.reduce(applyEvent, view);
}

/** True when an arriving event shows that events between lastSeq and it were missed. */
export function needsCatchUp(view: IncidentView, event: TimelineEvent): boolean {
  return event.seq > view.lastSeq + 1;
}
