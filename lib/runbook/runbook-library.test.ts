// Integration tests of the runbook library commands against real databases: PGlite in a
// temporary folder and, when it is reachable, the PostgreSQL on 127.0.0.1:5432.
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { createUser } from "../auth/create-user";
import type { Database } from "../db/open-database";
import { listTestBackends } from "../db/test-backends";
import { declareIncident } from "../incident/declare-incident";
import { getIncidentView } from "../incident/get-incident-view";
import { expectError } from "../testing/expect-error";
import { diffRunbookModels } from "./diff-runbook-models";
import { editRunbookVersion } from "./edit-runbook-version";
import { importRunbook } from "./import-runbook";
import { listRunbookLibrary, loadVersionModels } from "./list-runbook-library";
import { markRunbookReviewed } from "./mark-runbook-reviewed";

const backends = await listTestBackends();

const VERSION_1 = [
  "# Cache runbook",
  "**Last Reviewed:** 2026-01-05",
  "",
  "## Recovery Time Objectives (RTO)",
  "- **Cache:** 30 minutes",
  "- **Sessions:** 1 hour",
  "",
  "## Scenario: Cache lost",
  "### Contain",
  "1. Stop the writers",
  "2. Check the replicas",
  "   ```",
  "   redis-cli info replication",
  "   ```",
  "3. Tell support",
].join("\n");

const VERSION_2 = VERSION_1.replace("redis-cli info replication", "redis-cli --latency")
  .replace("3. Tell support", "3. Restore the snapshot")
  .concat("\n4. Tell support\n");

