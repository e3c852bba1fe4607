import type { Server } from "socket.io";

// The custom server (run by tsx) creates the socket.io server, and Next's separately bundled
// server actions publish through it. Module state is not shared between the two bundles, so
// the instance lives on globalThis.
const KEY = Symbol.for("runbridge.io");

type Registry = typeof globalThis & { [KEY]?: Server };

export function setIo(io: Server | undefined): void {
  (globalThis as Registry)[KEY] = io;
}

export function getIo(): Server | undefined {
  return (globalThis as Registry)[KEY];
}

export function incidentRoom(incidentId: string): string {
  return `incident:${incidentId}`;
}

/** Room for live command output: only users who may run steps join it, never viewers. */
export function incidentOutputRoom(incidentId: string): string {
  return `incident-output:${incidentId}`;
}

/** Room for the stakeholder view: it receives a notice that something changed, never the change. */
export function stakeholderRoom(incidentId: string): string {
  return `incident-stakeholders:${incidentId}`;
}

/** Room of every socket opened with one share link, so revoking the link can end them all. */
export function shareLinkRoom(shareLinkId: string): string {
  return `share-link:${shareLinkId}`;
}
