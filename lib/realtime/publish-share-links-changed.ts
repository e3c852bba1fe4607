import { logger } from "../logger";
import { getIo, incidentRoom } from "./io-registry";
import { SHARE_LINKS_CHANGED } from "./socket-names";

/**
 * Tells the incident's command views that its share links changed. The notice carries no
 * link, so responders and viewers in the room learn nothing from it.
 */
export function publishShareLinksChanged(incidentId: string): void {
  const io = getIo();
  if (!io) {
    logger.warn({ incidentId }, "socket.io server not running: share-link change not broadcast");
    return;
  }
  io.to(incidentRoom(incidentId)).emit(SHARE_LINKS_CHANGED, { incidentId });
}
