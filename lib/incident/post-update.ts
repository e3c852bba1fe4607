import { z } from "zod";
import type { PrismaClient } from "../db/types";
import { appendEvent } from "./append-event";
import type { TimelineEvent } from "./events";
import { MAX_UPDATE_LENGTH } from "./limits";
import { loadOpenIncident } from "./load-open-incident";

export const postUpdateInput = z.object({
  incidentId: z.string().trim().min(1, "Incident id is missing."),
  text: z
    .string()
    .trim()
    .min(1, "The update is empty: write what stakeholders should know, such as the impact and the next update time.")
    .max(MAX_UPDATE_LENGTH, `The update is longer than ${MAX_UPDATE_LENGTH} characters: stakeholders read it on phones, so shorten it.`),
});
export type PostUpdateInput = z.input<typeof postUpdateInput>;

/** Appends a public status update, which the stakeholder view and share links show. */
export async function postUpdate(prisma: PrismaClient, rawInput: PostUpdateInput, actorId: string): Promise<{ events: TimelineEvent[] }> {
  const input = postUpdateInput.parse(rawInput);

  return prisma.$transaction(async (tx) => {
    await loadOpenIncident(tx, input.incidentId);
    const event = await appendEvent(tx, input.incidentId, "update.posted", { text: input.text }, actorId);
    return { events: [event] };
  });
}
