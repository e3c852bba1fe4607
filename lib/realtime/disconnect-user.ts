import { logger } from "../logger";
import { getIo } from "./io-registry";

/** Room every socket of one user joins, so all of them can be disconnected at once. */
export function userRoom(userId: string): string {
  return `user:${userId}`;
}

/** Disconnects every open socket of a user, after their sessions were ended. */
export function disconnectUserSockets(userId: string): void {
  const io = getIo();
  if (!io) {
    logger.warn({ userId }, "socket.io server not running: no sockets to disconnect");
    return;
  }
  io.in(userRoom(userId)).disconnectSockets(true);
  logger.info({ userId }, "disconnected the user's sockets");
}
