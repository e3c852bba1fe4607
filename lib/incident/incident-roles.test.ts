// Integration tests of incident roles, step assignment and command handover against real
// databases: PGlite in a temporary folder and, when it is reachable, the PostgreSQL on 127.0.0.1:5432.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { AuditActor } from "../auth/audit-actor";
import { createUser } from "../auth/create-user";
import { authorize, permits, type Caller } from "../auth/gate";
import type { SessionUser } from "../auth/load-session-user";
import type { Role } from "../auth/roles";
import type { Database } from "../db/open-database";
import { listTestBackends } from "../db/test-backends";
import { RunbridgeError } from "../errors";
import { ensureSampleRunbook } from "../runbook/ensure-sample-runbook";
import { expectError } from "../testing/expect-error";
import { assignIncidentRole } from "./assign-incident-role";
import { assignStep } from "./assign-step";
import { declareIncident } from "./declare-incident";
import { getIncidentView } from "./get-incident-view";
import { handOverCommand } from "./hand-over-command";
import { listAssignableUsers } from "./list-assignable-users";
import { listEventsAfter } from "./list-events-after";
import { removeIncidentRole } from "./remove-incident-role";
import { resolveIncident } from "./resolve-incident";

const backends = await listTestBackends();

describe.each(backends)("incident roles on $name", (backend) => {
  let database: Database;
  let cleanUp: () => Promise<void>;
  let ina: SessionUser;
  let rex: SessionUser;
  let ola: SessionUser;
  let vic: SessionUser;
  let dee: SessionUser;
  let inaActor: AuditActor;

  beforeAll(async () => {
    if (backend.skipReason) return;
    ({ database, cleanUp } = await backend.open());
    await ensureSampleRunbook(database.prisma);
    const create = (email: string, name: string, role: Role) => createUser(database.prisma, { email, name, password: "correct-horse-battery", role });
    ina = await create("ina@example.com", "Ina Commander", "commander");
    rex = await create("rex@example.com", "Rex Responder", "responder");
    ola = await create("ola@example.com", "Ola Operator", "responder");
    vic = await create("vic@example.com", "Vic Viewer", "viewer");
    dee = await create("dee@example.com", "Dee Departed", "responder");
    await database.prisma.user.update({ where: { id: dee.id }, data: { active: false } });
    inaActor = { id: ina.id, email: ina.email, address: "127.0.0.1" };
  });

  afterAll(async () => {
    if (backend.skipReason) return;
    await cleanUp();
  });

  async function declare(title: string): Promise<string> {
    const { incidentId } = await declareIncident(database.prisma, { title, severityLevel: 1, scenarioKey: "complete-database-failure" }, ina.id);
    return incidentId;
  }

  function actorOf(user: SessionUser): AuditActor {
    return { id: user.id, email: user.email, address: "127.0.0.1" };
  }

  function callerOf(user: SessionUser): Caller {
    return { kind: "user", user };
  }

  /** Row, event and audit counts of an incident, to show that a rejected command wrote nothing. */
  async function countWrites(incidentId: string) {
    return {
      assignments: await database.prisma.incidentRoleAssignment.count({ where: { incidentId } }),
      lastSeq: (await database.prisma.incident.findUniqueOrThrow({ where: { id: incidentId } })).lastSeq,
      audits: await database.prisma.auditEntry.count({ where: { incidentId, action: { in: ["incident_role_assigned", "incident_role_removed"] } } }),
    };
  }

  it.skipIf(Boolean(backend.skipReason))("makes the declarer incident commander", async () => {
    const incidentId = await declare("Declarer commands");

    const view = await getIncidentView(database.prisma, incidentId);
    expect(view.roles).toEqual([{ role: "incident_commander", user: { id: ina.id, name: ina.name } }]);
    expect(view.events.map((event) => event.type)).toEqual(["incident.declared"]);
  });

  it.skipIf(Boolean(backend.skipReason))("assigns a role with its event and audit entry", async () => {
    const incidentId = await declare("Assign operations");

    const { events } = await assignIncidentRole(database.prisma, { incidentId, userId: rex.id, role: "operations" }, inaActor);

    const rows = await database.prisma.incidentRoleAssignment.findMany({ where: { incidentId, userId: rex.id } });
    expect(rows.map((row) => row.role)).toEqual(["operations"]);

    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({ seq: 2, type: "role.assigned", actor: { id: ina.id, name: ina.name }, payload: { role: "operations", user: { id: rex.id, name: rex.name } } });
    const stored = await listEventsAfter(database.prisma, incidentId, 1);
    expect(stored).toEqual(events);

    const audit = await database.prisma.auditEntry.findMany({ where: { incidentId, action: "incident_role_assigned" } });
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ actorId: ina.id, actorEmail: ina.email, targetUserId: rex.id, address: "127.0.0.1", details: { role: "operations" } });

    const view = await getIncidentView(database.prisma, incidentId);
    expect(view.roles).toEqual([
      { role: "incident_commander", user: { id: ina.id, name: ina.name } },
      { role: "operations", user: { id: rex.id, name: rex.name } },
    ]);
  });

  it.skipIf(Boolean(backend.skipReason))("rejects invalid role assignments without writing", async () => {
    const incidentId = await declare("Bad assignments");
    await assignIncidentRole(database.prisma, { incidentId, userId: rex.id, role: "scribe" }, inaActor);
    const before = await countWrites(incidentId);

    const unknown = await expectError(assignIncidentRole(database.prisma, { incidentId, userId: "no-such-user", role: "scribe" }, inaActor), "NOT_FOUND");
    expect(unknown.message).toBe('User "no-such-user" was not found: reload the page and pick someone from the list.');

    const inactive = await expectError(assignIncidentRole(database.prisma, { incidentId, userId: dee.id, role: "scribe" }, inaActor), "INVALID_INPUT");
    expect(inactive.message).toContain("Dee Departed is deactivated, so they cannot hold the role Scribe");

    const viewer = await expectError(assignIncidentRole(database.prisma, { incidentId, userId: vic.id, role: "operations" }, inaActor), "INVALID_INPUT");
    expect(viewer.message).toContain("Vic Viewer is a viewer, and viewers cannot change anything");
    expect(viewer.message).toContain("change their global role first");

    const duplicate = await expectError(assignIncidentRole(database.prisma, { incidentId, userId: rex.id, role: "scribe" }, inaActor), "CONFLICT");
    expect(duplicate.message).toBe("Rex Responder already holds the role Scribe on this incident.");

    await expect(assignIncidentRole(database.prisma, { incidentId, userId: rex.id, role: "janitor" as "scribe" }, inaActor)).rejects.toThrow(
      /Role must be one of incident_commander, communications_lead, scribe, operations/,
    );
    await expectError(assignIncidentRole(database.prisma, { incidentId: "no-such-incident", userId: rex.id, role: "scribe" }, inaActor), "NOT_FOUND");

    expect(await countWrites(incidentId)).toEqual(before);
  });

  it.skipIf(Boolean(backend.skipReason))("rejects role changes on a resolved incident", async () => {
    const incidentId = await declare("Resolved roles");
    await assignIncidentRole(database.prisma, { incidentId, userId: rex.id, role: "operations" }, inaActor);
    await resolveIncident(database.prisma, { incidentId }, ina.id);
    const before = await countWrites(incidentId);

    const assign = await expectError(assignIncidentRole(database.prisma, { incidentId, userId: ola.id, role: "scribe" }, inaActor), "INVALID_TRANSITION");
    expect(assign.message).toContain("is already resolved");
    await expectError(removeIncidentRole(database.prisma, { incidentId, userId: rex.id, role: "operations" }, inaActor), "INVALID_TRANSITION");
    await expectError(handOverCommand(database.prisma, { incidentId, toUserId: rex.id }, inaActor), "INVALID_TRANSITION");

    expect(await countWrites(incidentId)).toEqual(before);
  });

  it.skipIf(Boolean(backend.skipReason))("gives concurrent duplicate assignments one winner", async () => {
    const incidentId = await declare("Duplicate race");

    const results = await Promise.allSettled(
      Array.from({ length: 5 }, () => assignIncidentRole(database.prisma, { incidentId, userId: ola.id, role: "communications_lead" }, inaActor)),
    );

    expect(results.filter((result) => result.status === "fulfilled")).toHaveLength(1);
    for (const result of results) {
      if (result.status === "rejected") expect((result.reason as RunbridgeError).code).toBe("CONFLICT");
    }
    expect(await database.prisma.incidentRoleAssignment.count({ where: { incidentId, userId: ola.id } })).toBe(1);
    expect((await countWrites(incidentId)).lastSeq).toBe(2);
  });

  it.skipIf(Boolean(backend.skipReason))("removes a role with its event and audit entry", async () => {
    const incidentId = await declare("Remove scribe");
    await assignIncidentRole(database.prisma, { incidentId, userId: ola.id, role: "scribe" }, inaActor);

    const { events } = await removeIncidentRole(database.prisma, { incidentId, userId: ola.id, role: "scribe" }, inaActor);

    expect(await database.prisma.incidentRoleAssignment.count({ where: { incidentId, userId: ola.id } })).toBe(0);
    expect(events[0]).toMatchObject({ seq: 3, type: "role.removed", payload: { role: "scribe", user: { id: ola.id, name: ola.name } } });
    expect((await listEventsAfter(database.prisma, incidentId, 2)).map((event) => event.type)).toEqual(["role.removed"]);
    const audit = await database.prisma.auditEntry.findMany({ where: { incidentId, action: "incident_role_removed" } });
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ actorId: ina.id, targetUserId: ola.id, details: { role: "scribe" } });

    const view = await getIncidentView(database.prisma, incidentId);
    expect(view.roles.map((holder) => holder.role)).toEqual(["incident_commander"]);
  });

  it.skipIf(Boolean(backend.skipReason))("rejects removing a role nobody holds", async () => {
    const incidentId = await declare("Remove missing");
    const before = await countWrites(incidentId);

    const missing = await expectError(removeIncidentRole(database.prisma, { incidentId, userId: rex.id, role: "operations" }, inaActor), "NOT_FOUND");
    expect(missing.message).toBe("Rex Responder does not hold the role Operations on this incident, so there is nothing to remove: reload the incident.");
    const unknown = await expectError(removeIncidentRole(database.prisma, { incidentId, userId: "no-such-user", role: "operations" }, inaActor), "NOT_FOUND");
    expect(unknown.message).toContain('User "no-such-user" was not found');

    expect(await countWrites(incidentId)).toEqual(before);
  });

  it.skipIf(Boolean(backend.skipReason))("removes a role from a since-deactivated user", async () => {
    const incidentId = await declare("Remove from departed");
    const leaver = await createUser(database.prisma, { email: "leaver@example.com", name: "Lee Leaver", password: "correct-horse-battery", role: "responder" });
    await assignIncidentRole(database.prisma, { incidentId, userId: leaver.id, role: "operations" }, inaActor);
    await database.prisma.user.update({ where: { id: leaver.id }, data: { active: false } });

    await removeIncidentRole(database.prisma, { incidentId, userId: leaver.id, role: "operations" }, inaActor);

    expect(await database.prisma.incidentRoleAssignment.count({ where: { incidentId, userId: leaver.id } })).toBe(0);
  });

  it.skipIf(Boolean(backend.skipReason))("assigns and unassigns a step", async () => {
    const incidentId = await declare("Step owner");
    const step = (await getIncidentView(database.prisma, incidentId)).steps[1];
    expect(step.assignee).toBeNull();

    const assigned = await assignStep(database.prisma, { incidentId, stepId: step.id, expectedVersion: step.version, assigneeId: rex.id }, ina.id);
    expect(assigned.step.assignee).toEqual({ id: rex.id, name: rex.name });
    expect(assigned.step.version).toBe(step.version + 1);
    expect(assigned.events[0]).toMatchObject({
      type: "step.assigned",
      actor: { id: ina.id },
      payload: { stepId: step.id, title: step.title, assignee: { id: rex.id, name: rex.name }, stepVersion: step.version + 1 },
    });

    const stored = await database.prisma.stepRun.findUniqueOrThrow({ where: { id: step.id } });
    expect(stored.assigneeId).toBe(rex.id);
    expect(stored.version).toBe(step.version + 1);
    // Assigning is not a state change, so the card's "last change" line stays as it was.
    expect(stored.updatedById).toBeNull();
    expect((await getIncidentView(database.prisma, incidentId)).steps[1].assignee).toEqual({ id: rex.id, name: rex.name });

    const cleared = await assignStep(database.prisma, { incidentId, stepId: step.id, expectedVersion: assigned.step.version, assigneeId: null }, ina.id);
    expect(cleared.step.assignee).toBeNull();
    expect(cleared.events[0]).toMatchObject({ type: "step.assigned", payload: { assignee: null, stepVersion: step.version + 2 } });
    expect((await listEventsAfter(database.prisma, incidentId, 0)).map((event) => event.type)).toEqual(["incident.declared", "step.assigned", "step.assigned"]);
  });

  it.skipIf(Boolean(backend.skipReason))("rejects a stale step version with the current step", async () => {
    const incidentId = await declare("Stale assignment");
    const step = (await getIncidentView(database.prisma, incidentId)).steps[0];
    await assignStep(database.prisma, { incidentId, stepId: step.id, expectedVersion: 0, assigneeId: ola.id }, ina.id);

    const conflict = await expectError(assignStep(database.prisma, { incidentId, stepId: step.id, expectedVersion: 0, assigneeId: rex.id }, ina.id), "CONFLICT");
    expect(conflict.message).toContain(`"${step.title}" changed after you loaded it; it is now Not started and assigned to Ola Operator.`);
    expect((conflict.details as { step: { version: number; assignee: unknown } }).step).toMatchObject({ version: 1, assignee: { id: ola.id, name: ola.name } });

    const unseen = await expectError(assignStep(database.prisma, { incidentId, stepId: step.id, expectedVersion: 7, assigneeId: rex.id }, ina.id), "INVALID_INPUT");
    expect(unseen.message).toContain("expectedVersion 7 is newer than step");
    expect((await database.prisma.stepRun.findUniqueOrThrow({ where: { id: step.id } })).assigneeId).toBe(ola.id);
  });

  it.skipIf(Boolean(backend.skipReason))("gives concurrent step assignments one winner", async () => {
    const incidentId = await declare("Assignment race");
    const step = (await getIncidentView(database.prisma, incidentId)).steps[2];

    const results = await Promise.allSettled(
      Array.from({ length: 10 }, (_, index) => assignStep(database.prisma, { incidentId, stepId: step.id, expectedVersion: 0, assigneeId: index % 2 ? rex.id : ola.id }, ina.id)),
    );

    const losers = results.filter((result): result is PromiseRejectedResult => result.status === "rejected");
    expect(losers).toHaveLength(9);
    for (const loser of losers) expect((loser.reason as RunbridgeError).code).toBe("CONFLICT");
    expect((await database.prisma.stepRun.findUniqueOrThrow({ where: { id: step.id } })).version).toBe(1);
    expect((await listEventsAfter(database.prisma, incidentId, 0)).map((event) => event.seq)).toEqual([1, 2]);
  });

  it.skipIf(Boolean(backend.skipReason))("rejects invalid step assignees without writing", async () => {
    const incidentId = await declare("Bad assignees");
    const otherIncidentId = await declare("Other incident");
    const step = (await getIncidentView(database.prisma, incidentId)).steps[0];
    const assign = (assigneeId: string | null, stepId = step.id) => assignStep(database.prisma, { incidentId, stepId, expectedVersion: 0, assigneeId }, ina.id);

    const viewer = await expectError(assign(vic.id), "INVALID_INPUT");
    expect(viewer.message).toContain("Vic Viewer is a viewer");
    expect(viewer.message).toContain("change their global role first");
    const inactive = await expectError(assign(dee.id), "INVALID_INPUT");
    expect(inactive.message).toContain("Dee Departed is deactivated, so they cannot be assigned a step");
    await expectError(assign("no-such-user"), "NOT_FOUND");
    const notAssigned = await expectError(assign(null), "INVALID_INPUT");
    expect(notAssigned.message).toBe(`"${step.title}" is not assigned to anyone.`);
    const foreign = (await getIncidentView(database.prisma, otherIncidentId)).steps[0];
    const elsewhere = await expectError(assign(rex.id, foreign.id), "NOT_FOUND");
    expect(elsewhere.message).toContain("was not found in this incident");
    await expect(assign("")).rejects.toThrow(/Assignee id is empty/);

    const stored = await database.prisma.stepRun.findUniqueOrThrow({ where: { id: step.id } });
    expect(stored).toMatchObject({ version: 0, assigneeId: null });
    expect((await countWrites(incidentId)).lastSeq).toBe(1);

    await resolveIncident(database.prisma, { incidentId }, ina.id);
    await expectError(assign(rex.id), "INVALID_TRANSITION");
  });

  it.skipIf(Boolean(backend.skipReason))("hands over command and moves the permissions", async () => {
    const incidentId = await declare("Handover");
    const check = { permission: "incident.resolve", incidentId, operation: "test" } as const;
    expect(await permits(database.prisma, callerOf(rex), check)).toBe(false);

    const { events } = await handOverCommand(database.prisma, { incidentId, toUserId: rex.id, expectedCommanderIds: [ina.id] }, inaActor);

    const commanders = await database.prisma.incidentRoleAssignment.findMany({ where: { incidentId, role: "incident_commander" } });
    expect(commanders.map((row) => row.userId)).toEqual([rex.id]);
    expect(events[0]).toMatchObject({ type: "command.handed_over", payload: { from: { id: ina.id, name: ina.name }, to: { id: rex.id, name: rex.name } } });
    expect((await listEventsAfter(database.prisma, incidentId, 1)).map((event) => event.type)).toEqual(["command.handed_over"]);
    const audit = await database.prisma.auditEntry.findMany({ where: { incidentId }, orderBy: [{ at: "asc" }, { id: "asc" }] });
    expect(audit.map((entry) => [entry.action, entry.targetUserId])).toEqual([
      ["incident_role_removed", ina.id],
      ["incident_role_assigned", rex.id],
    ]);
    expect(audit[0].details).toEqual({ role: "incident_commander", handover: true, toUserId: rex.id });
    expect(audit[1].details).toEqual({ role: "incident_commander", handover: true, fromUserIds: [ina.id] });

    // Rex is a global responder: only the incident role lets him command and resolve.
    expect(await permits(database.prisma, callerOf(rex), check)).toBe(true);
    await authorize(database.prisma, callerOf(rex), { permission: "incident.command", incidentId, operation: "test" });
    await handOverCommand(database.prisma, { incidentId, toUserId: ola.id }, actorOf(rex));

    expect(await permits(database.prisma, callerOf(rex), check)).toBe(false);
    const denied = await expectError(authorize(database.prisma, callerOf(rex), { permission: "incident.command", incidentId, operation: "test" }), "FORBIDDEN");
    expect(denied.message).toContain("no role you hold on this incident allows it");

    await authorize(database.prisma, callerOf(ola), check);
    await resolveIncident(database.prisma, { incidentId, summary: "Ola closed it" }, ola.id);
    const view = await getIncidentView(database.prisma, incidentId);
    expect(view.status).toBe("resolved");
    expect(view.roles).toEqual([{ role: "incident_commander", user: { id: ola.id, name: ola.name } }]);
  });

  it.skipIf(Boolean(backend.skipReason))("replaces every commander on handover", async () => {
    const incidentId = await declare("Two commanders");
    await assignIncidentRole(database.prisma, { incidentId, userId: ola.id, role: "incident_commander" }, inaActor);
    await assignIncidentRole(database.prisma, { incidentId, userId: ola.id, role: "operations" }, inaActor);

    await handOverCommand(database.prisma, { incidentId, toUserId: rex.id }, inaActor);

    const view = await getIncidentView(database.prisma, incidentId);
    expect(view.roles).toEqual([
      { role: "incident_commander", user: { id: rex.id, name: rex.name } },
      { role: "operations", user: { id: ola.id, name: ola.name } },
    ]);
    const removed = await database.prisma.auditEntry.findMany({ where: { incidentId, action: "incident_role_removed" } });
    expect(removed.map((entry) => entry.targetUserId).sort()).toEqual([ina.id, ola.id].sort());
  });

  it.skipIf(Boolean(backend.skipReason))("rejects invalid handovers without writing", async () => {
    const incidentId = await declare("Bad handovers");
    const before = await countWrites(incidentId);

    const stale = await expectError(handOverCommand(database.prisma, { incidentId, toUserId: rex.id, expectedCommanderIds: [ola.id] }, inaActor), "CONFLICT");
    expect(stale.message).toBe("Command changed meanwhile: the incident commander is now Ina Commander. Check the timeline, then hand over again if you still need to.");
    const self = await expectError(handOverCommand(database.prisma, { incidentId, toUserId: ina.id }, inaActor), "CONFLICT");
    expect(self.message).toBe("Ina Commander is already the incident commander: pick someone else to hand over to.");
    const viewer = await expectError(handOverCommand(database.prisma, { incidentId, toUserId: vic.id }, inaActor), "INVALID_INPUT");
    expect(viewer.message).toContain("so they cannot take command. Ask an admin to change their global role first");
    const inactive = await expectError(handOverCommand(database.prisma, { incidentId, toUserId: dee.id }, inaActor), "INVALID_INPUT");
    expect(inactive.message).toContain("Dee Departed is deactivated");
    await expectError(handOverCommand(database.prisma, { incidentId, toUserId: "no-such-user" }, inaActor), "NOT_FOUND");
    await expect(handOverCommand(database.prisma, { incidentId, toUserId: " " }, inaActor)).rejects.toThrow(/New commander is missing/);

    expect(await countWrites(incidentId)).toEqual(before);
  });

  it.skipIf(Boolean(backend.skipReason))("leaves one commander after concurrent handovers", async () => {
    const incidentId = await declare("Handover race");

    const results = await Promise.allSettled([rex, ola].map((user) => handOverCommand(database.prisma, { incidentId, toUserId: user.id }, inaActor)));

    // The incident's row lock runs the two one after the other, so both succeed and the later one wins.
    expect(results.map((result) => result.status)).toEqual(["fulfilled", "fulfilled"]);
    const commanders = await database.prisma.incidentRoleAssignment.findMany({ where: { incidentId, role: "incident_commander" } });
    expect(commanders).toHaveLength(1);
    const events = await listEventsAfter(database.prisma, incidentId, 1);
    expect(events.map((event) => event.type)).toEqual(["command.handed_over", "command.handed_over"]);
    const last = events[1];
    expect(last.type).toBe("command.handed_over");
    expect(last.type === "command.handed_over" ? last.payload.to.id : null).toBe(commanders[0].userId);
  });

  it.skipIf(Boolean(backend.skipReason))("lists active non-viewers as assignable", async () => {
    const users = await listAssignableUsers(database.prisma);
    const ids = users.map((user) => user.id);

    expect(ids).toEqual(expect.arrayContaining([ina.id, rex.id, ola.id]));
    expect(ids).not.toContain(vic.id);
    expect(ids).not.toContain(dee.id);
    expect(users.find((user) => user.id === rex.id)).toEqual({ id: rex.id, name: rex.name, role: "responder" });
  });
});
