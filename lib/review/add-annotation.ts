import { z } from "zod";
import type { PrismaClient } from "../db/types";
import { RunbridgeError } from "../errors";
import { appendEvent } from "../incident/append-event";
import { MAX_INT32 } from "../incident/limits";
import type { TimelineEvent } from "../incident/events";
import { loadResolvedIncident, type ReviewActor } from "./load-resolved-incident";
import { MAX_REVIEW_TEXT_LENGTH } from "./review-limits";

const text = (label: string) =>
  z
    .string()
    .trim()
    .min(1, `${label} is missing.`)
    .max(MAX_REVIEW_TEXT_LENGTH, `${label} is longer than ${MAX_REVIEW_TEXT_LENGTH} characters: shorten it.`);

export const addAnnotationInput = z.object({
  incidentId: z.string().trim().min(1, "Incident id is missing."),
  /** The event a correction is about; null for an addition. */
  targetSeq: z.number("Event to correct must be an event number such as 7.").int("Event to correct must be a whole event number.").min(1, "Event numbers start at 1.").max(MAX_INT32, "Event to correct is larger than any event number: pick an event from the timeline.").nullable(),
  text: text("Annotation text"),
  reason: text("Reason"),
  /** When the annotated thing really happened, ISO 8601 with an offset; null if unknown. */
  occurredAt: z.iso.datetime({ offset: true, error: "Time must be a date and time such as 2026-12-04T12:07:00Z." }).nullable(),
});
export type AddAnnotationInput = z.input<typeof addAnnotationInput>;

/**
 * Appends a reviewer's addition or correction to a resolved incident's timeline as a
 * "review.annotation" event. The corrected event stays as it was recorded; the review metrics
 * use a correction's time in its place.
 */
export async function addAnnotation(prisma: PrismaClient, rawInput: AddAnnotationInput, actor: ReviewActor): Promise<{ events: TimelineEvent[] }> {
  const input = addAnnotationInput.parse(rawInput);

  return prisma.$transaction(async (tx) => {
    const incident = await loadResolvedIncident(tx, input.incidentId);

    if (input.targetSeq !== null) {
      const target = await tx.timelineEvent.findUnique({ where: { incidentId_seq: { incidentId: incident.id, seq: input.targetSeq } } });
      if (!target) {
        throw new RunbridgeError("NOT_FOUND", `Event #${input.targetSeq} is not in this timeline (events run from #1 to #${incident.lastSeq}): pick an event to correct.`);
      }
      if (target.type === "review.annotation") {
        throw new RunbridgeError("INVALID_INPUT", `Event #${input.targetSeq} is itself an annotation: correct the event it is about instead.`);
      }
    }

    const occurredAt = input.occurredAt ? new Date(input.occurredAt).toISOString() : null;
    const event = await appendEvent(
      tx,
      incident.id,
      "review.annotation",
      { kind: input.targetSeq === null ? "added" : "correction", targetSeq: input.targetSeq, text: input.text, reason: input.reason, occurredAt },
      actor.id,
    );
    return { events: [event] };
  });
}
