// The socket server against a real HTTP server, socket.io client and PGlite: who may connect
// and join, and how ended sessions lose their sockets.
import { createServer, type Server as HttpServer } from "node:http";
import type { AddressInfo } from "node:net";
import { encode } from "@auth/core/jwt";
import { io as connect, type Socket } from "socket.io-client";
import type { Server } from "socket.io";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createUser } from "../auth/create-user";
import { endUserSessions, setUserActive } from "../auth/manage-user";
import { openTestDatabase } from "../auth/test-database";
import type { Database } from "../db/open-database";
import { addNote } from "../incident/add-note";
import { declareIncident } from "../incident/declare-incident";
import type { TimelineEvent } from "../incident/events";
import { ROLES, type Role } from "../auth/roles";
import { createSocketAuthenticator } from "./authenticate-socket";
import { disconnectUserSockets } from "./disconnect-user";
import { publishEvents, TIMELINE_EVENT } from "./publish-events";
import { createSocketServer, JOIN_INCIDENT, SERVER_TIME, SESSION_ENDED, STAKEHOLDER_CHANGED, WATCH_INCIDENT, type JoinResult, type WatchResult } from "./socket-server";
import { postUpdate } from "../incident/post-update";
import { createShareLink } from "../share/create-share-link";
import { revokeShareLink } from "../share/revoke-share-link";
import { endShareLinkSockets } from "./end-share-link-sockets";

const SECRET = "socket-test-secret-0123456789abcdef";
const COOKIE_NAME = "authjs.session-token";

