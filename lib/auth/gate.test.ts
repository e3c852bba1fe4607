// The gate's decisions for every global role, incident role and caller kind, against PGlite.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "../db/open-database";
import { RunbridgeError } from "../errors";
import { declareIncident } from "../incident/declare-incident";
import { createUser } from "./create-user";
import { authorize, authorizeBeforeInput, type Caller } from "./gate";
import { INCIDENT_ROLES, type IncidentRole } from "./incident-roles";
import type { SessionUser } from "./load-session-user";
import { ROLES, type Permission, type Role } from "./roles";
import { openTestDatabase } from "./test-database";

const ALL_PERMISSIONS: Permission[] = [
  "incident.view",
  "incident.watch",
  "incident.declare",
  "incident.resolve",
  "incident.command",
  "step.record",
  "note.add",
  "update.post",
  "share.manage",
  "session.end_own",
  "review.view",
  "review.edit",
  "step.execute",
  "step.approve",
  "automation.configure",
  "runbook.manage",
  "user.manage",
  "audit.view",
];

// The expected global grants, written out so a change to roles.ts must change this table too.
const EXPECTED_GLOBAL: Record<Role, Permission[]> = {
  admin: ALL_PERMISSIONS,
  commander: ALL_PERMISSIONS.filter((permission) => !["user.manage", "audit.view", "automation.configure", "runbook.manage"].includes(permission)),
  responder: ["incident.view", "incident.watch", "step.record", "note.add", "session.end_own", "review.view", "step.execute"],
  viewer: ["incident.view", "incident.watch", "session.end_own"],
};

// What a responder gains on an incident through each incident role.
const EXPECTED_RESPONDER_ON_INCIDENT: Record<IncidentRole, Permission[]> = {
  incident_commander: ["incident.resolve", "incident.command", "update.post", "share.manage", "step.approve", "review.edit"],
  communications_lead: ["update.post", "share.manage"],
  scribe: ["review.edit"],
  operations: [],
};

