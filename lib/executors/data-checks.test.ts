// Integration tests of database checks, backup freshness and evidence preservation against
// the PostgreSQL on 127.0.0.1:5432 and a real S3 server (s3rver on 127.0.0.1:3331).
import { createHash } from "node:crypto";
import { mkdtempSync, rmSync, utimesSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { GetObjectCommand, PutObjectCommand } from "@aws-sdk/client-s3";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createUser } from "../auth/create-user";
import { openDatabase, type Database } from "../db/open-database";
import { findPostgresUnavailableReason } from "../db/postgres-test-database";
import { configureStep } from "../incident/configure-step";
import { declareIncident } from "../incident/declare-incident";
import { getIncidentView } from "../incident/get-incident-view";
import { ensureSampleRunbook } from "../runbook/ensure-sample-runbook";
import { createS3Client } from "../storage/s3-client";
import { startTestS3Server, type TestS3Server } from "../storage/test-s3-server";
import { expectError } from "../testing/expect-error";
import { saveAutomationSettings } from "./automation-settings";
import { preserveEvidence } from "./preserve-evidence";
import { startStepRun } from "./start-step-run";

const S3_PORT = 3331;
const postgresUrl = process.env.TEST_POSTGRES_URL || "postgresql://postgres@127.0.0.1:5432/test";
const postgresUnavailable = await findPostgresUnavailableReason();
if (postgresUnavailable) console.warn(`Skipping the database check cases: ${postgresUnavailable}`);

const secrets = new Map([
  ["S3_ACCESS_KEY_ID", "S3RVER"],
  ["S3_SECRET_ACCESS_KEY", "S3RVER"],
  ["CHECK_DB_URL", postgresUrl],
]);
const noop = { publishEvents: () => undefined, publishOutput: () => undefined };

let dataDir: string;
let database: Database;
let s3: TestS3Server;
let commander: { id: string; name: string };

beforeAll(async () => {
  dataDir = mkdtempSync(path.join(os.tmpdir(), "runbridge-data-checks-"));
  database = await openDatabase({ dataDir, databaseUrl: "" });
  await ensureSampleRunbook(database.prisma);
  commander = await createUser(database.prisma, { email: "ic@example.com", name: "Ina Commander", password: "correct-horse-battery", role: "commander" });
  s3 = await startTestS3Server(S3_PORT, ["backups", "evidence"]);
  await saveAutomationSettings(
    database.prisma,
    {
      databaseTargets: [
        { name: "local", url: "$CHECK_DB_URL" },
        { name: "closed-port", url: "postgresql://postgres@127.0.0.1:3339/test" },
      ],
      s3: { endpoint: s3.endpoint, region: "us-east-1", backupBucket: "backups", evidenceBucket: "evidence", forcePathStyle: true },
    },
    commander.id,
  );
});

afterAll(async () => {
  await s3?.stop();
  await database?.close();
  rmSync(dataDir, { recursive: true, force: true });
});

async function stepOfKind(kind: "database_check" | "backup_freshness" | "evidence", params: Record<string, unknown>) {
  const { incidentId } = await declareIncident(database.prisma, { title: `Check ${kind}`, severityLevel: 1, scenarioKey: "security-breach" }, commander.id);
  const step = (await getIncidentView(database.prisma, incidentId)).steps[1]!;
  await configureStep(database.prisma, { incidentId, stepId: step.id, expectedVersion: step.version, kind, params, dangerous: false }, commander.id);
  return { incidentId, stepId: step.id, version: step.version + 1 };
}

async function runToEnd(kind: "database_check" | "backup_freshness", params: Record<string, unknown>) {
  const target = await stepOfKind(kind, params);
  const started = await startStepRun(database.prisma, { incidentId: target.incidentId, stepId: target.stepId, expectedVersion: target.version }, commander, noop, secrets);
  await started.done;
  return database.prisma.stepExecution.findUniqueOrThrow({ where: { id: started.executionId } });
}

describe.skipIf(Boolean(postgresUnavailable))("database checks", () => {
  it("checks that the server accepts connections", async () => {
    const execution = await runToEnd("database_check", { target: "local", query: "" });
    expect(execution.status).toBe("succeeded");
    expect(execution.verdict).toMatch(/^local accepts connections/);
    expect(execution.output).toContain("connected: PostgreSQL");
    expect(execution.output).not.toContain(postgresUrl);
  });

  it("compares the first value with the expected one", async () => {
    const passed = await runToEnd("database_check", { target: "local", query: "SELECT 2 + 2 AS total", expected: "4" });
    expect(passed.status).toBe("succeeded");
    expect(passed.verdict).toBe("Returned 4 as expected");
    expect(passed.output).toContain("total\n4\n");

    const failed = await runToEnd("database_check", { target: "local", query: "SELECT 2 + 2", expected: "5" });
    expect(failed.status).toBe("failed");
    expect(failed.verdict).toBe("Returned 4, expected 5");
  });

  it("never changes data", async () => {
    const table = `runbridge_check_${Date.now()}`;
    const execution = await runToEnd("database_check", { target: "local", query: `CREATE TABLE ${table} (id int)` });
    expect(execution.status).toBe("failed");
    expect(execution.verdict).toContain("read-only transaction");

    const after = await runToEnd("database_check", { target: "local", query: `SELECT count(*) FROM pg_tables WHERE tablename = '${table}'`, expected: "0" });
    expect(after.status).toBe("succeeded");
  });

  it("reports a closed port and rejects unknown targets", async () => {
    const closed = await runToEnd("database_check", { target: "closed-port", query: "", timeoutSeconds: 3 });
    expect(closed.status).toBe("failed");
    expect(closed.verdict).toMatch(/^Cannot connect to closed-port/);

    const target = await stepOfKind("database_check", { target: "nowhere" });
    const error = await expectError(startStepRun(database.prisma, { incidentId: target.incidentId, stepId: target.stepId, expectedVersion: target.version }, commander, noop, secrets), "INVALID_INPUT");
    expect(error.message).toContain('Database target "nowhere" is not configured (local, closed-port)');
  });
});

