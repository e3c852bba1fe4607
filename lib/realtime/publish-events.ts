import type { TimelineEvent } from "../incident/events";
import { logger } from "../logger";
import { getIo, incidentRoom, stakeholderRoom } from "./io-registry";
import { STAKEHOLDER_CHANGED } from "./socket-names";

export const TIMELINE_EVENT = "timeline:event";

// Events that change nothing stakeholders see. They send no notice, so stakeholders cannot
// time them. Role events do send one, because they can change the commander's name.
const INTERNAL_EVENT_TYPES: ReadonlySet<string> = new Set(["note.added", "review.annotation", "step.configured", "evidence.preserved", "step.assigned"]);

/**
 * Sends committed timeline events to every browser in the incident's room. Call it only after
 * the transaction committed. A client that misses one catches up by sequence number.
 */
export function publishEvents(events: readonly TimelineEvent[]): void {
  const io = getIo();
  if (!io) {
    logger.warn({ count: events.length }, "socket.io server not running: events not broadcast");
    return;
  }
  const changed = new Set<string>();
  for (const event of events) {
    io.to(incidentRoom(event.incidentId)).emit(TIMELINE_EVENT, event);
    if (!INTERNAL_EVENT_TYPES.has(event.type)) changed.add(event.incidentId);
  }
  // Stakeholders get a notice without the event or its sequence number: the event may carry
  // notes or names, and gaps in sequence numbers would count the internal events.
  for (const incidentId of changed) {
    io.to(stakeholderRoom(incidentId)).emit(STAKEHOLDER_CHANGED, { incidentId });
  }
}
