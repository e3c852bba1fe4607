import type { PrismaClient } from "../db/types";
import { appendEvent } from "../incident/append-event";
import type { TimelineEvent } from "../incident/events";
import type { IncidentPlan } from "../incident/plan";
import { computeProgress } from "../incident/progress";
import { stepViewInclude, toStepView } from "../incident/step-view";
import { alertId, findDueAlerts } from "./find-due-alerts";

// Any fixed number shared by every Runbridge process on one database.
const TIMER_SCAN_LOCK_KEY = 7_301_942;

/**
 * Appends "timer.alert" events for every open incident whose RTOs or phase time boxes have
 * become at risk or overdue, so the timeline records them even when no browser is open.
 * The scan runs in one transaction under a PostgreSQL advisory lock: when several processes
 * share a database, only one scans at a time and none records an alert twice.
 */
export async function recordTimerAlerts(prisma: PrismaClient, nowMs: number = Date.now()): Promise<TimelineEvent[]> {
  return prisma.$transaction(async (tx) => {
    const [lock] = await tx.$queryRaw<{ locked: boolean }[]>`SELECT pg_try_advisory_xact_lock(${TIMER_SCAN_LOCK_KEY}::bigint) AS locked`;
    if (!lock?.locked) return [];

    const incidents = await tx.incident.findMany({
      where: { status: "open" },
      include: {
        steps: { include: stepViewInclude },
        events: { where: { type: "timer.alert" }, select: { payload: true } },
      },
    });

    const appended: TimelineEvent[] = [];
    for (const incident of incidents) {
      const plan = incident.plan as unknown as IncidentPlan;
      const progress = computeProgress(incident.steps.map(toStepView), plan.phases.length);
      const alreadyRecorded = new Set(incident.events.map((event) => alertId(event.payload as { target: "objective" | "phase"; key: string; status: "at_risk" | "overdue" })));

      const due = findDueAlerts({
        plan,
        declaredAtMs: incident.declaredAt.getTime(),
        nowMs,
        phaseCompletedAtMs: progress.phases.map((phase) => phase.completedAtMs),
        alreadyRecorded,
      });
      for (const alert of due) {
        appended.push(await appendEvent(tx, incident.id, "timer.alert", alert, null));
      }
    }
    return appended;
  });
}
