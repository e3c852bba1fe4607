import type { PrismaClient } from "../db/types";
import { findIncident } from "../incident/find-incident";
import type { IncidentPlan } from "../incident/plan";
import type { StepState } from "../incident/step-state";
import { eventActorSelect, toTimelineEvent } from "../incident/to-timeline-event";
import { readPostRecoveryList } from "./read-post-recovery-list";
import { EMPTY_WRITE_UP, type ReviewChecklistItem, type ReviewData } from "./review-data";
import { toReviewStepFeedback } from "./to-review-step-feedback";

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
      const writeUp = await tx.reviewWriteUp.findUnique({ where: { incidentId } });
      const actionItems = await tx.reviewActionItem.findMany({ where: { incidentId }, orderBy: [{ createdAt: "asc" }, { id: "asc" }] });
      const feedback = await tx.runbookStepFeedback.findMany({ where: { incidentId }, orderBy: [{ createdAt: "asc" }, { id: "asc" }] });
      const checkedItems = await tx.reviewChecklistItem.findMany({ where: { incidentId } });
      const archives = await tx.reviewArchive.findMany({ where: { incidentId }, orderBy: [{ createdAt: "asc" }, { id: "asc" }] });
      const runbookVersion = await tx.runbookVersion.findUniqueOrThrow({ where: { id: incident.runbookVersionId }, select: { source: true } });

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
        writeUp: writeUp
          ? {
              summary: writeUp.summary,
              rootCause: writeUp.rootCause,
              contributingFactors: writeUp.contributingFactors,
              wentWell: writeUp.wentWell,
              recommendations: writeUp.recommendations,
              dataLossMinutes: writeUp.dataLossMinutes,
              version: writeUp.version,
              updatedAt: writeUp.updatedAt.toISOString(),
              updatedByName: writeUp.updatedByName,
            }
          : EMPTY_WRITE_UP,
        actionItems: actionItems.map((item) => ({
          id: item.id,
          title: item.title,
          owner: item.owner,
          dueDate: item.dueDate.toISOString().slice(0, 10),
          done: item.done,
          createdAt: item.createdAt.toISOString(),
          createdByName: item.createdByName,
        })),
        feedback: feedback.map(toReviewStepFeedback),
        checklist: mergeChecklist(readPostRecoveryList(runbookVersion.source), checkedItems),
        archives: archives.map((archive) => ({
          bucket: archive.bucket,
          key: archive.key,
          sha256: archive.sha256,
          sizeBytes: archive.sizeBytes,
          createdAt: archive.createdAt.toISOString(),
          createdByName: archive.createdByName,
        })),
      };
    },
    { isolationLevel: "RepeatableRead" },
  );
}

interface StoredChecklistItem {
  position: number;
  text: string;
  done: boolean;
  updatedAt: Date;
  updatedByName: string;
}

// The runbook's list gives the items; a stored row gives an item's state. A stored item the
// runbook no longer lists keeps its text, so nothing a reviewer ticked disappears.
function mergeChecklist(texts: string[], stored: StoredChecklistItem[]): ReviewChecklistItem[] {
  const byPosition = new Map(stored.map((item) => [item.position, item]));
  const positions = [...new Set([...texts.map((_, index) => index), ...byPosition.keys()])].sort((a, b) => a - b);
  return positions.map((position) => {
    const row = byPosition.get(position);
    return {
      position,
      text: row?.text ?? texts[position],
      done: row?.done ?? false,
      updatedAt: row?.updatedAt.toISOString() ?? null,
      updatedByName: row?.updatedByName ?? null,
    };
  });
}
