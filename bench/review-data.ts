// Measures how long the review of a 10,000-event incident takes to load: reading the incident,
// its steps and every timeline event from the database and computing the metrics (loadReview).
// It seeds PGlite in a temporary folder (or the PostgreSQL in DATABASE_URL when set), then
// prints the median and maximum of 10 loads after one warm-up load.
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { createUser } from "../lib/auth/create-user";
import { openDatabase } from "../lib/db/open-database";
import { declareIncident } from "../lib/incident/declare-incident";
import type { StepState } from "../lib/incident/step-state";
import { ensureSampleRunbook } from "../lib/runbook/ensure-sample-runbook";
import { computeReviewMetrics } from "../lib/review/compute-review-metrics";
import { getReviewData } from "../lib/review/get-review-data";
import { loadReview } from "../lib/review/load-review";

const EVENT_COUNT = 10_000;
const SAMPLES = 10;
const BATCH = 1_000;

async function main(): Promise<void> {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), "runbridge-bench-review-"));
  const database = await openDatabase({ dataDir });
  try {
    const prisma = database.prisma;
    await ensureSampleRunbook(prisma);
    const user = await createUser(prisma, { email: "bench@runbridge.test", name: "Bench Commander", password: "bench-password-0123", role: "commander" });
    const { incidentId } = await declareIncident(prisma, { title: "Review benchmark", severityLevel: 1, scenarioKey: "complete-database-failure" }, user.id);
    const steps = await prisma.stepRun.findMany({ where: { incidentId }, orderBy: [{ phaseIndex: "asc" }, { position: "asc" }] });

    // Events 2..9,999 cycle every step through in_progress, done and back to pending, with a
    // note every 10th event; event 10,000 resolves the incident. One second apart.
    const declaredAt = Date.now() - EVENT_COUNT * 1000;
    await prisma.timelineEvent.update({ where: { incidentId_seq: { incidentId, seq: 1 } }, data: { createdAt: new Date(declaredAt) } });
    const cycle: [StepState, StepState][] = [["pending", "in_progress"], ["in_progress", "done"], ["done", "pending"]];
    const rows = [];
    for (let seq = 2; seq < EVENT_COUNT; seq += 1) {
      const createdAt = new Date(declaredAt + seq * 1000);
      if (seq % 10 === 0) {
        rows.push({ incidentId, seq, type: "note.added", version: 1, payload: { text: `Progress note ${seq}` }, actorId: user.id, createdAt });
        continue;
      }
      const step = steps[seq % steps.length];
      const [from, to] = cycle[Math.floor(seq / steps.length) % cycle.length];
      rows.push({
        incidentId,
        seq,
        type: "step.changed",
        version: 1,
        payload: { stepId: step.id, phaseIndex: step.phaseIndex, position: step.position, title: step.title, from, to, stepVersion: seq, note: null },
        actorId: user.id,
        createdAt,
      });
    }
    rows.push({ incidentId, seq: EVENT_COUNT, type: "incident.resolved", version: 1, payload: { summary: "Benchmark done" }, actorId: user.id, createdAt: new Date(declaredAt + EVENT_COUNT * 1000) });
    for (let start = 0; start < rows.length; start += BATCH) {
      await prisma.timelineEvent.createMany({ data: rows.slice(start, start + BATCH) });
    }
    await prisma.incident.update({ where: { id: incidentId }, data: { lastSeq: EVENT_COUNT, status: "resolved", resolvedAt: new Date(declaredAt + EVENT_COUNT * 1000) } });

    const warmUp = await loadReview(prisma, incidentId);
    if (warmUp.data.events.length !== EVENT_COUNT) throw new Error(`Expected ${EVENT_COUNT} events, loaded ${warmUp.data.events.length}.`);

    const totals: number[] = [];
    const reads: number[] = [];
    const computes: number[] = [];
    for (let sample = 0; sample < SAMPLES; sample += 1) {
      let startedAt = performance.now();
      await loadReview(prisma, incidentId);
      totals.push(performance.now() - startedAt);

      startedAt = performance.now();
      const data = await getReviewData(prisma, incidentId);
      reads.push(performance.now() - startedAt);
      startedAt = performance.now();
      computeReviewMetrics(data);
      computes.push(performance.now() - startedAt);
    }

    const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
    const max = (values: number[]) => Math.max(...values);
    console.log(`Review of a ${EVENT_COUNT}-event incident on ${database.kind}, ${SAMPLES} loads:`);
    console.log(`  loadReview: median ${median(totals).toFixed(0)} ms, max ${max(totals).toFixed(0)} ms`);
    console.log(`  of which database read: median ${median(reads).toFixed(0)} ms; metrics: median ${median(computes).toFixed(1)} ms`);
  } finally {
    await database.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
