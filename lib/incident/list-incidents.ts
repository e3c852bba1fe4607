import type { PrismaClient } from "../db/types";
import { isComplete, type StepState } from "./step-state";

export interface IncidentSummary {
  id: string;
  title: string;
  severityLevel: number;
  severityLabel: string;
  scenarioTitle: string;
  status: "open" | "resolved";
  declaredAt: string;
  resolvedAt: string | null;
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
      id: incident.id,
      title: incident.title,
      severityLevel: incident.severityLevel,
      severityLabel: incident.severityLabel,
      scenarioTitle: incident.scenarioTitle,
      status: incident.status as IncidentSummary["status"],
      declaredAt: incident.declaredAt.toISOString(),
      resolvedAt: incident.resolvedAt?.toISOString() ?? null,
      completedSteps: counts.filter((row) => isComplete(row.state as StepState)).reduce((sum, row) => sum + row._count._all, 0),
      totalSteps: counts.reduce((sum, row) => sum + row._count._all, 0),
    };
  });
}
