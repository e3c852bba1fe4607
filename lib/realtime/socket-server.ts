import type { Server as HttpServer } from "node:http";
import { Server, type Socket } from "socket.io";
import { z } from "zod";
import { can } from "../auth/roles";
import type { PrismaClient } from "../db/types";
import { MAX_INT32 } from "../incident/limits";
import { listEventsAfter } from "../incident/list-events-after";
import { logger } from "../logger";
import { incidentOutputRoom, incidentRoom, setIo } from "./io-registry";

export const JOIN_INCIDENT = "incident:join";
export const LEAVE_INCIDENT = "incident:leave";
export const SERVER_TIME = "time";

export interface SocketUser {
  id: string;
  name: string;
  role: string;
}

/** Resolves the handshake's Cookie header to an active user, or null. */
export type AuthenticateSocket = (cookieHeader: string | undefined) => Promise<SocketUser | null>;

const joinInput = z.object({
  incidentId: z.string().min(1).max(100),
  afterSeq: z.number().int().min(0).max(MAX_INT32),
});

export type JoinResult =
  | { ok: true; events: Awaited<ReturnType<typeof listEventsAfter>>; serverNow: number }
  | { ok: false; error: string };

type Ack<T> = (result: T) => void;

/**
 * Attaches socket.io to the HTTP server. Every socket must carry a valid session cookie; a
 * signed-in user joins one room per incident and gets the events it missed on joining.
 */
export function createSocketServer(httpServer: HttpServer, prisma: PrismaClient, authenticate: AuthenticateSocket): Server {
  const io = new Server(httpServer, { serveClient: false });

  io.use(async (socket, next) => {
    try {
      const user = await authenticate(socket.handshake.headers.cookie);
      if (!user) {
        next(new Error("Not signed in: sign in again to receive live updates."));
        return;
      }
      socket.data.user = user;
      next();
    } catch (error) {
      logger.error({ err: error, socketId: socket.id }, "socket authentication failed");
      next(new Error("Authentication failed on the server: try again."));
    }
  });

  io.on("connection", (socket) => {
    const user = socket.data.user as SocketUser;
    logger.debug({ socketId: socket.id, userId: user.id }, "socket connected");

    socket.on(SERVER_TIME, (ack: unknown) => {
      if (typeof ack === "function") ack({ serverNow: Date.now() });
    });

    socket.on(JOIN_INCIDENT, (raw: unknown, ack: unknown) => {
      if (typeof ack !== "function") return;
      void joinIncident(socket, prisma, user, raw).then(ack as Ack<JoinResult>);
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

// Joins the room before reading the missed events: an event committed after the read is then
// broadcast to this socket, and one committed before it is in the read, so none is lost.
async function joinIncident(socket: Socket, prisma: PrismaClient, user: SocketUser, raw: unknown): Promise<JoinResult> {
  const parsed = joinInput.safeParse(raw);
  if (!parsed.success) {
    return { ok: false, error: "Invalid join request: incidentId and afterSeq (a whole number, 0 or more) are required." };
  }
  const { incidentId, afterSeq } = parsed.data;

  if (!can(user.role, "incident.view")) {
    logger.warn({ userId: user.id, incidentId }, "socket join denied");
    return { ok: false, error: "Your role may not view incidents." };
  }

  try {
    const incident = await prisma.incident.findUnique({ where: { id: incidentId }, select: { id: true } });
    if (!incident) {
      return { ok: false, error: `Incident "${incidentId}" was not found.` };
    }

    await socket.join(incidentRoom(incidentId));
    if (can(user.role, "step.execute")) await socket.join(incidentOutputRoom(incidentId));
    const events = await listEventsAfter(prisma, incidentId, afterSeq);
    return { ok: true, events, serverNow: Date.now() };
  } catch (error) {
    logger.error({ err: error, userId: user.id, incidentId }, "socket join failed");
    return { ok: false, error: "Joining the incident failed on the server: reload the page." };
  }
}
