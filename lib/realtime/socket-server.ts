import type { Server as HttpServer } from "node:http";
import { Server, type Socket } from "socket.io";
import { z } from "zod";
import { authorize, permits, type Caller } from "../auth/gate";
import type { PrismaClient } from "../db/types";
import { isRunbridgeError } from "../errors";
import { MAX_INT32 } from "../incident/limits";
import { listEventsAfter } from "../incident/list-events-after";
import { logger } from "../logger";
import { userRoom } from "./disconnect-user";
import { incidentOutputRoom, incidentRoom, setIo } from "./io-registry";

export const JOIN_INCIDENT = "incident:join";
export const LEAVE_INCIDENT = "incident:leave";
export const SERVER_TIME = "time";
/** Sent to a socket just before the server disconnects it because its session ended. */
export const SESSION_ENDED = "session:ended";

export interface SocketHandshake {
  cookie: string | undefined;
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

export type JoinResult =
  | { ok: true; events: Awaited<ReturnType<typeof listEventsAfter>>; serverNow: number }
  | { ok: false; error: string };

type Ack<T> = (result: T) => void;

const SESSION_ENDED_MESSAGE = "Your session ended or your account was deactivated: sign in again.";

/**
 * Attaches socket.io to the HTTP server. Every socket must carry a valid session cookie; a
 * signed-in user joins one room per incident and gets the events it missed on joining.
 * Every event passes the gate in lib/auth/gate.ts with the caller as it is at that moment.
 */
export function createSocketServer(httpServer: HttpServer, prisma: PrismaClient, authenticate: AuthenticateSocket): Server {
  const io = new Server(httpServer, { serveClient: false });

  io.use(async (socket, next) => {
    try {
      const caller = await authenticate(handshakeOf(socket));
      if (caller.kind === "anonymous") {
        next(new Error("Not signed in: sign in again to receive live updates."));
        return;
      }
      socket.data.caller = caller;
      if (caller.kind === "user") await socket.join(userRoom(caller.user.id));
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

    socket.on(LEAVE_INCIDENT, (raw: unknown) => {
      const parsed = joinInput.pick({ incidentId: true }).safeParse(raw);
      if (!parsed.success) return;
      void socket.leave(incidentRoom(parsed.data.incidentId));
      void socket.leave(incidentOutputRoom(parsed.data.incidentId));
    });
  });

  setIo(io);
  return io;
}

function handshakeOf(socket: Socket): SocketHandshake {
  return { cookie: socket.handshake.headers.cookie, address: socket.handshake.address };
}

// Authenticates the socket again; a socket whose session ended gets a message and is disconnected.
async function currentCaller(socket: Socket, authenticate: AuthenticateSocket): Promise<Caller | null> {
  const caller = await authenticate(handshakeOf(socket));
  if (caller.kind !== "anonymous") {
    socket.data.caller = caller;
    return caller;
  }
  logger.info({ socketId: socket.id }, "socket session ended: disconnecting");
  socket.emit(SESSION_ENDED, { message: SESSION_ENDED_MESSAGE });
  socket.disconnect(true);
  return null;
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
    if (!caller) return { ok: false, error: SESSION_ENDED_MESSAGE };

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