describe("backup freshness", () => {
  beforeAll(async () => {
    const client = createS3Client(s3.connection);
    for (const key of ["database/full/monday.sql.gpg", "database/full/tuesday.sql.gpg", "filesystem/latest.tar.gz"]) {
      await client.send(new PutObjectCommand({ Bucket: "backups", Key: key, Body: Buffer.from(`backup ${key}`) }));
    }
    client.destroy();
    const hoursAgo = (hours: number) => new Date(Date.now() - hours * 3_600_000);
    utimesSync(s3.objectFilePath("backups", "database/full/monday.sql.gpg"), hoursAgo(30), hoursAgo(30));
    utimesSync(s3.objectFilePath("backups", "filesystem/latest.tar.gz"), hoursAgo(3), hoursAgo(3));
  });

  it("finds the newest object and passes within the maximum age", async () => {
    const execution = await runToEnd("backup_freshness", { prefix: "database/full/", maxAgeMinutes: 60 });
    expect(execution.status).toBe("succeeded");
    expect(execution.verdict).toMatch(/^Newest backup database\/full\/tuesday\.sql\.gpg is \d+ min old, within 1 h$/);
    const result = execution.result as { key: string; size: number; ageMinutes: number };
    expect(result.key).toBe("database/full/tuesday.sql.gpg");
    expect(result.size).toBe(Buffer.byteLength("backup database/full/tuesday.sql.gpg"));
    expect(result.ageMinutes).toBeLessThan(5);
    expect(execution.output).toContain("2 object(s)");
  });

  it("fails a backup older than the runbook's RPO", async () => {
    // The sample runbook's smallest RPO is 30 minutes (customer data).
    const execution = await runToEnd("backup_freshness", { bucket: "backups", prefix: "filesystem/" });
    expect(execution.status).toBe("failed");
    expect(execution.verdict).toMatch(/^Newest backup filesystem\/latest\.tar\.gz is (2 h 59 min|3 h) old, older than 30 min$/);
    expect((execution.result as { maxAgeMinutes: number }).maxAgeMinutes).toBe(30);
  });

  it("fails when the prefix holds no backup", async () => {
    const execution = await runToEnd("backup_freshness", { prefix: "nothing-here/" });
    expect(execution.status).toBe("failed");
    expect(execution.verdict).toBe("No backup found under s3://backups/nothing-here/");
  });
});

describe("evidence preservation", () => {
  it("stores files unchanged and records key, size and SHA-256", async () => {
    const target = await stepOfKind("evidence", { prefix: "breach/" });
    const accessLog = Buffer.from('203.0.113.9 - - [04/Dec/2026:21:00:00 +0000] "GET /admin HTTP/1.1" 200\n'.repeat(50));
    const events = await preserveEvidence(
      database.prisma,
      { incidentId: target.incidentId, stepId: target.stepId, files: [{ fileName: "access log.txt", contentType: "text/plain", data: accessLog }] },
      commander,
      secrets,
    );

    expect(events.map((event) => event.type)).toEqual(["evidence.preserved"]);
    const payload = events[0]!.payload as { key: string; size: number; sha256: string; bucket: string };
    const sha256 = createHash("sha256").update(accessLog).digest("hex");
    expect(payload.sha256).toBe(sha256);
    expect(payload.size).toBe(accessLog.length);
    expect(payload.bucket).toBe("evidence");
    expect(payload.key).toMatch(new RegExp(`^breach/${target.incidentId}/.+-${sha256.slice(0, 12)}-access_log\\.txt$`));

    const client = createS3Client(s3.connection);
    const object = await client.send(new GetObjectCommand({ Bucket: "evidence", Key: payload.key }));
    const stored = Buffer.from(await object.Body!.transformToByteArray());
    client.destroy();
    expect(stored.equals(accessLog)).toBe(true);
    expect(object.Metadata?.sha256).toBe(sha256);
  });

  it("rejects empty uploads and steps of another kind", async () => {
    const target = await stepOfKind("evidence", {});
    await expectError(preserveEvidence(database.prisma, { ...target, files: [] }, commander, secrets), "INVALID_INPUT");

    const other = await stepOfKind("backup_freshness", {});
    const error = await expectError(
      preserveEvidence(database.prisma, { ...other, files: [{ fileName: "a.txt", contentType: "text/plain", data: Buffer.from("a") }] }, commander, secrets),
      "INVALID_INPUT",
    );
    expect(error.message).toContain("is not an evidence step");
  });
});
