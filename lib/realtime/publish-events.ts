import type { TimelineEvent } from "../incident/events";
import { logger } from "../logger";
import { getIo, incidentRoom } from "./io-registry";

export const TIMELINE_EVENT = "timeline:event";

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
  for (const event of events) {
    io.to(incidentRoom(event.incidentId)).emit(TIMELINE_EVENT, event);
  }
}
