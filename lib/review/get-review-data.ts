import type { PrismaClient } from "../db/types";
import { findIncident } from "../incident/find-incident";
import type { IncidentPlan } from "../incident/plan";
import type { StepState } from "../incident/step-state";
import { eventActorSelect, toTimelineEvent } from "../incident/to-timeline-event";
import type { ReviewData } from "./review-data";

/**
 * Loads everything a review is computed from: the incident, its plan, its steps and its whole
 * timeline, in one repeatable-read transaction so the events and the steps agree.
 */
export async function getReviewData(prisma: PrismaClient, incidentId: string): Promise<ReviewData> {
  return prisma.$transaction(
    async (tx) => {
      const incident = await findIncident(tx, incidentId);

      const steps = await tx.stepRun.findMany({
        where: { incidentId },
        orderBy: [{ phaseIndex: "asc" }, { position: "asc" }],
        select: { id: true, phaseIndex: true, position: true, title: true, state: true },
      });
      const events = await tx.timelineEvent.findMany({
        where: { incidentId },
        orderBy: { seq: "asc" },
        include: eventActorSelect,
      });

      return {
        incident: {
          id: incident.id,
          title: incident.title,
          severityLevel: incident.severityLevel,
          severityLabel: incident.severityLabel,
          scenarioKey: incident.scenarioKey,
          scenarioTitle: incident.scenarioTitle,
          status: incident.status as ReviewData["incident"]["status"],
          declaredAt: incident.declaredAt.toISOString(),
          resolvedAt: incident.resolvedAt?.toISOString() ?? null,
          declaredBy: incident.declaredBy,
          runbookVersionId: incident.runbookVersionId,
        },
        plan: incident.plan as unknown as IncidentPlan,
        steps: steps.map((step) => ({ ...step, state: step.state as StepState })),
        events: events.map(toTimelineEvent),
      };
    },
    { isolationLevel: "RepeatableRead" },
  );
}
