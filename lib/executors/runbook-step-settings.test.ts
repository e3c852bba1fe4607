// Runbook step settings against PGlite: saved once, applied to every incident declared later.
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createUser } from "../auth/create-user";
import { openDatabase, type Database } from "../db/open-database";
import { declareIncident } from "../incident/declare-incident";
import { getIncidentView } from "../incident/get-incident-view";
import { ensureSampleRunbook } from "../runbook/ensure-sample-runbook";
import { expectError } from "../testing/expect-error";
import { saveRunbookStepSetting } from "./runbook-step-settings";

let dataDir: string;
let database: Database;
let adminId: string;
let runbookId: string;

beforeAll(async () => {
  dataDir = mkdtempSync(path.join(os.tmpdir(), "runbridge-step-settings-"));
  database = await openDatabase({ dataDir, databaseUrl: "" });
  await ensureSampleRunbook(database.prisma);
  adminId = (await createUser(database.prisma, { email: "admin@example.com", name: "Ada Admin", password: "correct-horse-battery", role: "admin" })).id;
  runbookId = (await database.prisma.runbook.findFirstOrThrow()).id;
});

afterAll(async () => {
  await database?.close();
  rmSync(dataDir, { recursive: true, force: true });
});

async function declaredSteps() {
  const { incidentId } = await declareIncident(database.prisma, { title: "Database down", severityLevel: 1, scenarioKey: "complete-database-failure" }, adminId);
  return (await getIncidentView(database.prisma, incidentId)).steps;
}

describe("runbook step settings", () => {
  it("maps the runbook's commands when nothing is saved", async () => {
    const steps = await declaredSteps();
    expect(steps[0]!.title).toBe("Assess the situation");
    expect(steps[0]!.kind).toBe("database_check");
    expect(steps[1]!.kind).toBe("manual");
  });

  it("applies a saved setting to later incidents", async () => {
    await saveRunbookStepSetting(
      database.prisma,
      {
        runbookId,
        scenarioKey: "complete-database-failure",
        phaseIndex: 0,
        position: 1,
        stepTitle: "Activate maintenance mode",
        kind: "command",
        params: { executable: "/usr/local/bin/maintenance", args: ["on"] },
        dangerous: true,
      },
      adminId,
    );
    const steps = await declaredSteps();
    expect(steps[1]!.kind).toBe("command");
    expect(steps[1]!.params).toEqual({ executable: "/usr/local/bin/maintenance", args: ["on"], timeoutSeconds: 60 });
    expect(steps[1]!.dangerous).toBe(true);
    expect(steps[0]!.kind).toBe("database_check");
  });

  it("ignores a setting whose step title no longer matches", async () => {
    await saveRunbookStepSetting(
      database.prisma,
      { runbookId, scenarioKey: "complete-database-failure", phaseIndex: 0, position: 2, stepTitle: "A step that was renamed", kind: "command", params: { executable: "/bin/true" }, dangerous: false },
      adminId,
    );
    const steps = await declaredSteps();
    expect(steps[2]!.title).toBe("Notify stakeholders");
    expect(steps[2]!.kind).toBe("manual");
  });

  it("rejects parameters that do not fit the kind", async () => {
    const error = await expectError(
      saveRunbookStepSetting(
        database.prisma,
        { runbookId, scenarioKey: "complete-database-failure", phaseIndex: 0, position: 0, stepTitle: "Assess the situation", kind: "http_check", params: { url: "" }, dangerous: false },
        adminId,
      ),
      "INVALID_INPUT",
    );
    expect(error.message).toContain("url");
  });
});
