// Integration test of the server-side timer scan on PGlite and PostgreSQL.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createUser } from "../auth/create-user";
import type { Database } from "../db/open-database";
import { listTestBackends } from "../db/test-backends";
import { declareIncident } from "../incident/declare-incident";
import { listEventsAfter } from "../incident/list-events-after";
import { ensureSampleRunbook } from "../runbook/ensure-sample-runbook";
import { recordTimerAlerts } from "./record-timer-alerts";

const MINUTE = 60_000;
const backends = await listTestBackends();

describe.each(backends)("recordTimerAlerts on $name", (backend) => {
  let database: Database;
  let cleanUp: () => Promise<void>;
  let commanderId: string;

  beforeAll(async () => {
    if (backend.skipReason) return;
    ({ database, cleanUp } = await backend.open());
    await ensureSampleRunbook(database.prisma);
    commanderId = (await createUser(database.prisma, { email: "ic@example.com", name: "Ina", password: "correct-horse-battery", role: "commander" })).id;
  });

  afterAll(async () => {
    if (!backend.skipReason) await cleanUp();
  });

  it.skipIf(Boolean(backend.skipReason))("records each alert once, even from concurrent scans", async () => {
    const { incidentId } = await declareIncident(database.prisma, { title: "Breach drill", severityLevel: 1, scenarioKey: "complete-database-failure" }, commanderId);
    const incident = await database.prisma.incident.findUniqueOrThrow({ where: { id: incidentId } });
    const sixteenMinutesLater = incident.declaredAt.getTime() + 16 * MINUTE;

    // Two processes scanning at once: the advisory lock lets one of them write.
    const [first, second] = await Promise.all([recordTimerAlerts(database.prisma, sixteenMinutesLater), recordTimerAlerts(database.prisma, sixteenMinutesLater)]);
    const appended = [...first, ...second].filter((event) => event.incidentId === incidentId);

    // Critical Systems, Database Restore (15 min) and the first two phases (5 and 15 min) have
    // passed both thresholds. Full Application (30 min) and CDN (45 min) have not.
    expect(appended.map((event) => (event.type === "timer.alert" ? `${event.payload.target}:${event.payload.key}:${event.payload.status}` : event.type)).sort()).toEqual([
      "objective:critical-systems:at_risk",
      "objective:critical-systems:overdue",
      "objective:database-restore:at_risk",
      "objective:database-restore:overdue",
      "phase:0:at_risk",
      "phase:0:overdue",
      "phase:1:at_risk",
      "phase:1:overdue",
    ]);

    expect(await recordTimerAlerts(database.prisma, sixteenMinutesLater)).toEqual([]);

    const events = await listEventsAfter(database.prisma, incidentId, 0);
    expect(events.map((event) => event.seq)).toEqual(Array.from({ length: 9 }, (_, index) => index + 1));
    expect(events.filter((event) => event.type === "timer.alert").every((event) => event.actor === null)).toBe(true);
  });

  it.skipIf(Boolean(backend.skipReason))("ignores resolved incidents", async () => {
    const { incidentId } = await declareIncident(database.prisma, { title: "Already over", severityLevel: 2, scenarioKey: "security-breach" }, commanderId);
    await database.prisma.incident.update({ where: { id: incidentId }, data: { status: "resolved", resolvedAt: new Date() } });

    const appended = await recordTimerAlerts(database.prisma, Date.now() + 120 * MINUTE);
    expect(appended.filter((event) => event.incidentId === incidentId)).toEqual([]);
  });
});