describe("socket server", () => {
  let database: Database;
  let cleanUp: () => Promise<void>;
  let httpServer: HttpServer;
  let io: Server;
  let url: string;
  let incidentId: string;
  const userIds = {} as Record<Role, string>;
  const sockets: Socket[] = [];

  beforeAll(async () => {
    ({ database, cleanUp } = await openTestDatabase("sockets"));
    for (const role of ROLES) {
      userIds[role] = (await createUser(database.prisma, { email: `${role}@example.com`, name: role, password: "correct-horse-battery", role })).id;
    }
    incidentId = (await declareIncident(database.prisma, { title: "Socket incident", severityLevel: 1, scenarioKey: "complete-database-failure" }, userIds.commander)).incidentId;

    httpServer = createServer();
    io = createSocketServer(httpServer, database.prisma, createSocketAuthenticator(database.prisma, SECRET));
    await new Promise<void>((resolve) => httpServer.listen(0, "127.0.0.1", resolve));
    url = `http://127.0.0.1:${(httpServer.address() as AddressInfo).port}`;
  });

  afterAll(async () => {
    for (const socket of sockets) socket.close();
    await new Promise<void>((resolve) => io.close(() => resolve()));
    await cleanUp();
  });

  async function cookieFor(userId: string): Promise<string> {
    const user = await database.prisma.user.findUniqueOrThrow({ where: { id: userId } });
    const token = await encode({ token: { uid: user.id, sv: user.sessionVersion }, secret: SECRET, salt: COOKIE_NAME });
    return `${COOKIE_NAME}=${token}`;
  }

  function open(cookie?: string, shareToken?: string): Socket {
    const socket = connect(url, { transports: ["websocket"], reconnection: false, extraHeaders: cookie ? { cookie } : {}, auth: shareToken ? { shareToken } : {} });
    sockets.push(socket);
    return socket;
  }

  function connected(socket: Socket): Promise<"connected" | string> {
    return new Promise((resolve) => {
      socket.once("connect", () => resolve("connected"));
      socket.once("connect_error", (error) => resolve(error.message));
    });
  }

  function join(socket: Socket, afterSeq = 0): Promise<JoinResult> {
    return socket.timeout(5_000).emitWithAck(JOIN_INCIDENT, { incidentId, afterSeq });
  }

  it("rejects a socket without a session", async () => {
    expect(await connected(open())).toBe("Not signed in: sign in again to receive live updates.");
    expect(await connected(open(`${COOKIE_NAME}=forged`))).toBe("Not signed in: sign in again to receive live updates.");
  });

  it.each(ROLES)("lets a %s join and receive events", async (role) => {
    const socket = open(await cookieFor(userIds[role]));
    expect(await connected(socket)).toBe("connected");

    const joined = await join(socket);
    expect(joined.ok).toBe(true);
    expect(joined.ok && joined.events.map((event) => event.type)).toContain("incident.declared");

    const received = new Promise<TimelineEvent>((resolve) => socket.once(TIMELINE_EVENT, resolve));
    const { events } = await addNote(database.prisma, { incidentId, text: `hello ${role}` }, userIds.commander);
    publishEvents(events);
    expect((await received).payload).toEqual({ text: `hello ${role}` });
    socket.close();
  });

  it("answers the time and rejects unknown incidents", async () => {
    const socket = open(await cookieFor(userIds.viewer));
    await connected(socket);
    const time = await socket.timeout(5_000).emitWithAck(SERVER_TIME);
    expect(Math.abs(time.serverNow - Date.now())).toBeLessThan(5_000);

    const unknown: JoinResult = await socket.timeout(5_000).emitWithAck(JOIN_INCIDENT, { incidentId: "no-such-incident", afterSeq: 0 });
    expect(unknown).toEqual({ ok: false, error: 'Incident "no-such-incident" was not found.' });
    const invalid: JoinResult = await socket.timeout(5_000).emitWithAck(JOIN_INCIDENT, { incidentId, afterSeq: -1 });
    expect(invalid.ok).toBe(false);
    socket.close();
  });

  it("disconnects every socket of a deactivated user at once", async () => {
    const responder = (await createUser(database.prisma, { email: "gone@example.com", name: "Gone", password: "correct-horse-battery", role: "responder" })).id;
    const cookie = await cookieFor(responder);
    const first = open(cookie);
    const second = open(cookie);
    // Both listeners go on before either socket can connect.
    const bothConnected = Promise.all([connected(first), connected(second)]);
    expect(await bothConnected).toEqual(["connected", "connected"]);
    await join(first);

    const reasons = Promise.all([first, second].map((socket) => new Promise<string>((resolve) => socket.once("disconnect", resolve))));
    await setUserActive(database.prisma, { userId: responder, active: false }, { id: userIds.admin, email: "admin@example.com" });
    disconnectUserSockets(responder);
    expect(await reasons).toEqual(["io server disconnect", "io server disconnect"]);

    expect(await connected(open(cookie))).toBe("Not signed in: sign in again to receive live updates.");
  });

  it("ends a socket at its next event once the session ended", async () => {
    const cookie = await cookieFor(userIds.responder);
    const socket = open(cookie);
    expect(await connected(socket)).toBe("connected");

    // Another process ended the sessions, so this one did not disconnect the socket itself.
    await endUserSessions(database.prisma, { userId: userIds.responder }, { id: userIds.responder, email: "responder@example.com" });

    const ended = new Promise<{ message: string }>((resolve) => socket.once(SESSION_ENDED, resolve));
    const disconnected = new Promise<string>((resolve) => socket.once("disconnect", resolve));
    socket.emit(JOIN_INCIDENT, { incidentId, afterSeq: 0 }, () => undefined);
    expect((await ended).message).toContain("Your session ended");
    expect(await disconnected).toBe("io server disconnect");

    // A cookie with the new session version works again.
    const fresh = open(await cookieFor(userIds.responder));
    expect(await connected(fresh)).toBe("connected");
    expect((await join(fresh)).ok).toBe(true);
  });

  describe("share links", () => {
    const commander = () => ({ id: userIds.commander, email: "commander@example.com", name: "commander", role: "commander" });
    let otherIncidentId: string;

    beforeAll(async () => {
      otherIncidentId = (await declareIncident(database.prisma, { title: "Other incident", severityLevel: 2, scenarioKey: "cdn-asset-failure" }, userIds.commander)).incidentId;
    });

    function watch(socket: Socket, id = incidentId): Promise<WatchResult> {
      return socket.timeout(5_000).emitWithAck(WATCH_INCIDENT, { incidentId: id });
    }

    async function watchedView(socket: Socket) {
      const result = await watch(socket);
      if (!result.ok) throw new Error(`Watching failed: ${result.error}`);
      return result.view;
    }

    it("share link: own incident only", async () => {
      const { token } = await createShareLink(database.prisma, { incidentId, label: "Board", expiresInHours: 1 }, commander());
      const socket = open(undefined, token);
      expect(await connected(socket)).toBe("connected");

      const view = await watchedView(socket);
      expect(view.title).toBe("Socket incident");
      expect(view.commander).toBeNull();

      expect(await watch(socket, otherIncidentId)).toEqual({ ok: false, error: "This share link is for another incident: a link opens only the incident it was made for." });
      const joined = await join(socket);
      expect(joined).toEqual({ ok: false, error: "A share link may only watch the incident it was made for; it may not view incidents." });
      socket.close();
    });

    it("stakeholder notice: updates only", async () => {
      const { token } = await createShareLink(database.prisma, { incidentId, label: "Notices", expiresInHours: 1 }, commander());
      const socket = open(undefined, token);
      await connected(socket);
      await watch(socket);

      const received: string[] = [];
      socket.on(TIMELINE_EVENT, () => received.push("timeline event"));
      socket.on(STAKEHOLDER_CHANGED, () => received.push("notice"));

      publishEvents((await addNote(database.prisma, { incidentId, text: "internal: db primary is corrupt" }, userIds.commander)).events);
      const notice = new Promise<unknown>((resolve) => socket.once(STAKEHOLDER_CHANGED, resolve));
      const posted = await postUpdate(database.prisma, { incidentId, text: "Checkout is degraded" }, userIds.commander);
      publishEvents(posted.events);
      expect(await notice).toEqual({ incidentId });
      expect(received).toEqual(["notice"]);

      const view = await watchedView(socket);
      expect(view.updates[0]).toMatchObject({ text: "Checkout is degraded", author: null });
      expect(JSON.stringify(view)).not.toContain("db primary is corrupt");
      socket.close();
    });

    it("share link: revoke ends socket", async () => {
      const created = await createShareLink(database.prisma, { incidentId, label: "To revoke", expiresInHours: 1 }, commander());
      const socket = open(undefined, created.token);
      expect(await connected(socket)).toBe("connected");
      expect((await watch(socket)).ok).toBe(true);

      const ended = new Promise<{ message: string }>((resolve) => socket.once(SESSION_ENDED, resolve));
      const disconnected = new Promise<string>((resolve) => socket.once("disconnect", resolve));
      await revokeShareLink(database.prisma, { incidentId, shareLinkId: created.link.id }, commander());
      endShareLinkSockets(created.link.id);
      expect((await ended).message).toContain("This share link was revoked or has expired");
      expect(await disconnected).toBe("io server disconnect");

      expect(await connected(open(undefined, created.token))).toContain("This share link was revoked or has expired");
    });

    it("share link: expiry ends socket", async () => {
      const created = await createShareLink(database.prisma, { incidentId, label: "Short", expiresInHours: 1 }, commander());
      await database.prisma.shareLink.update({ where: { id: created.link.id }, data: { expiresAt: new Date(Date.now() + 1_500) } });
      const socket = open(undefined, created.token);
      expect(await connected(socket)).toBe("connected");

      const ended = new Promise<{ message: string }>((resolve) => socket.once(SESSION_ENDED, resolve));
      expect((await ended).message).toContain("has expired");
      expect(await connected(open(undefined, created.token))).toContain("has expired");
    });

    it("share link: unknown token rejected", async () => {
      expect(await connected(open(undefined, "A".repeat(43)))).toContain("This share link was revoked or has expired");
    });

    it("share link: token wins over cookie", async () => {
      const created = await createShareLink(database.prisma, { incidentId, label: "Opened by a commander", expiresInHours: 1 }, commander());
      const socket = open(await cookieFor(userIds.commander), created.token);
      expect(await connected(socket)).toBe("connected");
      expect((await watchedView(socket)).commander).toBeNull();

      const disconnected = new Promise<string>((resolve) => socket.once("disconnect", resolve));
      await revokeShareLink(database.prisma, { incidentId, shareLinkId: created.link.id }, commander());
      endShareLinkSockets(created.link.id);
      expect(await disconnected).toBe("io server disconnect");
      expect(await connected(open(await cookieFor(userIds.commander), created.token))).toContain("This share link was revoked or has expired");
    });
  });
});
