import { z } from "zod";
import type { PrismaClient } from "../db/types";
import { RunbridgeError } from "../errors";
import { MAX_INT32 } from "../incident/limits";
import { loadResolvedIncident, type ReviewActor } from "./load-resolved-incident";
import { readPostRecoveryList } from "./read-post-recovery-list";

export const setChecklistItemInput = z.object({
  incidentId: z.string().trim().min(1, "Incident id is missing."),
  position: z.number().int().min(0).max(MAX_INT32, "Checklist position is larger than any item: reload the review."),
  done: z.boolean(),
});
export type SetChecklistItemInput = z.input<typeof setChecklistItemInput>;

/** Ticks or unticks one item of a review's follow-up checklist. */
export async function setChecklistItem(prisma: PrismaClient, rawInput: SetChecklistItemInput, actor: ReviewActor): Promise<void> {
  const input = setChecklistItemInput.parse(rawInput);

  await prisma.$transaction(async (tx) => {
    const incident = await loadResolvedIncident(tx, input.incidentId);
    const existing = await tx.reviewChecklistItem.findUnique({ where: { incidentId_position: { incidentId: incident.id, position: input.position } } });
    const stamp = { done: input.done, updatedById: actor.id, updatedByName: actor.name };

    if (existing) {
      await tx.reviewChecklistItem.update({ where: { incidentId_position: { incidentId: incident.id, position: input.position } }, data: stamp });
      return;
    }

    const runbookVersion = await tx.runbookVersion.findUniqueOrThrow({ where: { id: incident.runbookVersionId }, select: { source: true } });
    const text = readPostRecoveryList(runbookVersion.source)[input.position];
    if (text === undefined) {
      throw new RunbridgeError("NOT_FOUND", `Checklist item ${input.position + 1} does not exist in this review: reload the review.`);
    }
    await tx.reviewChecklistItem.create({ data: { incidentId: incident.id, position: input.position, text, ...stamp } });
  });
}
