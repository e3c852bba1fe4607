import { z } from "zod";
import type { PrismaClient } from "../db/types";
import { appendEvent } from "./append-event";
import type { TimelineEvent } from "./events";
import { MAX_NOTE_LENGTH } from "./limits";
import { loadOpenIncident } from "./load-open-incident";

export const addNoteInput = z.object({
  incidentId: z.string().trim().min(1, "Incident id is missing."),
  text: z
    .string()
    .trim()
    .min(1, "Note is empty: write what happened or what you found.")
    .max(MAX_NOTE_LENGTH, `Note is longer than ${MAX_NOTE_LENGTH} characters: split it into two notes.`),
});
export type AddNoteInput = z.input<typeof addNoteInput>;

/** Appends an incident-level note to the timeline. */
export async function addNote(prisma: PrismaClient, rawInput: AddNoteInput, actorId: string): Promise<{ events: TimelineEvent[] }> {
  const input = addNoteInput.parse(rawInput);

  return prisma.$transaction(async (tx) => {
    await loadOpenIncident(tx, input.incidentId);
    const event = await appendEvent(tx, input.incidentId, "note.added", { text: input.text }, actorId);
    return { events: [event] };
  });
}
