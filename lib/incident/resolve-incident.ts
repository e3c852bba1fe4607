import { z } from "zod";
import type { PrismaClient } from "../db/types";
import { RunbridgeError } from "../errors";
import { appendEvent } from "./append-event";
import type { TimelineEvent } from "./events";
import { MAX_NOTE_LENGTH } from "./limits";
import { loadOpenIncident } from "./load-open-incident";

export const resolveIncidentInput = z.object({
  incidentId: z.string().trim().min(1, "Incident id is missing."),
  summary: z
    .string()
    .trim()
    .max(MAX_NOTE_LENGTH, `Summary is longer than ${MAX_NOTE_LENGTH} characters: shorten it.`)
    .nullish()
    .transform((summary) => (summary ? summary : null)),
});
export type ResolveIncidentInput = z.input<typeof resolveIncidentInput>;

/** Marks an open incident resolved, which stops its RTO timers, and appends "incident.resolved". */
export async function resolveIncident(
  prisma: PrismaClient,
  rawInput: ResolveIncidentInput,
  actorId: string,
): Promise<{ events: TimelineEvent[] }> {
  const input = resolveIncidentInput.parse(rawInput);

  return prisma.$transaction(async (tx) => {
    await loadOpenIncident(tx, input.incidentId);

    // The status condition makes a second, concurrent resolve match nothing instead of
    // writing a second "incident.resolved".
    const updated = await tx.incident.updateMany({
      where: { id: input.incidentId, status: "open" },
      data: { status: "resolved", resolvedAt: new Date() },
    });
    if (updated.count === 0) {
      throw new RunbridgeError("CONFLICT", "The incident was resolved by someone else first.");
    }

    const event = await appendEvent(tx, input.incidentId, "incident.resolved", { summary: input.summary }, actorId);
    return { events: [event] };
  });
}
