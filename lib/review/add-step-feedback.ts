import { z } from "zod";
import type { PrismaClient } from "../db/types";
import { RunbridgeError } from "../errors";
import { loadResolvedIncident, type ReviewActor } from "./load-resolved-incident";
import { FEEDBACK_KINDS } from "./review-data";
import { MAX_REVIEW_TEXT_LENGTH } from "./review-limits";

export const addStepFeedbackInput = z.object({
  incidentId: z.string().trim().min(1, "Incident id is missing."),
  kind: z.enum(FEEDBACK_KINDS, "Feedback kind must be wrong, missing or unclear."),
  /** The step of this incident the feedback is about; null for a step the runbook is missing. */
  stepId: z.string().trim().min(1).nullable(),
  /** Title of the missing step; ignored for an existing step. */
  missingStepTitle: z.string().trim().max(300, "Step title is longer than 300 characters: shorten it.").optional(),
  comment: z
    .string()
    .trim()
    .min(1, "Comment is missing: say what is wrong, missing or unclear.")
    .max(MAX_REVIEW_TEXT_LENGTH, `Comment is longer than ${MAX_REVIEW_TEXT_LENGTH} characters: shorten it.`),
});
export type AddStepFeedbackInput = z.input<typeof addStepFeedbackInput>;

/**
 * Records feedback on a runbook step, linked to the runbook version the incident ran and to
 * the step's phase and position, so the runbook's maintainers find it in the runbook library.
 */
export async function addStepFeedback(prisma: PrismaClient, rawInput: AddStepFeedbackInput, actor: ReviewActor): Promise<{ id: string }> {
  const input = addStepFeedbackInput.parse(rawInput);

  return prisma.$transaction(async (tx) => {
    const incident = await loadResolvedIncident(tx, input.incidentId);

    let place: { phaseIndex: number | null; position: number | null; stepTitle: string };
    if (input.stepId) {
      const step = await tx.stepRun.findUnique({ where: { id: input.stepId } });
      if (!step || step.incidentId !== incident.id) {
        throw new RunbridgeError("NOT_FOUND", `Step "${input.stepId}" was not found in this incident: pick a step from the list.`);
      }
      place = { phaseIndex: step.phaseIndex, position: step.position, stepTitle: step.title };
    } else {
      if (input.kind !== "missing" || !input.missingStepTitle) {
        throw new RunbridgeError("INVALID_INPUT", "Pick the step the feedback is about, or choose \"missing\" and name the step the runbook lacks.");
      }
      place = { phaseIndex: null, position: null, stepTitle: input.missingStepTitle };
    }

    const feedback = await tx.runbookStepFeedback.create({
      data: {
        runbookVersionId: incident.runbookVersionId,
        incidentId: incident.id,
        ...place,
        kind: input.kind,
        comment: input.comment,
        createdById: actor.id,
        createdByName: actor.name,
      },
    });
    return { id: feedback.id };
  });
}
