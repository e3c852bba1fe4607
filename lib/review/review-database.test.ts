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
import { GetObjectCommand, HeadObjectCommand } from "@aws-sdk/client-s3";
import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import { createS3Client } from "../storage/s3-client";
import { startTestS3Server, type TestS3Server } from "../storage/test-s3-server";
import { addActionItem } from "./add-action-item";
import { addAnnotation } from "./add-annotation";
import { addStepFeedback } from "./add-step-feedback";
import { archiveReview } from "./archive-review";
import { buildReview } from "./build-review";
import { listStepFeedback } from "./list-step-feedback";
import { loadReview } from "./load-review";
import { parseReviewExport, toReviewExport } from "./review-export";
import { runReviewCli } from "./review-cli";
import { saveWriteUp } from "./save-write-up";
import { setActionItemDone } from "./set-action-item-done";
import { setChecklistItem } from "./set-checklist-item";

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

const ARCHIVE_BUCKET = "runbridge-test";
const T0 = Date.UTC(2026, 11, 4, 9, 0, 0);
const at = (minutes: number, seconds = 0) => new Date(T0 + (minutes * 60 + seconds) * 1000);

describe.each(backends)("review on $name", (backend) => {
  let database: Database;
  let cleanUp: () => Promise<void>;
  let commanderId: string;
  let s3: TestS3Server;
  const reviewer = { id: "", name: "Rita Reviewer" };

  beforeAll(async () => {
    if (backend.skip) return;
    s3 = await startTestS3Server(0, [ARCHIVE_BUCKET]);
    ({ database, cleanUp } = await backend.open());
    await ensureSampleRunbook(database.prisma);
    commanderId = (await createUser(database.prisma, { email: "ic@example.com", name: "Ina Commander", password: "correct-horse-battery", role: "commander" })).id;
    reviewer.id = commanderId;
  });

  afterAll(async () => {
    if (backend.skip) return;
    await database.close();
    await cleanUp();
    await s3.stop();
  });

  async function resolvedIncident(title: string): Promise<string> {
    const { incidentId } = await declareIncident(database.prisma, { title, severityLevel: 1, scenarioKey: "complete-database-failure" }, commanderId);
    const view = await getIncidentView(database.prisma, incidentId);
    await recordStep(database.prisma, { incidentId, stepId: view.steps[0].id, expectedVersion: 0, to: "in_progress" }, commanderId);
    await recordStep(database.prisma, { incidentId, stepId: view.steps[0].id, expectedVersion: 1, to: "done" }, commanderId);
    await resolveIncident(database.prisma, { incidentId, summary: null }, commanderId);
    return incidentId;
  }

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

  it.skipIf(backend.skip)("saves the write-up with optimistic concurrency", async () => {
    const incidentId = await resolvedIncident("Write-up");
    const fields = { summary: "Primary lost", rootCause: "Disk full", contributingFactors: "No alert on disk", wentWell: "Fast failover", recommendations: "Alert at 80%", dataLossMinutes: 45 };

    expect(await saveWriteUp(database.prisma, { incidentId, expectedVersion: 0, ...fields }, reviewer)).toEqual({ version: 1 });
    expect(await saveWriteUp(database.prisma, { incidentId, expectedVersion: 1, ...fields, rootCause: "Disk full on the primary" }, reviewer)).toEqual({ version: 2 });
    const stale = await saveWriteUp(database.prisma, { incidentId, expectedVersion: 1, ...fields }, reviewer).catch((error: unknown) => error);
    expect((stale as RunbridgeError).code).toBe("CONFLICT");
    expect((stale as RunbridgeError).message).toContain("Rita Reviewer saved the write-up first (now version 2)");
    const secondFirst = await saveWriteUp(database.prisma, { incidentId, expectedVersion: 0, ...fields }, reviewer).catch((error: unknown) => error);
    expect((secondFirst as RunbridgeError).code).toBe("CONFLICT");

    const review = await loadReview(database.prisma, incidentId);
    expect(review.data.writeUp.rootCause).toBe("Disk full on the primary");
    expect(review.data.writeUp.updatedByName).toBe("Rita Reviewer");
    // 45 minutes of data loss: the 4-hour RPO is met, the 30-minute one is missed.
    expect(review.metrics.objectives.find((objective) => objective.key === "maximum-data-loss")!.status).toBe("met");
    expect(review.metrics.objectives.find((objective) => objective.key === "customer-data")!.status).toBe("missed");
  });

  it.skipIf(backend.skip)("keeps action items, feedback and the follow-up checklist", async () => {
    const incidentId = await resolvedIncident("Follow-ups");
    const view = await getIncidentView(database.prisma, incidentId);

    const item = await addActionItem(database.prisma, { incidentId, title: "Alert on disk usage", owner: "Platform team", dueDate: "2026-12-31" }, reviewer);
    await setActionItemDone(database.prisma, { incidentId, actionItemId: item.id, done: true });
    await expect(addActionItem(database.prisma, { incidentId, title: "x", owner: "y", dueDate: "31/12/2026" }, reviewer)).rejects.toThrow(/Due date must be a date/);

    await addStepFeedback(database.prisma, { incidentId, kind: "unclear", stepId: view.steps[1].id, comment: "Which maintenance page?" }, reviewer);
    await addStepFeedback(database.prisma, { incidentId, kind: "missing", stepId: null, missingStepTitle: "Freeze deploys", comment: "Deploys kept running" }, reviewer);
    await expect(addStepFeedback(database.prisma, { incidentId, kind: "wrong", stepId: null, comment: "?" }, reviewer)).rejects.toThrow(/Pick the step/);

    await setChecklistItem(database.prisma, { incidentId, position: 3, done: true }, reviewer);
    await expect(setChecklistItem(database.prisma, { incidentId, position: 9, done: true }, reviewer)).rejects.toThrow(/Checklist item 10 does not exist/);

    const { data } = await loadReview(database.prisma, incidentId);
    expect(data.actionItems).toMatchObject([{ title: "Alert on disk usage", owner: "Platform team", dueDate: "2026-12-31", done: true, createdByName: "Rita Reviewer" }]);
    expect(data.feedback.map((feedback) => [feedback.kind, feedback.stepTitle, feedback.phaseIndex, feedback.position])).toEqual([
      ["unclear", view.steps[1].title, 0, 1],
      ["missing", "Freeze deploys", null, null],
    ]);
    expect(data.checklist.map((entry) => [entry.text, entry.done])).toEqual([
      ["System stability monitoring (24 hours)", false],
      ["Performance baseline verification", false],
      ["Customer communication and support", false],
      ["Data integrity validation", true],
    ]);

    const listed = await listStepFeedback(database.prisma);
    const forThisIncident = listed.flatMap((group) => group.feedback).filter((feedback) => feedback.incidentId === incidentId);
    expect(forThisIncident).toHaveLength(2);
    expect(listed[0].runbookTitle).toBe("DISASTER RECOVERY RUNBOOK");
    const runbookId = listed[0].runbookId;
    expect((await listStepFeedback(database.prisma, { runbookId }))[0].feedback.length).toBe(listed[0].feedback.length);
    expect(await listStepFeedback(database.prisma, { runbookId: "another-runbook" })).toEqual([]);

    const rebuilt = buildReview(parseReviewExport(JSON.stringify(toReviewExport(await loadReview(database.prisma, incidentId)))));
    expect(rebuilt.data.feedback).toEqual(data.feedback);
  });

  it.skipIf(backend.skip)("applies a reviewer's time correction to the metrics", async () => {
    const incidentId = await resolvedIncident("Corrections");
    const before = await loadReview(database.prisma, incidentId);
    const done = before.data.events.find((event) => event.type === "step.changed" && event.payload.to === "done")!;
    const startedAtMs = before.metrics.steps[0].startedAtMs!;

    await addAnnotation(
      database.prisma,
      { incidentId, targetSeq: done.seq, text: "Finished 4 minutes after it started", reason: "Clicked Done late; the DBA's log shows the time", occurredAt: new Date(startedAtMs + 240_000).toISOString() },
      reviewer,
    );
    await addAnnotation(database.prisma, { incidentId, targetSeq: null, text: "Vendor confirmed the disk fault", reason: "Call not logged", occurredAt: null }, reviewer);
    await expect(addAnnotation(database.prisma, { incidentId, targetSeq: 999, text: "x", reason: "y", occurredAt: null }, reviewer)).rejects.toThrow(/Event #999 is not in this timeline/);
    await expect(addAnnotation(database.prisma, { incidentId, targetSeq: 2 ** 31, text: "x", reason: "y", occurredAt: null }, reviewer)).rejects.toThrow(/larger than any event number/);

    const after = await loadReview(database.prisma, incidentId);
    expect(after.data.events.find((event) => event.seq === done.seq)).toEqual(done);
    expect(after.metrics.steps[0].durationMs).toBe(240_000);
    expect(after.metrics.correctedSeqs).toEqual([done.seq]);
    expect(after.data.events.filter((event) => event.type === "review.annotation")).toHaveLength(2);
  });

  it.skipIf(backend.skip)("archives the review to S3 with checksums", async () => {
    const incidentId = await resolvedIncident("Archive");
    const client = createS3Client(s3.connection);

    const records = await archiveReview(database.prisma, { client, bucket: ARCHIVE_BUCKET }, incidentId, reviewer, new Date("2026-12-04T22:00:00Z"));
    expect(records.map((record) => record.key)).toEqual([
      `reviews/${incidentId}/2026-12-04T22-00-00-000Z/review-${incidentId}.json`,
      `reviews/${incidentId}/2026-12-04T22-00-00-000Z/review-${incidentId}.md`,
    ]);

    const stored = await client.send(new GetObjectCommand({ Bucket: ARCHIVE_BUCKET, Key: records[0].key }));
    const bytes = Buffer.from(await stored.Body!.transformToByteArray());
    expect(createHash("sha256").update(bytes).digest("hex")).toBe(records[0].sha256);
    const head = await client.send(new HeadObjectCommand({ Bucket: ARCHIVE_BUCKET, Key: records[0].key }));
    expect(head.Metadata?.sha256).toBe(records[0].sha256);
    expect(buildReview(parseReviewExport(bytes.toString("utf8"))).metrics).toEqual((await loadReview(database.prisma, incidentId)).metrics);

    expect((await loadReview(database.prisma, incidentId)).data.archives.map((archive) => archive.key)).toEqual(records.map((record) => record.key));

    const missingBucket = await archiveReview(database.prisma, { client, bucket: "no-such-bucket" }, incidentId, reviewer).catch((error: unknown) => error);
    expect((missingBucket as RunbridgeError).message).toMatch(/^Uploading s3:\/\/no-such-bucket\/reviews\/.+ failed \(The specified bucket does not exist\)/);
    expect((await loadReview(database.prisma, incidentId)).data.archives).toHaveLength(2);
    client.destroy();
  });

  it.skipIf(backend.skip)("exports, checks and archives from the CLI", async () => {
    const incidentId = await resolvedIncident("CLI");
    const outFile = path.join(mkdtempSync(path.join(os.tmpdir(), "runbridge-cli-")), "review.json");
    const written: string[] = [];
    const output = { write: (text: string) => written.push(text) };
    const openPrisma = async () => database.prisma;

    await runReviewCli(["export", incidentId, "--out", outFile], openPrisma, output);
    expect(parseReviewExport(readFileSync(outFile, "utf8")).incident.title).toBe("CLI");

    await runReviewCli(["check", outFile], openPrisma, output);
    expect(written.join("")).toContain("CLI: 4 events, resolved in");

    written.length = 0;
    await runReviewCli(["export", incidentId, "--format", "markdown"], openPrisma, output);
    expect(written.join("")).toContain("# Post-incident review: CLI");

    written.length = 0;
    const archiveEnv = {
      RUNBRIDGE_S3_ENDPOINT: s3.endpoint,
      RUNBRIDGE_S3_BUCKET: ARCHIVE_BUCKET,
      RUNBRIDGE_S3_ACCESS_KEY_ID: "S3RVER",
      RUNBRIDGE_S3_SECRET_ACCESS_KEY: "S3RVER",
    };
    await runReviewCli(["archive", incidentId], openPrisma, output, archiveEnv);
    expect(written.join("")).toMatch(new RegExp(`^s3://runbridge-test/reviews/${incidentId}/.+\\.json sha256=[0-9a-f]{64} \\d+ bytes`));

    await expect(runReviewCli(["archive", incidentId], openPrisma, output, {})).rejects.toThrow(/set RUNBRIDGE_S3_BUCKET/);
    await expect(runReviewCli(["publish", incidentId], openPrisma, output)).rejects.toThrow(/Usage:/);
  });
});
