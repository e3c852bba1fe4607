// Integration tests of automated steps: real child processes, a real HTTP server on
// 127.0.0.1:3330, and the incident database on PGlite and PostgreSQL.
import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createUser } from "../auth/create-user";
import type { Database } from "../db/open-database";
import { listTestBackends } from "../db/test-backends";
import { configureStep } from "../incident/configure-step";
import { declareIncident } from "../incident/declare-incident";
import { decideStepApproval } from "../incident/decide-step-approval";
import type { TimelineEvent } from "../incident/events";
import { getIncidentView } from "../incident/get-incident-view";
import { listEventsAfter } from "../incident/list-events-after";
import { recordStep } from "../incident/record-step";
import { requestStepApproval } from "../incident/request-step-approval";
import { ensureSampleRunbook } from "../runbook/ensure-sample-runbook";
import { expectError } from "../testing/expect-error";
import { saveAutomationSettings } from "./automation-settings";
import { cancelStepRun } from "./cancel-step-run";
import { markInterruptedRuns } from "./mark-interrupted-runs";
import { MAX_OUTPUT_BYTES, type OutputChunk } from "./output-recorder";
import { startStepRun, type RunObservers } from "./start-step-run";

const HTTP_PORT = 3330;
const NODE = process.execPath;
const SECRET = "s3cr3t-Token-9f8e7d";
const secrets = new Map([["API_TOKEN", SECRET]]);

