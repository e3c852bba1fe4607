import type { PrismaClient } from "../db/types";
import type { ReviewStepFeedback } from "./review-data";
import { toReviewStepFeedback } from "./to-review-step-feedback";

export interface RunbookFeedbackGroup {
  runbookId: string;
  runbookTitle: string;
  feedback: (ReviewStepFeedback & { incidentId: string; incidentTitle: string; runbookVersion: number })[];
}

/** Lists runbook step feedback from reviews, newest first, grouped by runbook. With `runbookId`, only that runbook's feedback is listed. */
export async function listStepFeedback(prisma: PrismaClient, options: { runbookId?: string; limit?: number } = {}): Promise<RunbookFeedbackGroup[]> {
  const rows = await prisma.runbookStepFeedback.findMany({
    where: options.runbookId ? { runbookVersion: { runbookId: options.runbookId } } : undefined,
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: options.limit ?? 500,
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
