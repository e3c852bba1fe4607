// Share links, public updates and the stakeholder view against real databases: PGlite in a
// temporary folder and, when it is reachable, the PostgreSQL on 127.0.0.1:5432.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createUser } from "../auth/create-user";
import { authorize, permits } from "../auth/gate";
import type { SessionUser } from "../auth/load-session-user";
import type { Database } from "../db/open-database";
import { listTestBackends } from "../db/test-backends";
import { addNote } from "../incident/add-note";
import { declareIncident } from "../incident/declare-incident";
import { getIncidentView } from "../incident/get-incident-view";
import { getStakeholderView } from "../incident/get-stakeholder-view";
import { postUpdate } from "../incident/post-update";
import { recordStep } from "../incident/record-step";
import { resolveIncident } from "../incident/resolve-incident";
import { ensureSampleRunbook } from "../runbook/ensure-sample-runbook";
import { expectError } from "../testing/expect-error";
import { createShareLink } from "./create-share-link";
import { listShareLinks } from "./list-share-links";
import { resolveShareToken } from "./resolve-share-token";
import { revokeShareLink } from "./revoke-share-link";
import { hashShareToken } from "./share-token";

const backends = await listTestBackends();

describe.each(backends)("share links and the stakeholder view on $name", (backend) => {
  let database: Database;
  let cleanUp: () => Promise<void>;
  let commander: SessionUser;
  let responder: SessionUser;

  beforeAll(async () => {
    if (backend.skipReason) return;
    ({ database, cleanUp } = await backend.open());
    await ensureSampleRunbook(database.prisma);
    const ic = await createUser(database.prisma, { email: "ic@example.com", name: "Ina Commander", password: "correct-horse-battery", role: "commander" });
    const rs = await createUser(database.prisma, { email: "rs@example.com", name: "Remy Responder", password: "correct-horse-battery", role: "responder" });
    commander = { id: ic.id, email: ic.email, name: ic.name, role: ic.role };
    responder = { id: rs.id, email: rs.email, name: rs.name, role: rs.role };
  });

  afterAll(async () => {
    if (backend.skipReason) return;
    await cleanUp();
  });

  async function declare(title: string, scenarioKey = "complete-database-failure"): Promise<string> {
    return (await declareIncident(database.prisma, { title, severityLevel: 1, scenarioKey }, commander.id)).incidentId;
  }

  it.skipIf(Boolean(backend.skipReason))("create: hash stored, audited", async () => {
    const incidentId = await declare("Share link audit");
    const created = await createShareLink(database.prisma, { incidentId, label: "Executive team", expiresInHours: 24 }, commander, "192.0.2.10");

    const row = await database.prisma.shareLink.findUniqueOrThrow({ where: { id: created.link.id } });
    expect(row.tokenHash).toBe(hashShareToken(created.token));
    expect(JSON.stringify(row)).not.toContain(created.token);
    expect(created.link).toMatchObject({ label: "Executive team", status: "active", showNames: false, createdByName: "Ina Commander" });

    const audit = await database.prisma.auditEntry.findMany({ where: { action: "share_link_created", incidentId } });
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ actorId: commander.id, address: "192.0.2.10", details: { shareLinkId: row.id, label: "Executive team" } });
    expect(JSON.stringify(audit)).not.toContain(created.token);
  });

  it.skipIf(Boolean(backend.skipReason))("gate: own incident only", async () => {
    const incidentId = await declare("Share link scope");
    const otherIncidentId = await declare("Another incident");
    const { token } = await createShareLink(database.prisma, { incidentId, label: "Board", expiresInHours: 1 }, commander);

    const caller = await resolveShareToken(database.prisma, token);
    expect(caller).toMatchObject({ kind: "share", incidentId });
    expect(await permits(database.prisma, caller!, { permission: "incident.watch", incidentId, operation: "test" })).toBe(true);
    expect(await permits(database.prisma, caller!, { permission: "incident.watch", incidentId: otherIncidentId, operation: "test" })).toBe(false);
    expect(await permits(database.prisma, caller!, { permission: "incident.view", incidentId, operation: "test" })).toBe(false);

    const error = await expectError(authorize(database.prisma, caller!, { permission: "incident.watch", incidentId: otherIncidentId, operation: "test" }), "FORBIDDEN");
    expect(error.message).toBe("This share link is for another incident: a link opens only the incident it was made for.");
  });

  it.skipIf(Boolean(backend.skipReason))("resolve: expired, revoked, malformed", async () => {
    const incidentId = await declare("Share link life");
    const nowMs = Date.now();
    const expiring = await createShareLink(database.prisma, { incidentId, label: "One hour", expiresInHours: 1 }, commander, null, nowMs);
    expect(await resolveShareToken(database.prisma, expiring.token, null, nowMs + 3_599_000)).not.toBeNull();
    expect(await resolveShareToken(database.prisma, expiring.token, null, nowMs + 3_600_000)).toBeNull();

    const revoked = await createShareLink(database.prisma, { incidentId, label: "To revoke", expiresInHours: 1 }, commander);
    const first = await revokeShareLink(database.prisma, { incidentId, shareLinkId: revoked.link.id }, commander);
    expect(first.link).toMatchObject({ status: "revoked", revokedByName: "Ina Commander" });
    expect(first.alreadyRevoked).toBe(false);
    expect(await resolveShareToken(database.prisma, revoked.token)).toBeNull();
    expect(await database.prisma.auditEntry.count({ where: { action: "share_link_revoked", incidentId } })).toBe(1);

    const again = await revokeShareLink(database.prisma, { incidentId, shareLinkId: revoked.link.id }, responder);
    expect(again.alreadyRevoked).toBe(true);
    expect(again.link.revokedByName).toBe("Ina Commander");
    expect(await database.prisma.auditEntry.count({ where: { action: "share_link_revoked", incidentId } })).toBe(1);

    for (const token of ["", "short", `${expiring.token}x`, expiring.token.replace(/.$/, "!")]) {
      expect(await resolveShareToken(database.prisma, token)).toBeNull();
    }

    const links = await listShareLinks(database.prisma, incidentId, nowMs + 3_600_000);
    expect(links.map((link) => [link.label, link.status])).toEqual([
      ["To revoke", "revoked"],
      ["One hour", "expired"],
    ]);
  });

  it.skipIf(Boolean(backend.skipReason))("revoke and create: invalid input", async () => {
    const incidentId = await declare("Share link owner");
    const otherIncidentId = await declare("Share link thief");
    const { link, token } = await createShareLink(database.prisma, { incidentId, label: "Ops", expiresInHours: 2 }, commander);

    await expectError(revokeShareLink(database.prisma, { incidentId: otherIncidentId, shareLinkId: link.id }, commander), "NOT_FOUND");
    expect(await resolveShareToken(database.prisma, token)).not.toBeNull();

    await expect(createShareLink(database.prisma, { incidentId, label: "Too long", expiresInHours: 337 }, commander)).rejects.toThrow("at most 336 hours");
    await expect(createShareLink(database.prisma, { incidentId, label: "  ", expiresInHours: 1 }, commander)).rejects.toThrow("Say who the link is for");
    await expectError(createShareLink(database.prisma, { incidentId: "no-such-incident", label: "Ghost", expiresInHours: 1 }, commander), "NOT_FOUND");
  });

  it.skipIf(Boolean(backend.skipReason))("stakeholder view: no notes, names optional", async () => {
    const incidentId = await declare("Stakeholder content");
    const view = await getIncidentView(database.prisma, incidentId);
    const first = view.steps[0];
    await recordStep(database.prisma, { incidentId, stepId: first.id, expectedVersion: 0, to: "done", note: "internal: restored from replica db-7" }, responder.id);
    await addNote(database.prisma, { incidentId, text: "internal: the primary's disk is corrupt" }, responder.id);
    await postUpdate(database.prisma, { incidentId, text: "Checkout is down; next update at 12:30 UTC" }, commander.id);

    const hidden = await getStakeholderView(database.prisma, incidentId, { showNames: false });
    expect(hidden.updates).toEqual([expect.objectContaining({ text: "Checkout is down; next update at 12:30 UTC", author: null })]);
    expect(hidden.commander).toBeNull();
    expect(hidden.completed).toBe(1);
    expect(hidden.total).toBe(10);
    expect(hidden.phases[0]).toMatchObject({ title: "Immediate Actions", completed: 1 });
    expect(hidden.objectives.filter((objective) => objective.kind === "RTO")).toHaveLength(4);
    const serialized = JSON.stringify(hidden);
    for (const secret of ["internal:", "replica db-7", "Remy Responder", "Ina Commander", "pg_isready"]) expect(serialized).not.toContain(secret);

    const named = await getStakeholderView(database.prisma, incidentId, { showNames: true });
    expect(named.commander).toBe("Ina Commander");
    expect(named.updates[0].author).toBe("Ina Commander");

    // The view names every incident commander, and returns null once none is assigned.
    await database.prisma.incidentRoleAssignment.create({ data: { incidentId, userId: responder.id, role: "incident_commander" } });
    expect((await getStakeholderView(database.prisma, incidentId, { showNames: true })).commander).toBe("Ina Commander, Remy Responder");
    await database.prisma.incidentRoleAssignment.deleteMany({ where: { incidentId, role: "incident_commander" } });
    expect((await getStakeholderView(database.prisma, incidentId, { showNames: true })).commander).toBeNull();
    expect(JSON.stringify(named)).not.toContain("internal:");
  });

  it.skipIf(Boolean(backend.skipReason))("public update: invalid cases", async () => {
    const incidentId = await declare("Update rules");
    await expect(postUpdate(database.prisma, { incidentId, text: "   " }, commander.id)).rejects.toThrow("The update is empty");
    await expect(postUpdate(database.prisma, { incidentId, text: "x".repeat(1001) }, commander.id)).rejects.toThrow("longer than 1000 characters");
    await resolveIncident(database.prisma, { incidentId, summary: null }, commander.id);
    await expectError(postUpdate(database.prisma, { incidentId, text: "Late" }, commander.id), "INVALID_TRANSITION");
    expect((await getStakeholderView(database.prisma, incidentId, { showNames: false })).status).toBe("resolved");
  });
});
