import type { PrismaClient } from "../db/types";
import { loadLatestRuns } from "../executors/to-run-view";
import { findIncident } from "./find-incident";
import { loadRoleHolders } from "./load-role-holders";
import { toIncidentHeader } from "./incident-header";
import type { IncidentView } from "./incident-view";
import type { IncidentPlan } from "./plan";
import { stepViewInclude, toStepView } from "./step-view";
import { eventActorSelect, toTimelineEvent } from "./to-timeline-event";

const RECENT_EVENT_COUNT = 200;

/**
 * Loads an incident's snapshot in one repeatable-read transaction, so the steps, the events
 * and lastSeq all describe the same moment and a client can continue from lastSeq.
 */
export async function getIncidentView(prisma: PrismaClient, incidentId: string): Promise<IncidentView> {
  return prisma.$transaction(
    async (tx) => {
      const incident = await findIncident(tx, incidentId);

      const steps = await tx.stepRun.findMany({
        where: { incidentId },
        orderBy: [{ phaseIndex: "asc" }, { position: "asc" }],
        include: stepViewInclude,
      });
      const runs = await loadLatestRuns(tx, incidentId);
      const roles = await loadRoleHolders(tx, incidentId);
      const events = await tx.timelineEvent.findMany({
        where: { incidentId },
        orderBy: { seq: "desc" },
        take: RECENT_EVENT_COUNT,
        include: eventActorSelect,
      });

      return {
        ...toIncidentHeader(incident),
        declaredBy: incident.declaredBy,
        plan: incident.plan as unknown as IncidentPlan,
        steps: steps.map((step) => ({ ...toStepView(step), lastRun: runs.get(step.id) ?? null })),
        roles,
        events: events.map(toTimelineEvent),
        lastSeq: incident.lastSeq,
      };
    },
    { isolationLevel: "RepeatableRead" },
  );
}