describe.each(backends)("runbook library on $name", (backend) => {
  let database: Database;
  let cleanUp: () => Promise<void>;
  let adminId: string;

  beforeAll(async () => {
    if (backend.skipReason) return;
    ({ database, cleanUp } = await backend.open());
    adminId = (await createUser(database.prisma, { email: "admin@example.com", name: "Ada Admin", password: "correct-horse-battery", role: "admin" })).id;
  });

  afterAll(async () => {
    if (backend.skipReason) return;
    await cleanUp();
  });

  it.skipIf(Boolean(backend.skipReason))("imports versions, skipping identical text", async () => {
    const first = await importRunbook(database.prisma, { markdown: VERSION_1 }, adminId);
    const again = await importRunbook(database.prisma, { markdown: VERSION_1 }, adminId);
    const second = await importRunbook(database.prisma, { markdown: VERSION_2, runbookId: first.runbookId }, adminId);

    expect(first).toMatchObject({ version: 1, created: true });
    expect(again).toMatchObject({ runbookVersionId: first.runbookVersionId, version: 1, created: false });
    expect(second).toMatchObject({ runbookId: first.runbookId, version: 2, created: true });
    expect(await database.prisma.runbookVersion.count({ where: { runbookId: first.runbookId } })).toBe(2);
  });

  it.skipIf(Boolean(backend.skipReason))("diffs two versions by step", async () => {
    const [library] = await listRunbookLibrary(database.prisma);
    const models = await loadVersionModels(database.prisma, library.id, [1, 2]);

    expect(models).not.toBeNull();
    const diff = diffRunbookModels(models![0], models![1]);

    expect(diff.added.map((step) => step.title)).toEqual(["Restore the snapshot"]);
    expect(diff.removed).toEqual([]);
    expect(diff.changed.map((step) => [step.title, step.fields])).toEqual([["Check the replicas", ["commands"]]]);
  });

  it.skipIf(Boolean(backend.skipReason))("keeps incidents on their version", async () => {
    const [library] = await listRunbookLibrary(database.prisma);
    const firstVersion = library.versions.find((version) => version.version === 1)!;
    const { incidentId } = await declareIncident(database.prisma, { title: "Cache gone", severityLevel: 1, scenarioKey: "cache-lost", runbookVersionId: firstVersion.id }, adminId);

    await importRunbook(database.prisma, { markdown: `${VERSION_2}5. Close the incident\n`, runbookId: library.id }, adminId);
    const view = await getIncidentView(database.prisma, incidentId);
    const incident = await database.prisma.incident.findUniqueOrThrow({ where: { id: incidentId } });

    expect(incident.runbookVersionId).toBe(firstVersion.id);
    expect(view.steps.map((step) => step.title)).toEqual(["Stop the writers", "Check the replicas", "Tell support"]);
    expect(incident.severityLabel).toBe("Critical");
  });

  it.skipIf(Boolean(backend.skipReason))("applies and carries edits", async () => {
    const [library] = await listRunbookLibrary(database.prisma);
    const versionId = library.latest.id;

    expect(library.latest.model.warnings.map((warning) => warning.message)).toContainEqual(expect.stringContaining('Phase "Contain"'));

    await editRunbookVersion(database.prisma, versionId, { kind: "phaseTimeBox", scenarioKey: "cache-lost", phaseTitle: "Contain", startMinute: 0, endMinute: 10 }, adminId);
    await editRunbookVersion(database.prisma, versionId, { kind: "stepOwner", scenarioKey: "cache-lost", phaseTitle: "Contain", stepTitle: "Stop the writers", owner: "DBA" }, adminId);
    const edited = await editRunbookVersion(database.prisma, versionId, { kind: "scenarioObjective", scenarioKey: "cache-lost", objectiveKey: "sessions" }, adminId);

    expect(edited.scenarios[0].phases[0]).toMatchObject({ startMinute: 0, endMinute: 10 });
    expect(edited.scenarios[0].phases[0].steps[0].owner).toBe("DBA");
    expect(edited.scenarios[0].objectiveKey).toBe("sessions");
    expect(edited.warnings.map((warning) => warning.message)).not.toContainEqual(expect.stringContaining('Phase "Contain"'));

    const next = await importRunbook(database.prisma, { markdown: `${VERSION_2}5. Close the incident\n6. Write the review\n`, runbookId: library.id }, adminId);

    expect(next.model.scenarios[0].phases[0]).toMatchObject({ startMinute: 0, endMinute: 10 });
    expect(next.model.scenarios[0].phases[0].steps[0].owner).toBe("DBA");
  });

  it.skipIf(Boolean(backend.skipReason))("counts a scenario against its objective", async () => {
    const [library] = await listRunbookLibrary(database.prisma);
    const { incidentId } = await declareIncident(database.prisma, { title: "Cache gone again", severityLevel: 2, scenarioKey: "cache-lost", runbookVersionId: library.latest.id }, adminId);
    const view = await getIncidentView(database.prisma, incidentId);

    expect(view.plan.objectives.filter((objective) => objective.kind === "RTO").map((objective) => objective.key)).toEqual(["sessions"]);
  });

  it.skipIf(Boolean(backend.skipReason))("rejects bad edits", async () => {
    const [library] = await listRunbookLibrary(database.prisma);
    const error = await expectError(
      editRunbookVersion(database.prisma, library.latest.id, { kind: "phaseTimeBox", scenarioKey: "cache-lost", phaseTitle: "Contain", startMinute: 10, endMinute: 5 }, adminId),
      "INVALID_INPUT",
    );

    expect(error.message).toContain("ends at minute 5");
    await expectError(editRunbookVersion(database.prisma, library.latest.id, { kind: "scenarioObjective", scenarioKey: "cache-lost", objectiveKey: "nope" }, adminId), "INVALID_INPUT");
  });

  it.skipIf(Boolean(backend.skipReason))("saves nothing for bad input", async () => {
    const before = await database.prisma.runbookVersion.count();

    const empty = await expectError(importRunbook(database.prisma, { markdown: "  \n" }, adminId), "INVALID_INPUT");
    const noSteps = await expectError(importRunbook(database.prisma, { markdown: "# Notes\n\nOnly prose here.\n" }, adminId), "INVALID_INPUT");
    const binary = await expectError(importRunbook(database.prisma, { markdown: "# R\u0000\u0001\u0002" }, adminId), "INVALID_INPUT");

    expect(empty.message).toContain("empty");
    expect(noSteps.message).toContain("The runbook has no steps, so it was not saved.");
    expect(binary.message).toContain("binary control characters");
    expect(await database.prisma.runbookVersion.count()).toBe(before);
  });

  it.skipIf(Boolean(backend.skipReason))("reports review age", async () => {
    const [stale] = await listRunbookLibrary(database.prisma, new Date("2026-06-01T00:00:00Z"));

    expect(stale.review).toMatchObject({ source: "metadata", overdue: true, lastReviewedAt: "2026-01-05T00:00:00.000Z" });

    const markedAt = await markRunbookReviewed(database.prisma, stale.id, adminId, new Date("2026-05-30T00:00:00Z"));
    const [fresh] = await listRunbookLibrary(database.prisma, new Date("2026-06-01T00:00:00Z"));

    expect(markedAt.toISOString()).toBe("2026-05-30T00:00:00.000Z");
    expect(fresh.review).toMatchObject({ source: "marked", overdue: false, ageDays: 2 });
  });
});