function recordingObservers() {
  const chunks: OutputChunk[] = [];
  const published: TimelineEvent[] = [];
  const observers: RunObservers = {
    publishEvents: (events) => published.push(...events),
    publishOutput: (chunk) => chunks.push(chunk),
  };
  return { chunks, published, observers };
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

let server: http.Server;

beforeAll(async () => {
  server = http.createServer((request, response) => {
    if (request.url === "/health") {
      response.writeHead(200, { "content-type": "application/json" });
      response.end(JSON.stringify({ status: "ok" }));
    } else if (request.url?.startsWith("/echo?token=")) {
      response.writeHead(200, { "x-token": decodeURIComponent(request.url.slice("/echo?token=".length)) });
      response.end(`token ${decodeURIComponent(request.url.slice("/echo?token=".length))} accepted`);
    } else if (request.url === "/moved-local") {
      response.writeHead(302, { location: `http://127.0.0.1:${HTTP_PORT}/health` });
      response.end();
    } else if (request.url === "/moved-away") {
      response.writeHead(302, { location: `http://localhost:${HTTP_PORT}/health` });
      response.end();
    } else if (request.url === "/moved-metadata") {
      response.writeHead(302, { location: "http://169.254.169.254/latest/meta-data/" });
      response.end();
    } else {
      response.writeHead(503);
      response.end("maintenance");
    }
  });
  await new Promise<void>((resolve) => server.listen(HTTP_PORT, "127.0.0.1", resolve));
  expect((server.address() as AddressInfo).port).toBe(HTTP_PORT);
});

afterAll(async () => {
  await new Promise((resolve) => server.close(resolve));
});

describe.each(await listTestBackends())("step runs on $name", (backend) => {
  let database: Database;
  let cleanUp: () => Promise<void>;
  let commander: { id: string; name: string; role: string };
  let secondCommander: { id: string; name: string; role: string };
  let responder: { id: string; name: string; role: string };
  let adminId: string;

  beforeAll(async () => {
    if (backend.skipReason) return;
    ({ database, cleanUp } = await backend.open());
    await ensureSampleRunbook(database.prisma);
    commander = await createUser(database.prisma, { email: "ic@example.com", name: "Ina Commander", password: "correct-horse-battery", role: "commander" });
    secondCommander = await createUser(database.prisma, { email: "ic2@example.com", name: "Otto Commander", password: "correct-horse-battery", role: "commander" });
    responder = await createUser(database.prisma, { email: "r@example.com", name: "Rita Responder", password: "correct-horse-battery", role: "responder" });
    adminId = (await createUser(database.prisma, { email: "admin@example.com", name: "Ada Admin", password: "correct-horse-battery", role: "admin" })).id;
    await saveAutomationSettings(database.prisma, { httpAllowedHosts: ["127.0.0.1", "169.254.169.254"], commandAllowedExecutables: [NODE, "/bin/echo"] }, adminId);
  });

  afterAll(async () => {
    if (backend.skipReason) return;
    await cleanUp();
  });

  /** Declares an incident and turns its first step into the given automated step. */
  async function automatedStep(kind: "command" | "http_check", params: Record<string, unknown>, dangerous = false) {
    const { incidentId } = await declareIncident(database.prisma, { title: `Run ${kind}`, severityLevel: 1, scenarioKey: "complete-database-failure" }, commander.id);
    const view = await getIncidentView(database.prisma, incidentId);
    const step = view.steps[0]!;
    await configureStep(database.prisma, { incidentId, stepId: step.id, expectedVersion: step.version, kind, params, dangerous }, adminId);
    const stored = await database.prisma.stepRun.findUniqueOrThrow({ where: { id: step.id } });
    return { incidentId, stepId: step.id, version: stored.version };
  }

  async function run(target: { incidentId: string; stepId: string; version: number }, observers = recordingObservers()) {
    const started = await startStepRun(database.prisma, { incidentId: target.incidentId, stepId: target.stepId, expectedVersion: target.version }, commander, observers.observers, secrets);
    return { started, observers };
  }

  it.skipIf(backend.skipReason)("streams a command's output and records it done", async () => {
    const script = "process.stdout.write('ready\\n'); setTimeout(() => { console.error('warning on stderr'); console.log('finished'); }, 400);";
    const target = await automatedStep("command", { executable: NODE, args: ["-e", script] });
    const { started, observers } = await run(target);

    await expect.poll(() => observers.chunks.map((chunk) => chunk.text).join("")).toContain("ready");
    const midRun = await database.prisma.stepExecution.findUniqueOrThrow({ where: { id: started.executionId } });
    expect(midRun.status).toBe("running");
    const live = await getIncidentView(database.prisma, target.incidentId);
    expect(live.steps[0]!.lastRun?.output).toContain("ready");
    expect(live.steps[0]!.state).toBe("in_progress");

    const ended = await started.done;
    expect(ended.map((event) => event.type)).toEqual(["step.run.finished"]);
    expect(observers.published).toEqual(ended);

    const execution = await database.prisma.stepExecution.findUniqueOrThrow({ where: { id: started.executionId } });
    expect(execution.status).toBe("succeeded");
    expect(execution.exitCode).toBe(0);
    expect(execution.runningStepId).toBeNull();
    expect(execution.output).toContain("ready\n");
    expect(execution.output).toContain("warning on stderr");
    expect(execution.output).toContain("finished");
    expect(observers.chunks.map((chunk) => chunk.text).join("")).toBe(execution.output);
    for (let index = 1; index < observers.chunks.length; index += 1) {
      const previous = observers.chunks[index - 1]!;
      expect(observers.chunks[index]!.offset).toBe(previous.offset + previous.text.length);
    }

    const step = await database.prisma.stepRun.findUniqueOrThrow({ where: { id: target.stepId } });
    expect(step.state).toBe("done");
    const types = (await listEventsAfter(database.prisma, target.incidentId, 0)).map((event) => event.type);
    expect(types).toEqual(["incident.declared", "step.configured", "step.run.started", "step.run.finished"]);
  });

  it.skipIf(backend.skipReason)("marks a non-zero exit failed with its code", async () => {
    const target = await automatedStep("command", { executable: NODE, args: ["-e", "console.log('disk full'); process.exit(3)"] });
    const { started } = await run(target);
    const [event] = await started.done;
    expect(event?.type).toBe("step.run.finished");
    const execution = await database.prisma.stepExecution.findUniqueOrThrow({ where: { id: started.executionId } });
    expect(execution.status).toBe("failed");
    expect(execution.exitCode).toBe(3);
    expect(execution.verdict).toBe("Exit code 3");
    expect((await database.prisma.stepRun.findUniqueOrThrow({ where: { id: target.stepId } })).state).toBe("failed");
  });

  it.skipIf(backend.skipReason)("passes arguments without a shell", async () => {
    const target = await automatedStep("command", { executable: "/bin/echo", args: ["a; rm -rf /tmp/x", "$(id)", "`whoami`", "*"] });
    const { started } = await run(target);
    await started.done;
    const execution = await database.prisma.stepExecution.findUniqueOrThrow({ where: { id: started.executionId } });
    expect(execution.output).toBe("a; rm -rf /tmp/x $(id) `whoami` *\n");
  });

  it.skipIf(backend.skipReason)("refuses executables off the allowlist before running", async () => {
    const target = await automatedStep("command", { executable: "/bin/sh", args: ["-c", "echo hi"] });
    const error = await expectError(run(target), "FORBIDDEN");
    expect(error.message).toContain("/bin/sh is not on the command allowlist");
    expect(await database.prisma.stepExecution.count({ where: { stepRunId: target.stepId } })).toBe(0);
  });

  it.skipIf(backend.skipReason)("resolves secrets and redacts them everywhere", async () => {
    // The value is printed whole and split across two writes.
    const script = `const [v] = process.argv.slice(1); process.stdout.write('token=' + v + '\\n' + v.slice(0, 7)); setTimeout(() => process.stdout.write(v.slice(7) + '\\n'), 200);`;
    const target = await automatedStep("command", { executable: NODE, args: ["-e", script, "$API_TOKEN"] });
    const { started, observers } = await run(target);
    await started.done;

    const execution = await database.prisma.stepExecution.findUniqueOrThrow({ where: { id: started.executionId } });
    expect(execution.status).toBe("succeeded");
    expect(execution.output).toBe("token=[redacted $API_TOKEN]\n[redacted $API_TOKEN]\n");
    expect(observers.chunks.map((chunk) => chunk.text).join("")).not.toContain(SECRET.slice(0, 7));
    expect(execution.summary).toContain("$API_TOKEN");
    const events = await listEventsAfter(database.prisma, target.incidentId, 0);
    expect(JSON.stringify(events)).not.toContain(SECRET);

    const missing = await automatedStep("command", { executable: "/bin/echo", args: ["$NOT_CONFIGURED"] });
    const error = await expectError(run(missing), "INVALID_INPUT");
    expect(error.message).toContain("RUNBRIDGE_SECRET_NOT_CONFIGURED");
  });

  it.skipIf(backend.skipReason)("caps the output and says where it was cut", async () => {
    const target = await automatedStep("command", { executable: NODE, args: ["-e", "process.stdout.write('x'.repeat(200000))"] });
    const { started } = await run(target);
    await started.done;
    const execution = await database.prisma.stepExecution.findUniqueOrThrow({ where: { id: started.executionId } });
    expect(execution.outputTruncated).toBe(true);
    expect(execution.outputBytes).toBe(200_000);
    expect(execution.output.startsWith("x".repeat(MAX_OUTPUT_BYTES))).toBe(true);
    expect(execution.output).toContain(`[output cut after ${MAX_OUTPUT_BYTES} bytes: ${200_000 - MAX_OUTPUT_BYTES} more bytes were not kept]`);
  });

  it.skipIf(backend.skipReason)("allows one run per step and cancels it", async () => {
    const script = "console.log('pid=' + process.pid); setInterval(() => {}, 1000);";
    const target = await automatedStep("command", { executable: NODE, args: ["-e", script], timeoutSeconds: 60 });
    const { started, observers } = await run(target);

    const again = await expectError(run({ ...target, version: target.version + 1 }), "CONFLICT");
    expect(again.message).toContain("is already running");
    await expectError(recordStep(database.prisma, { incidentId: target.incidentId, stepId: target.stepId, expectedVersion: target.version + 1, to: "done" }, responder.id), "CONFLICT");

    await expect.poll(() => observers.chunks.map((chunk) => chunk.text).join("")).toMatch(/pid=\d+/);
    const pid = Number(/pid=(\d+)/.exec(observers.chunks.map((chunk) => chunk.text).join(""))![1]);
    expect(isAlive(pid)).toBe(true);

    const events = await cancelStepRun(database.prisma, { incidentId: target.incidentId, stepId: target.stepId }, responder);
    expect(events.map((event) => event.type)).toEqual(["step.run.cancelled"]);
    expect(events[0]!.actor?.id).toBe(responder.id);
    expect(isAlive(pid)).toBe(false);

    const execution = await database.prisma.stepExecution.findUniqueOrThrow({ where: { id: started.executionId } });
    expect(execution.status).toBe("cancelled");
    expect(execution.verdict).toBe("Cancelled by Rita Responder");
    expect((await database.prisma.stepRun.findUniqueOrThrow({ where: { id: target.stepId } })).state).toBe("pending");

    await expectError(cancelStepRun(database.prisma, { incidentId: target.incidentId, stepId: target.stepId }, responder), "NOT_FOUND");
  });

  it.skipIf(backend.skipReason)("stops a command at its timeout", async () => {
    const target = await automatedStep("command", { executable: NODE, args: ["-e", "setInterval(() => {}, 1000)"], timeoutSeconds: 1 });
    const { started } = await run(target);
    await started.done;
    const execution = await database.prisma.stepExecution.findUniqueOrThrow({ where: { id: started.executionId } });
    expect(execution.status).toBe("failed");
    expect(execution.verdict).toBe("Timed out after 1 s");
    expect(execution.output).toContain("[timed out after 1 s: stopping the process]");
  });

  it.skipIf(backend.skipReason)("marks runs of a stopped server interrupted, never done", async () => {
    const target = await automatedStep("command", { executable: NODE, args: ["-e", "1"] });
    // A row as a process that died mid-run leaves it.
    await database.prisma.stepExecution.create({
      data: { incidentId: target.incidentId, stepRunId: target.stepId, runningStepId: target.stepId, kind: "command", previousState: "pending", summary: "node -e 1", startedBy: { id: commander.id, name: commander.name } },
    });
    await database.prisma.stepRun.update({ where: { id: target.stepId }, data: { state: "in_progress" } });

    const events = await markInterruptedRuns(database.prisma);
    const mine = events.filter((event) => event.incidentId === target.incidentId);
    expect(mine.map((event) => event.type)).toEqual(["step.run.interrupted"]);
    const execution = await database.prisma.stepExecution.findFirstOrThrow({ where: { stepRunId: target.stepId } });
    expect(execution.status).toBe("interrupted");
    expect(execution.runningStepId).toBeNull();
    expect((await database.prisma.stepRun.findUniqueOrThrow({ where: { id: target.stepId } })).state).toBe("pending");
    expect(await markInterruptedRuns(database.prisma)).toEqual([]);
  });

  it.skipIf(backend.skipReason)("checks an allowed host's status and body", async () => {
    const ok = await automatedStep("http_check", { method: "GET", url: `http://127.0.0.1:${HTTP_PORT}/health`, expectedStatus: 200, bodyMatch: '"status":"ok"' });
    const okRun = await run(ok);
    await okRun.started.done;
    const passed = await database.prisma.stepExecution.findUniqueOrThrow({ where: { id: okRun.started.executionId } });
    expect(passed.status).toBe("succeeded");
    expect(passed.verdict).toMatch(/^HTTP 200 as expected/);
    expect(passed.output).toContain("content-type: application/json");

    const down = await automatedStep("http_check", { method: "HEAD", url: `http://127.0.0.1:${HTTP_PORT}/api`, expectedStatus: 200 });
    const downRun = await run(down);
    await downRun.started.done;
    const failed = await database.prisma.stepExecution.findUniqueOrThrow({ where: { id: downRun.started.executionId } });
    expect(failed.status).toBe("failed");
    expect(failed.verdict).toMatch(/^HTTP 503, expected 200/);

    const redirected = await automatedStep("http_check", { url: `http://127.0.0.1:${HTTP_PORT}/moved-local` });
    const redirectedRun = await run(redirected);
    await redirectedRun.started.done;
    expect((await database.prisma.stepExecution.findUniqueOrThrow({ where: { id: redirectedRun.started.executionId } })).status).toBe("succeeded");
  });

  it.skipIf(backend.skipReason)("keeps a secret in a URL out of the output and timeline", async () => {
    const target = await automatedStep("http_check", { url: `http://127.0.0.1:${HTTP_PORT}/echo?token=$API_TOKEN`, bodyMatch: "accepted" });
    const { started } = await run(target);
    await started.done;

    const execution = await database.prisma.stepExecution.findUniqueOrThrow({ where: { id: started.executionId } });
    expect(execution.status).toBe("succeeded");
    expect(execution.output).toContain("x-token: [redacted $API_TOKEN]");
    expect(execution.output).toContain("token [redacted $API_TOKEN] accepted");
    expect((execution.result as { url: string }).url).toContain("token=[redacted $API_TOKEN]");
    expect(JSON.stringify(execution)).not.toContain(SECRET);
    const events = await listEventsAfter(database.prisma, target.incidentId, 0);
    expect(JSON.stringify(events)).not.toContain(SECRET);
  });

  it.skipIf(backend.skipReason)("refuses hosts off the allowlist, redirects away and metadata", async () => {
    const offList = await automatedStep("http_check", { url: `http://localhost:${HTTP_PORT}/health` });
    const refused = await expectError(run(offList), "FORBIDDEN");
    expect(refused.message).toContain("Host localhost is not on the HTTP check allowlist");

    const away = await automatedStep("http_check", { url: `http://127.0.0.1:${HTTP_PORT}/moved-away` });
    const awayRun = await run(away);
    await awayRun.started.done;
    const awayExecution = await database.prisma.stepExecution.findUniqueOrThrow({ where: { id: awayRun.started.executionId } });
    expect(awayExecution.status).toBe("failed");
    expect(awayExecution.verdict).toContain("Redirect to localhost");

    const toMetadata = await automatedStep("http_check", { url: `http://127.0.0.1:${HTTP_PORT}/moved-metadata` });
    const toMetadataRun = await run(toMetadata);
    await toMetadataRun.started.done;
    const metadataExecution = await database.prisma.stepExecution.findUniqueOrThrow({ where: { id: toMetadataRun.started.executionId } });
    expect(metadataExecution.status).toBe("failed");
    expect(metadataExecution.verdict).toContain("169.254.169.254 is a link-local, metadata or unspecified address");

    // Allowlisted by mistake, the metadata address is still never contacted.
    const metadata = await automatedStep("http_check", { url: "http://169.254.169.254/latest/meta-data/" });
    const metadataRun = await run(metadata);
    await metadataRun.started.done;
    const direct = await database.prisma.stepExecution.findUniqueOrThrow({ where: { id: metadataRun.started.executionId } });
    expect(direct.status).toBe("failed");
    expect(direct.verdict).toContain("link-local, metadata or unspecified address");
    expect(direct.output).not.toContain("HTTP ");
  });

  it.skipIf(backend.skipReason)("runs a dangerous step only after a second commander approves", async () => {
    const target = await automatedStep("command", { executable: "/bin/echo", args: ["switching DNS"] }, true);
    const needs = await expectError(run(target), "FORBIDDEN");
    expect(needs.message).toContain("must approve it before it runs");

    const { events: requested } = await requestStepApproval(database.prisma, { incidentId: target.incidentId, stepId: target.stepId, note: "Primary region is gone" }, commander);
    expect(requested[0]!.type).toBe("step.approval.requested");
    await expectError(requestStepApproval(database.prisma, { incidentId: target.incidentId, stepId: target.stepId }, responder), "CONFLICT");

    const self = await expectError(decideStepApproval(database.prisma, { incidentId: target.incidentId, stepId: target.stepId, decision: "approve" }, commander), "FORBIDDEN");
    expect(self.message).toContain("second person");
    await expectError(decideStepApproval(database.prisma, { incidentId: target.incidentId, stepId: target.stepId, decision: "approve" }, responder), "FORBIDDEN");
    // An incident role on another incident gives the responder nothing here.
    const otherIncidentId = (await declareIncident(database.prisma, { title: "Elsewhere", severityLevel: 3, scenarioKey: "cdn-asset-failure" }, commander.id)).incidentId;
    await database.prisma.incidentRoleAssignment.create({ data: { incidentId: otherIncidentId, userId: responder.id, role: "incident_commander" } });
    await expectError(decideStepApproval(database.prisma, { incidentId: target.incidentId, stepId: target.stepId, decision: "approve" }, responder), "FORBIDDEN");
    await expectError(run({ ...target, version: target.version + 1 }), "FORBIDDEN");

    const { events: approved } = await decideStepApproval(database.prisma, { incidentId: target.incidentId, stepId: target.stepId, decision: "approve" }, secondCommander);
    expect(approved[0]!.type).toBe("step.approval.approved");
    const { started } = await run({ ...target, version: target.version + 2 });
    await started.done;
    expect((await database.prisma.stepExecution.findUniqueOrThrow({ where: { id: started.executionId } })).status).toBe("succeeded");

    // The approval covered that one run.
    const step = await database.prisma.stepRun.findUniqueOrThrow({ where: { id: target.stepId } });
    expect(step.approval).toBeNull();
    await recordStep(database.prisma, { incidentId: target.incidentId, stepId: target.stepId, expectedVersion: step.version, to: "pending" }, responder.id);
    await expectError(run({ ...target, version: step.version + 1 }), "FORBIDDEN");

    await requestStepApproval(database.prisma, { incidentId: target.incidentId, stepId: target.stepId }, responder);
    const { events: rejected } = await decideStepApproval(database.prisma, { incidentId: target.incidentId, stepId: target.stepId, decision: "reject", note: "Wait for the vendor" }, commander);
    expect(rejected[0]!.type).toBe("step.approval.rejected");
    await expectError(run({ ...target, version: step.version + 3 }), "FORBIDDEN");

    // A responder who is this incident's incident commander may approve another person's request.
    await requestStepApproval(database.prisma, { incidentId: target.incidentId, stepId: target.stepId }, commander);
    await database.prisma.incidentRoleAssignment.create({ data: { incidentId: target.incidentId, userId: responder.id, role: "incident_commander" } });
    const { events: approvedByIncidentCommander } = await decideStepApproval(database.prisma, { incidentId: target.incidentId, stepId: target.stepId, decision: "approve" }, responder);
    expect(approvedByIncidentCommander[0]!.type).toBe("step.approval.approved");
  });

  it.skipIf(backend.skipReason)("gates a dangerous manual step's start on approval", async () => {
    const { incidentId } = await declareIncident(database.prisma, { title: "Manual DNS switch", severityLevel: 1, scenarioKey: "complete-database-failure" }, commander.id);
    const step = (await getIncidentView(database.prisma, incidentId)).steps[1]!;
    await configureStep(database.prisma, { incidentId, stepId: step.id, expectedVersion: 0, kind: "manual", params: {}, dangerous: true }, adminId);
    const refused = await expectError(recordStep(database.prisma, { incidentId, stepId: step.id, expectedVersion: 1, to: "in_progress" }, responder.id), "FORBIDDEN");
    expect(refused.message).toContain("must approve it before it starts");
    await recordStep(database.prisma, { incidentId, stepId: step.id, expectedVersion: 1, to: "blocked" }, responder.id);

    await requestStepApproval(database.prisma, { incidentId, stepId: step.id }, responder);
    await decideStepApproval(database.prisma, { incidentId, stepId: step.id, decision: "approve" }, commander);
    const { step: started } = await recordStep(database.prisma, { incidentId, stepId: step.id, expectedVersion: 4, to: "in_progress" }, responder.id);
    expect(started.state).toBe("in_progress");
  });
});
