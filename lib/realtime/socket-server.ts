import type { Server as HttpServer } from "node:http";
import { Server, type Socket } from "socket.io";
import { z } from "zod";
import { authorize, permits, type Caller } from "../auth/gate";
import type { PrismaClient } from "../db/types";
import { isRunbridgeError } from "../errors";
import { MAX_INT32 } from "../incident/limits";
import { getStakeholderView } from "../incident/get-stakeholder-view";
import { listEventsAfter } from "../incident/list-events-after";
import type { StakeholderView } from "../incident/stakeholder-view";
import { logger } from "../logger";
import { userRoom } from "./disconnect-user";
import { SESSION_ENDED, SHARE_LINK_ENDED_MESSAGE, WATCH_INCIDENT } from "./socket-names";

export { SESSION_ENDED, STAKEHOLDER_CHANGED, WATCH_INCIDENT } from "./socket-names";
import { incidentOutputRoom, incidentRoom, setIo, shareLinkRoom, stakeholderRoom } from "./io-registry";

export const JOIN_INCIDENT = "incident:join";
export const LEAVE_INCIDENT = "incident:leave";

export const SERVER_TIME = "time";

export interface SocketHandshake {
  cookie: string | undefined;
  /** A share link's token, for visitors without an account. */
  shareToken: string | undefined;
  address: string;
}

/**
 * Resolves a socket's handshake to a caller. It runs on connection and again before every
 * event, so a session that ended (sign out everywhere, deactivation) stops at the next event.
 */
export type AuthenticateSocket = (handshake: SocketHandshake) => Promise<Caller>;

const joinInput = z.object({
  incidentId: z.string().min(1).max(100),
  afterSeq: z.number().int().min(0).max(MAX_INT32),
});

const watchInput = z.object({ incidentId: z.string().min(1).max(100) });

export type WatchResult = { ok: true; view: StakeholderView } | { ok: false; error: string };

export type JoinResult =
  | { ok: true; events: Awaited<ReturnType<typeof listEventsAfter>>; serverNow: number }
  | { ok: false; error: string };

type Ack<T> = (result: T) => void;

const SESSION_ENDED_MESSAGE = "Your session ended or your account was deactivated: sign in again.";

// setTimeout's longest delay; share links expire well before it.
const MAX_TIMER_MS = 2_147_483_647;

/**
 * Attaches socket.io to the HTTP server. Every socket must carry a valid session cookie; a
 * signed-in user joins one room per incident and gets the events it missed on joining.
 * Every event passes the gate in lib/auth/gate.ts with the caller as it is at that moment.
 */
export function createSocketServer(httpServer: HttpServer, prisma: PrismaClient, authenticate: AuthenticateSocket): Server {
  const io = new Server(httpServer, { serveClient: false });

  io.use(async (socket, next) => {
    try {
      const handshake = handshakeOf(socket);
      const caller = await authenticate(handshake);
      if (caller.kind === "anonymous") {
        next(new Error(handshake.shareToken ? SHARE_LINK_ENDED_MESSAGE : "Not signed in: sign in again to receive live updates."));
        return;
      }
      socket.data.caller = caller;
      if (caller.kind === "user") await socket.join(userRoom(caller.user.id));
      if (caller.kind === "share") {
        await socket.join(shareLinkRoom(caller.shareLinkId));
        endAtExpiry(socket, caller.expiresAtMs);
      }
      next();
    } catch (error) {
      logger.error({ err: error, socketId: socket.id }, "socket authentication failed");
      next(new Error("Authentication failed on the server: try again."));
    }
  });

  io.on("connection", (socket) => {
    logger.debug({ socketId: socket.id, caller: (socket.data.caller as Caller).kind }, "socket connected");

    socket.on(SERVER_TIME, (ack: unknown) => {
      if (typeof ack !== "function") return;
      void currentCaller(socket, authenticate).then((caller) => {
        if (caller) (ack as Ack<{ serverNow: number }>)({ serverNow: Date.now() });
      });
    });

    socket.on(JOIN_INCIDENT, (raw: unknown, ack: unknown) => {
      if (typeof ack !== "function") return;
      void joinIncident(socket, prisma, authenticate, raw).then(ack as Ack<JoinResult>);
    });

    socket.on(WATCH_INCIDENT, (raw: unknown, ack: unknown) => {
      if (typeof ack !== "function") return;
      void watchIncident(socket, prisma, authenticate, raw).then(ack as Ack<WatchResult>);
    });

    socket.on(LEAVE_INCIDENT, (raw: unknown) => {
      const parsed = joinInput.pick({ incidentId: true }).safeParse(raw);
      if (!parsed.success) return;
      void socket.leave(incidentRoom(parsed.data.incidentId));
      void socket.leave(incidentOutputRoom(parsed.data.incidentId));
      void socket.leave(stakeholderRoom(parsed.data.incidentId));
    });
  });

  setIo(io);
  return io;
}

