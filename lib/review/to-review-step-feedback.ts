import type { FeedbackKind, ReviewStepFeedback } from "./review-data";

interface StoredFeedback {
  id: string;
  runbookVersionId: string;
  phaseIndex: number | null;
  position: number | null;
  stepTitle: string;
  kind: string;
  comment: string;
  createdAt: Date;
  createdByName: string;
}

export function toReviewStepFeedback(row: StoredFeedback): ReviewStepFeedback {
  return {
    id: row.id,
    runbookVersionId: row.runbookVersionId,
    phaseIndex: row.phaseIndex,
    position: row.position,
    stepTitle: row.stepTitle,
    kind: row.kind as FeedbackKind,
    comment: row.comment,
    createdAt: row.createdAt.toISOString(),
    createdByName: row.createdByName,
  };
}
