import { z } from "zod";
import type { PrismaClient } from "../db/types";
import { loadResolvedIncident, type ReviewActor } from "./load-resolved-incident";
import { MAX_REVIEW_TEXT_LENGTH } from "./review-limits";

export const addActionItemInput = z.object({
  incidentId: z.string().trim().min(1, "Incident id is missing."),
  title: z
    .string()
    .trim()
    .min(1, "Action item is missing: say what should be done.")
    .max(MAX_REVIEW_TEXT_LENGTH, `Action item is longer than ${MAX_REVIEW_TEXT_LENGTH} characters: shorten it.`),
  owner: z
    .string()
    .trim()
    .min(1, "Owner is missing: name the person or team who will do it.")
    .max(200, "Owner is longer than 200 characters: name one person or team."),
  dueDate: z.iso.date("Due date must be a date such as 2026-12-31."),
});
export type AddActionItemInput = z.input<typeof addActionItemInput>;

/** Adds an action item with an owner and a due date to a resolved incident's review. */
export async function addActionItem(prisma: PrismaClient, rawInput: AddActionItemInput, actor: ReviewActor): Promise<{ id: string }> {
  const input = addActionItemInput.parse(rawInput);
  return prisma.$transaction(async (tx) => {
    await loadResolvedIncident(tx, input.incidentId);
    const item = await tx.reviewActionItem.create({
      data: {
        incidentId: input.incidentId,
        title: input.title,
        owner: input.owner,
        dueDate: new Date(`${input.dueDate}T00:00:00Z`),
        createdById: actor.id,
        createdByName: actor.name,
      },
    });
    return { id: item.id };
  });
}
