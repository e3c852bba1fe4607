// Integration tests of the incident commands against real databases: PGlite in a temporary
// folder and, when it is reachable, the PostgreSQL on 127.0.0.1:5432.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createUser } from "../auth/create-user";
import type { Database } from "../db/open-database";
import { listTestBackends } from "../db/test-backends";
import { RunbridgeError } from "../errors";
import { ensureSampleRunbook } from "../runbook/ensure-sample-runbook";
import { expectError } from "../testing/expect-error";
import { addNote } from "./add-note";
import { declareIncident } from "./declare-incident";
import { getIncidentView } from "./get-incident-view";
import { listEventsAfter } from "./list-events-after";
import { listIncidents } from "./list-incidents";
import { recordStep } from "./record-step";
import { resolveIncident } from "./resolve-incident";

const backends = await listTestBackends();

describe.each(backends)("incident commands on $name", (backend) => {
  let database: Database;
  let cleanUp: () => Promise<void>;
  let commanderId: string;
  let responderIds: string[];

  beforeAll(async () => {
    if (backend.skipReason) return;
    ({ database, cleanUp } = await backend.open());
    await ensureSampleRunbook(database.prisma);
    commanderId = (await createUser(database.prisma, { email: "ic@example.com", name: "Ina Commander", password: "correct-horse-battery", role: "commander" })).id;
    responderIds = [];
    for (let index = 0; index < 4; index += 1) {
      const responder = await createUser(database.prisma, { email: `r${index}@example.com`, name: `Responder ${index}`, password: "correct-horse-battery", role: "responder" });
      responderIds.push(responder.id);
    }
  });

  afterAll(async () => {
    if (backend.skipReason) return;
    await cleanUp();
  });

  async function declare(title = "Checkout database down") {
    const { incidentId } = await declareIncident(database.prisma, { title, severityLevel: 1, scenarioKey: "complete-database-failure" }, commanderId);
    return getIncidentView(database.prisma, incidentId);
  }

  it.skipIf(Boolean(backend.skipReason))("declares an incident with the scenario's phases and steps", async () => {
    const view = await declare();
    expect(view.plan.phases.map((phase) => phase.title)).toEqual(["Immediate Actions", "Recovery Actions", "Post-Recovery Actions"]);
    expect(view.steps).toHaveLength(10);
    expect(view.steps[0].commands[0].code).toContain("pg_isready");
    expect(view.plan.objectives.filter((objective) => objective.kind === "RTO")).toHaveLength(4);
    expect(view.lastSeq).toBe(1);
    expect(view.events[0].type).toBe("incident.declared");
  });

  it.skipIf(Boolean(backend.skipReason))("gives 20 concurrent updates of one version one winner", async () => {
    const view = await declare("Concurrent responders");
    const step = view.steps[0];

    const attempts = Array.from({ length: 20 }, (_, index) =>
      recordStep(database.prisma, { incidentId: view.id, stepId: step.id, expectedVersion: 0, to: index % 2 ? "done" : "in_progress" }, responderIds[index % 4]),
    );
    const results = await Promise.allSettled(attempts);

    const winners = results.filter((result) => result.status === "fulfilled");
    const losers = results.filter((result): result is PromiseRejectedResult => result.status === "rejected");
    expect(winners).toHaveLength(1);
    expect(losers).toHaveLength(19);
    for (const loser of losers) {
      expect(loser.reason).toBeInstanceOf(RunbridgeError);
      expect(loser.reason.code).toBe("CONFLICT");
      expect(loser.reason.details.step.version).toBe(1);
    }

    const stored = await database.prisma.stepRun.findUniqueOrThrow({ where: { id: step.id } });
    expect(stored.version).toBe(1);
    const events = await listEventsAfter(database.prisma, view.id, 0);
    expect(events.map((event) => event.seq)).toEqual([1, 2]);
  });

  it.skipIf(Boolean(backend.skipReason))("keeps events gapless under concurrent changes to many steps", async () => {
    const view = await declare("Many hands");

    // Each round, 20 updates race over 5 steps with the versions they last read: one winner
    // per step and version, so 5 winners per round.
    for (let round = 0; round < 3; round += 1) {
      const current = await getIncidentView(database.prisma, view.id);
      // Dangerous steps need an approval before they start, so the race uses the others.
      const steps = current.steps.filter((step) => !step.dangerous);
      const results = await Promise.allSettled(
        Array.from({ length: 20 }, (_, index) => {
          const step = steps[index % 5]!;
          const to = step.state === "in_progress" ? "pending" : "in_progress";
          return recordStep(database.prisma, { incidentId: view.id, stepId: step.id, expectedVersion: step.version, to }, responderIds[index % 4]);
        }),
      );
      expect(results.filter((result) => result.status === "fulfilled")).toHaveLength(5);
    }
    await addNote(database.prisma, { incidentId: view.id, text: "Replica promoted" }, commanderId);

    const events = await listEventsAfter(database.prisma, view.id, 0);
    expect(events.map((event) => event.seq)).toEqual(Array.from({ length: 17 }, (_, index) => index + 1));
    const incident = await database.prisma.incident.findUniqueOrThrow({ where: { id: view.id } });
    expect(incident.lastSeq).toBe(17);
  });

  it.skipIf(Boolean(backend.skipReason))("rejects bad input without writing anything", async () => {
    const view = await declare("Bad input");
    const step = view.steps[0];

    await expectError(recordStep(database.prisma, { incidentId: view.id, stepId: "no-such-step", expectedVersion: 0, to: "done" }, commanderId), "NOT_FOUND");
    await expectError(recordStep(database.prisma, { incidentId: "no-such-incident", stepId: step.id, expectedVersion: 0, to: "done" }, commanderId), "NOT_FOUND");
    await expect(recordStep(database.prisma, { incidentId: view.id, stepId: step.id, expectedVersion: 0, to: "done", note: "x".repeat(2001) }, commanderId)).rejects.toThrow(/longer than 2000/);

    const unseen = await expectError(recordStep(database.prisma, { incidentId: view.id, stepId: step.id, expectedVersion: 5, to: "done" }, commanderId), "INVALID_INPUT");
    expect(unseen.message).toContain("expectedVersion 5 is newer than step");
    await expect(recordStep(database.prisma, { incidentId: view.id, stepId: step.id, expectedVersion: 2 ** 31, to: "done" }, commanderId)).rejects.toThrow(/larger than any step version/);
    await expect(declareIncident(database.prisma, { title: "x", severityLevel: "" as unknown as number, scenarioKey: "complete-database-failure" }, commanderId)).rejects.toThrow(/Severity is missing/);

    await recordStep(database.prisma, { incidentId: view.id, stepId: step.id, expectedVersion: 0, to: "done" }, commanderId);
    const invalid = await expectError(recordStep(database.prisma, { incidentId: view.id, stepId: step.id, expectedVersion: 1, to: "failed" }, commanderId), "INVALID_TRANSITION");
    expect(invalid.message).toContain("cannot go from Done to Failed");

    await expectError(declareIncident(database.prisma, { title: "x", severityLevel: 9, scenarioKey: "complete-database-failure" }, commanderId), "INVALID_INPUT");
    await expectError(declareIncident(database.prisma, { title: "x", severityLevel: 1, scenarioKey: "alien-invasion" }, commanderId), "INVALID_INPUT");

    const events = await listEventsAfter(database.prisma, view.id, 0);
    expect(events.map((event) => event.type)).toEqual(["incident.declared", "step.changed"]);
  });

  it.skipIf(Boolean(backend.skipReason))("resolves once and then freezes the steps", async () => {
    const view = await declare("Resolve me");

    await resolveIncident(database.prisma, { incidentId: view.id, summary: "Restored from snapshot" }, commanderId);
    await expectError(resolveIncident(database.prisma, { incidentId: view.id }, commanderId), "INVALID_TRANSITION");
    await expectError(recordStep(database.prisma, { incidentId: view.id, stepId: view.steps[0].id, expectedVersion: 0, to: "done" }, commanderId), "INVALID_TRANSITION");

    const resolved = await getIncidentView(database.prisma, view.id);
    expect(resolved.status).toBe("resolved");
    expect(resolved.resolvedAt).not.toBeNull();
    expect(resolved.events.map((event) => event.type)).toEqual(["incident.resolved", "incident.declared"]);

    const summary = (await listIncidents(database.prisma)).find((incident) => incident.id === view.id);
    expect(summary?.status).toBe("resolved");
    expect(summary?.totalSteps).toBe(10);
  });
});
