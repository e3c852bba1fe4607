import type { PrismaClient } from "../db/types";
import type { ReviewStepFeedback } from "./review-data";
import { toReviewStepFeedback } from "./to-review-step-feedback";

export interface RunbookFeedbackGroup {
  runbookId: string;
  runbookTitle: string;
  feedback: (ReviewStepFeedback & { incidentId: string; incidentTitle: string; runbookVersion: number })[];
}

/** Lists runbook step feedback from reviews, newest first, grouped by runbook. */
export async function listStepFeedback(prisma: PrismaClient, limit = 500): Promise<RunbookFeedbackGroup[]> {
  const rows = await prisma.runbookStepFeedback.findMany({
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: limit,
    include: {
      incident: { select: { title: true } },
      runbookVersion: { select: { version: true, runbook: { select: { id: true, title: true } } } },
    },
  });

  const groups = new Map<string, RunbookFeedbackGroup>();
  for (const row of rows) {
    const { runbook } = row.runbookVersion;
    let group = groups.get(runbook.id);
    if (!group) {
      group = { runbookId: runbook.id, runbookTitle: runbook.title, feedback: [] };
      groups.set(runbook.id, group);
    }
    group.feedback.push({ ...toReviewStepFeedback(row), incidentId: row.incidentId, incidentTitle: row.incident.title, runbookVersion: row.runbookVersion.version });
  }
  return [...groups.values()];
}
