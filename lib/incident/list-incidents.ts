import type { PrismaClient } from "../db/types";
import { toIncidentHeader, type IncidentHeader } from "./incident-header";
import { isComplete, type StepState } from "./step-state";

export interface IncidentSummary extends IncidentHeader {
  completedSteps: number;
  totalSteps: number;
}

/** Lists incidents, open ones first, each newest first, with step progress. */
export async function listIncidents(prisma: PrismaClient, limit = 200): Promise<IncidentSummary[]> {
  const incidents = await prisma.incident.findMany({
    orderBy: [{ status: "asc" }, { declaredAt: "desc" }],
    take: limit,
  });

  const stepCounts = await prisma.stepRun.groupBy({
    by: ["incidentId", "state"],
    where: { incidentId: { in: incidents.map((incident) => incident.id) } },
    _count: { _all: true },
  });

  return incidents.map((incident) => {
    const counts = stepCounts.filter((row) => row.incidentId === incident.id);
    return {
      ...toIncidentHeader(incident),
      completedSteps: counts.filter((row) => isComplete(row.state as StepState)).reduce((sum, row) => sum + row._count._all, 0),
      totalSteps: counts.reduce((sum, row) => sum + row._count._all, 0),
    };
  });
}