describe("gate", () => {
  let database: Database;
  let cleanUp: () => Promise<void>;
  const users = {} as Record<Role, SessionUser>;
  let incidentId: string;
  let otherIncidentId: string;

  beforeAll(async () => {
    ({ database, cleanUp } = await openTestDatabase("gate"));
    for (const role of ROLES) {
      const created = await createUser(database.prisma, { email: `${role}@example.com`, name: `${role} user`, password: "correct-horse-battery", role });
      users[role] = { ...created };
    }
    const declare = (title: string) => declareIncident(database.prisma, { title, severityLevel: 1, scenarioKey: "complete-database-failure" }, users.commander.id);
    incidentId = (await declare("Gate incident")).incidentId;
    otherIncidentId = (await declare("Other incident")).incidentId;
  });

  afterAll(async () => cleanUp());

  async function decide(caller: Caller, permission: Permission, incident: string | null = incidentId): Promise<"allowed" | string> {
    try {
      await authorize(database.prisma, caller, { permission, incidentId: incident, operation: "test" });
      return "allowed";
    } catch (error) {
      expect(error).toBeInstanceOf(RunbridgeError);
      return (error as RunbridgeError).code;
    }
  }

  async function denial(caller: Caller, permission: Permission): Promise<RunbridgeError> {
    const error = await authorize(database.prisma, caller, { permission, incidentId, operation: "test" }).then(
      () => null,
      (caught: unknown) => caught,
    );
    expect(error).toBeInstanceOf(RunbridgeError);
    return error as RunbridgeError;
  }

  async function assign(userId: string, role: IncidentRole, incident = incidentId) {
    await database.prisma.incidentRoleAssignment.create({ data: { incidentId: incident, userId, role } });
  }

  it.each(ROLES)("grants %s exactly its global permissions", async (role) => {
    for (const permission of ALL_PERMISSIONS) {
      const expected = EXPECTED_GLOBAL[role].includes(permission) ? "allowed" : "FORBIDDEN";
      expect(`${permission}: ${await decide({ kind: "user", user: users[role] }, permission)}`).toBe(`${permission}: ${expected}`);
    }
  });

  it.each(INCIDENT_ROLES)("adds %s permissions on its incident only", async (incidentRole) => {
    const responder = await createUser(database.prisma, { email: `responder-${incidentRole}@example.com`, name: "R", password: "correct-horse-battery", role: "responder" });
    await assign(responder.id, incidentRole);
    const caller: Caller = { kind: "user", user: responder };

    for (const permission of ALL_PERMISSIONS) {
      const granted = EXPECTED_GLOBAL.responder.includes(permission) || EXPECTED_RESPONDER_ON_INCIDENT[incidentRole].includes(permission);
      expect(`${permission}: ${await decide(caller, permission)}`).toBe(`${permission}: ${granted ? "allowed" : "FORBIDDEN"}`);
      // On another incident, and with no incident, only the global role counts.
      const globally = EXPECTED_GLOBAL.responder.includes(permission) ? "allowed" : "FORBIDDEN";
      expect(`${permission} elsewhere: ${await decide(caller, permission, otherIncidentId)}`).toBe(`${permission} elsewhere: ${globally}`);
      expect(`${permission} without incident: ${await decide(caller, permission, null)}`).toBe(`${permission} without incident: ${globally}`);
    }
  });

  it("never lets a viewer mutate, whatever incident role", async () => {
    const viewer = await createUser(database.prisma, { email: "viewer-ic@example.com", name: "V", password: "correct-horse-battery", role: "viewer" });
    for (const incidentRole of INCIDENT_ROLES) await assign(viewer.id, incidentRole);

    for (const permission of ALL_PERMISSIONS) {
      const expected = EXPECTED_GLOBAL.viewer.includes(permission) ? "allowed" : "FORBIDDEN";
      expect(`${permission}: ${await decide({ kind: "user", user: viewer }, permission)}`).toBe(`${permission}: ${expected}`);
      expect(await authorizeBeforeInput(database.prisma, { kind: "user", user: viewer }, { permission, operation: "test" }).then(() => "allowed", () => "FORBIDDEN")).toBe(expected);
    }
  });

  it("records the claimed incident of an early denial", async () => {
    const viewer = users.viewer;
    await authorizeBeforeInput(database.prisma, { kind: "user", user: viewer }, { permission: "note.add", operation: "claimed test", claimedIncidentId: incidentId }).catch(() => undefined);
    await authorizeBeforeInput(database.prisma, { kind: "user", user: viewer }, { permission: "note.add", operation: "long claim test", claimedIncidentId: "x".repeat(500) }).catch(() => undefined);

    const claimed = await database.prisma.auditEntry.findFirstOrThrow({ where: { action: "permission_denied", details: { path: ["operation"], equals: "claimed test" } } });
    expect(claimed.incidentId).toBe(incidentId);
    const long = await database.prisma.auditEntry.findFirstOrThrow({ where: { action: "permission_denied", details: { path: ["operation"], equals: "long claim test" } } });
    expect(long.incidentId).toHaveLength(100);
  });

  it("denies anonymous callers everything", async () => {
    for (const permission of ALL_PERMISSIONS) {
      expect(await decide({ kind: "anonymous" }, permission)).toBe("UNAUTHENTICATED");
    }
  });

  it("lets a share link only watch its own incident", async () => {
    const caller: Caller = { kind: "share", shareLinkId: "link-1", incidentId, showNames: false, expiresAtMs: Date.now() + 60_000 };
    for (const permission of ALL_PERMISSIONS) {
      expect(`${permission}: ${await decide(caller, permission)}`).toBe(`${permission}: ${permission === "incident.watch" ? "allowed" : "FORBIDDEN"}`);
    }
    expect(await decide(caller, "incident.watch", otherIncidentId)).toBe("FORBIDDEN");
    expect(await decide(caller, "incident.watch", null)).toBe("FORBIDDEN");
  });

  it("records each denial in the audit log", async () => {
    await database.prisma.auditEntry.deleteMany({ where: { action: "permission_denied" } });

    await decide({ kind: "user", user: users.viewer }, "step.record");
    await decide({ kind: "anonymous", address: "192.0.2.7" }, "incident.view");
    await decide({ kind: "share", shareLinkId: "link-2", incidentId, showNames: false, expiresAtMs: Date.now() + 60_000 }, "incident.watch", otherIncidentId);
    await decide({ kind: "user", user: users.admin }, "step.record");

    const entries = await database.prisma.auditEntry.findMany({ where: { action: "permission_denied" }, orderBy: { at: "asc" } });
    expect(entries).toHaveLength(3);
    expect(entries[0]).toMatchObject({ actorId: users.viewer.id, actorEmail: "viewer@example.com", incidentId, details: { permission: "step.record", caller: "user", role: "viewer", operation: "test" } });
    expect(entries[1]).toMatchObject({ actorId: null, address: "192.0.2.7", details: { permission: "incident.view", caller: "anonymous" } });
    expect(entries[2]).toMatchObject({ incidentId: otherIncidentId, details: { caller: "share", shareLinkId: "link-2" } });
  });

  it("explains a denial with the role and what was refused", async () => {
    const viewerError = await denial({ kind: "user", user: users.viewer }, "step.record");
    expect(viewerError.message).toContain("Viewers can watch incidents but not change them");
    expect(viewerError.message).toContain("record steps");

    const responderError = await denial({ kind: "user", user: users.responder }, "incident.resolve");
    expect(responderError.message).toContain("Your role (responder) may not resolve incidents, and no role you hold on this incident allows it");
  });
});
