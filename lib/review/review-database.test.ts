// The review read from real databases: PGlite in a temporary folder and, when it is reachable,
// the PostgreSQL on 127.0.0.1:5432. The incident runs through the real commands; the test then
// moves the events' server times to a script, so the metrics can be checked to the second.
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createUser } from "../auth/create-user";
import { openDatabase, type Database } from "../db/open-database";
import { createTestPostgresDatabase, findPostgresUnavailableReason } from "../db/postgres-test-database";
import { RunbridgeError } from "../errors";
import { declareIncident } from "../incident/declare-incident";
import { getIncidentView } from "../incident/get-incident-view";
import { recordStep } from "../incident/record-step";
import { resolveIncident } from "../incident/resolve-incident";
import { ensureSampleRunbook } from "../runbook/ensure-sample-runbook";
import { buildReview } from "./build-review";
import { loadReview } from "./load-review";
import { parseReviewExport, toReviewExport } from "./review-export";

const postgresUnavailable = await findPostgresUnavailableReason();
if (postgresUnavailable) console.warn(`Skipping the PostgreSQL cases: ${postgresUnavailable}`);

const backends = [
  {
    name: "PGlite",
    skip: false,
    async open() {
      const dataDir = mkdtempSync(path.join(os.tmpdir(), "runbridge-review-"));
      const database = await openDatabase({ dataDir, databaseUrl: "" });
      return { database, cleanUp: async () => rmSync(dataDir, { recursive: true, force: true }) };
    },
  },
  {
    name: "PostgreSQL",
    skip: Boolean(postgresUnavailable),
    async open() {
      const testDatabase = await createTestPostgresDatabase();
      const database = await openDatabase({ databaseUrl: testDatabase.url });
      return { database, cleanUp: () => testDatabase.drop() };
    },
  },
];

const T0 = Date.UTC(2026, 11, 4, 9, 0, 0);
const at = (minutes: number, seconds = 0) => new Date(T0 + (minutes * 60 + seconds) * 1000);

describe.each(backends)("review on $name", (backend) => {
  let database: Database;
  let cleanUp: () => Promise<void>;
  let commanderId: string;

  beforeAll(async () => {
    if (backend.skip) return;
    ({ database, cleanUp } = await backend.open());
    await ensureSampleRunbook(database.prisma);
    commanderId = (await createUser(database.prisma, { email: "ic@example.com", name: "Ina Commander", password: "correct-horse-battery", role: "commander" })).id;
  });

  afterAll(async () => {
    if (backend.skip) return;
    await database.close();
    await cleanUp();
  });

  it.skipIf(backend.skip)("computes metrics from the stored timeline", async () => {
    const { incidentId } = await declareIncident(database.prisma, { title: "Checkout database down", severityLevel: 1, scenarioKey: "complete-database-failure" }, commanderId);
    const view = await getIncidentView(database.prisma, incidentId);
    const phase0 = view.steps.filter((step) => step.phaseIndex === 0);

    // Every step of the first phase is started, then finished; the second phase's first step fails.
    const times: Date[] = [at(0)];
    for (const [index, step] of phase0.entries()) {
      await recordStep(database.prisma, { incidentId, stepId: step.id, expectedVersion: 0, to: "in_progress" }, commanderId);
      await recordStep(database.prisma, { incidentId, stepId: step.id, expectedVersion: 1, to: index === 1 ? "skipped" : "done", note: index === 1 ? "Done by the on-call DBA" : null }, commanderId);
      times.push(at(index), at(index + 1, 30));
    }
    const failing = view.steps.find((step) => step.phaseIndex === 1)!;
    await recordStep(database.prisma, { incidentId, stepId: failing.id, expectedVersion: 0, to: "failed", note: "Backup bucket unreachable" }, commanderId);
    times.push(at(6));
    await resolveIncident(database.prisma, { incidentId, summary: "Failed over to the replica" }, commanderId);
    times.push(at(41, 7));

    for (const [index, createdAt] of times.entries()) {
      await database.prisma.timelineEvent.update({ where: { incidentId_seq: { incidentId, seq: index + 1 } }, data: { createdAt } });
    }

    const review = await loadReview(database.prisma, incidentId);
    const { metrics } = review;

    expect(review.data.events).toHaveLength(times.length);
    expect(metrics.timeToResolveMs).toBe((41 * 60 + 7) * 1000);
    // Three steps: the phase is complete at 3:30, inside its 0-5 minute time box.
    expect(phase0).toHaveLength(3);
    expect(metrics.phases[0].status).toBe("met");
    expect(metrics.phases[0].completedAtMs).toBe(at(3, 30).getTime());
    expect(metrics.phases[0].durationMs).toBe((3 * 60 + 30) * 1000);
    expect(metrics.phases[0].overrunMs).toBe(-90_000);
    expect(metrics.phases[1].status).toBe("incomplete");

    const rto = metrics.objectives.find((objective) => objective.kind === "RTO" && objective.targetMinutes === 30)!;
    expect(rto.status).toBe("missed");
    expect(rto.marginMs).toBe(-(11 * 60 + 7) * 1000);

    expect(metrics.steps.find((step) => step.stepId === phase0[0].id)!.durationMs).toBe(90_000);
    expect(metrics.problems.map((problem) => [problem.state, problem.reason])).toEqual([
      ["skipped", "Done by the on-call DBA"],
      ["failed", "Backup bucket unreachable"],
    ]);

    const rebuilt = buildReview(parseReviewExport(JSON.stringify(toReviewExport(review))));
    expect(rebuilt).toEqual(review);
  });

  it.skipIf(backend.skip)("refuses the review of an open incident", async () => {
    const { incidentId } = await declareIncident(database.prisma, { title: "Still burning", severityLevel: 2, scenarioKey: "complete-database-failure" }, commanderId);
    const error = await loadReview(database.prisma, incidentId).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(RunbridgeError);
    expect((error as RunbridgeError).code).toBe("CONFLICT");
    expect((error as RunbridgeError).message).toContain("Still burning");
  });

  it.skipIf(backend.skip)("reports an unknown incident as not found", async () => {
    const error = await loadReview(database.prisma, "no-such-incident").catch((caught: unknown) => caught);
    expect((error as RunbridgeError).code).toBe("NOT_FOUND");
  });
});
