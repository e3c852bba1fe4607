import type { TimelineEvent } from "../incident/events";
import { logger } from "../logger";
import { getIo, incidentRoom, stakeholderRoom } from "./io-registry";
import { STAKEHOLDER_CHANGED } from "./socket-names";

export const TIMELINE_EVENT = "timeline:event";

// Events that change nothing stakeholders see; they get no notice, so no timing leaks either.
const INTERNAL_EVENT_TYPES: ReadonlySet<string> = new Set(["note.added", "review.annotation", "step.configured", "evidence.preserved"]);

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
  const changed = new Map<string, number>();
  for (const event of events) {
    io.to(incidentRoom(event.incidentId)).emit(TIMELINE_EVENT, event);
    if (!INTERNAL_EVENT_TYPES.has(event.type)) changed.set(event.incidentId, Math.max(event.seq, changed.get(event.incidentId) ?? 0));
  }
  // Stakeholders get a notice, never the event: the event may carry notes or names.
  for (const [incidentId, seq] of changed) {
    io.to(stakeholderRoom(incidentId)).emit(STAKEHOLDER_CHANGED, { incidentId, seq });
  }
}
