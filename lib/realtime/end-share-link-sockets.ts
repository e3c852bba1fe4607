import { logger } from "../logger";
import { getIo, shareLinkRoom } from "./io-registry";
import { SESSION_ENDED, SHARE_LINK_ENDED_MESSAGE } from "./socket-names";

/** Tells every open socket of a revoked share link why, then disconnects them, in every process. */
export function endShareLinkSockets(shareLinkId: string): void {
  const io = getIo();
  if (!io) {
    logger.warn({ shareLinkId }, "socket.io server not running: no share-link sockets to end");
    return;
  }
  io.to(shareLinkRoom(shareLinkId)).emit(SESSION_ENDED, { message: SHARE_LINK_ENDED_MESSAGE });
  io.in(shareLinkRoom(shareLinkId)).disconnectSockets(true);
  logger.info({ shareLinkId }, "ended the share link's sockets");
}