function handshakeOf(socket: Socket): SocketHandshake {
  const auth = socket.handshake.auth as { shareToken?: unknown } | undefined;
  return {
    cookie: socket.handshake.headers.cookie,
    shareToken: typeof auth?.shareToken === "string" ? auth.shareToken : undefined,
    address: socket.handshake.address,
  };
}

// A share link's socket ends when the link expires, even if it sends nothing.
function endAtExpiry(socket: Socket, expiresAtMs: number): void {
  const timer = setTimeout(() => {
    logger.info({ socketId: socket.id }, "share link expired: disconnecting");
    socket.emit(SESSION_ENDED, { message: SHARE_LINK_ENDED_MESSAGE });
    socket.disconnect(true);
  }, Math.min(Math.max(0, expiresAtMs - Date.now()), MAX_TIMER_MS));
  socket.once("disconnect", () => clearTimeout(timer));
}

// Authenticates the socket again; a socket whose session ended gets a message and is disconnected.
async function currentCaller(socket: Socket, authenticate: AuthenticateSocket): Promise<Caller | null> {
  const handshake = handshakeOf(socket);
  const caller = await authenticate(handshake);
  if (caller.kind !== "anonymous") {
    socket.data.caller = caller;
    return caller;
  }
  logger.info({ socketId: socket.id }, "socket session ended: disconnecting");
  socket.emit(SESSION_ENDED, { message: endedMessage(socket) });
  socket.disconnect(true);
  return null;
}

function endedMessage(socket: Socket): string {
  return (socket.data.caller as Caller | undefined)?.kind === "share" ? SHARE_LINK_ENDED_MESSAGE : SESSION_ENDED_MESSAGE;
}

// Joins the stakeholder room before reading the view, so a change committed after the read
// still reaches this socket as a notice.
async function watchIncident(socket: Socket, prisma: PrismaClient, authenticate: AuthenticateSocket, raw: unknown): Promise<WatchResult> {
  const parsed = watchInput.safeParse(raw);
  if (!parsed.success) return { ok: false, error: "Invalid watch request: incidentId is required." };
  const { incidentId } = parsed.data;

  try {
    const caller = await currentCaller(socket, authenticate);
    if (!caller) return { ok: false, error: endedMessage(socket) };

    await authorize(prisma, caller, { permission: "incident.watch", incidentId, operation: `socket ${WATCH_INCIDENT}` });

    await socket.join(stakeholderRoom(incidentId));
    // Signed-in users see the names on the command view anyway; a share link shows them only when it allows.
    // NOTE: every watcher reads the view itself after each notice, so N watchers cost N reads per change; not measured beyond a few watchers.
    const view = await getStakeholderView(prisma, incidentId, { showNames: caller.kind === "share" ? caller.showNames : true });
    return { ok: true, view };
  } catch (error) {
    if (isRunbridgeError(error)) {
      await socket.leave(stakeholderRoom(incidentId));
      return { ok: false, error: error.message };
    }
    logger.error({ err: error, socketId: socket.id, incidentId }, "socket watch failed");
    return { ok: false, error: "Loading the incident's status failed on the server: reload the page." };
  }
}

// Joins the room before reading the missed events: an event committed after the read is then
// broadcast to this socket, and one committed before it is in the read, so none is lost.
async function joinIncident(socket: Socket, prisma: PrismaClient, authenticate: AuthenticateSocket, raw: unknown): Promise<JoinResult> {
  const parsed = joinInput.safeParse(raw);
  if (!parsed.success) {
    return { ok: false, error: "Invalid join request: incidentId and afterSeq (a whole number, 0 or more) are required." };
  }
  const { incidentId, afterSeq } = parsed.data;

  try {
    const caller = await currentCaller(socket, authenticate);
    if (!caller) return { ok: false, error: endedMessage(socket) };

    await authorize(prisma, caller, { permission: "incident.view", incidentId, operation: `socket ${JOIN_INCIDENT}` });

    const incident = await prisma.incident.findUnique({ where: { id: incidentId }, select: { id: true } });
    if (!incident) {
      return { ok: false, error: `Incident "${incidentId}" was not found.` };
    }

    await socket.join(incidentRoom(incidentId));
    // Command output goes only to callers who may run steps.
    if (await permits(prisma, caller, { permission: "step.execute", incidentId, operation: `socket ${JOIN_INCIDENT}` })) {
      await socket.join(incidentOutputRoom(incidentId));
    }
    const events = await listEventsAfter(prisma, incidentId, afterSeq);
    return { ok: true, events, serverNow: Date.now() };
  } catch (error) {
    if (isRunbridgeError(error)) return { ok: false, error: error.message };
    logger.error({ err: error, socketId: socket.id, incidentId }, "socket join failed");
    return { ok: false, error: "Joining the incident failed on the server: reload the page." };
  }
}
