import { z } from "zod";
import type { PrismaClient } from "../db/types";
import { RunbridgeError } from "../errors";

export const setActionItemDoneInput = z.object({
  incidentId: z.string().trim().min(1, "Incident id is missing."),
  actionItemId: z.string().trim().min(1, "Action item id is missing."),
  done: z.boolean(),
});
export type SetActionItemDoneInput = z.input<typeof setActionItemDoneInput>;

/** Marks an action item done or not done. */
export async function setActionItemDone(prisma: PrismaClient, rawInput: SetActionItemDoneInput): Promise<void> {
  const input = setActionItemDoneInput.parse(rawInput);
  const updated = await prisma.reviewActionItem.updateMany({
    where: { id: input.actionItemId, incidentId: input.incidentId },
    data: { done: input.done },
  });
  if (updated.count === 0) {
    throw new RunbridgeError("NOT_FOUND", `Action item "${input.actionItemId}" was not found in this review: reload the review.`);
  }
}
