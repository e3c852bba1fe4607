import { z } from "zod";
import type { PrismaClient } from "../db/types";
import { RunbridgeError } from "../errors";
import { MAX_INT32 } from "../incident/limits";
import { loadResolvedIncident, type ReviewActor } from "./load-resolved-incident";
import { MAX_WRITE_UP_FIELD_LENGTH } from "./review-limits";

const field = (label: string) =>
  z
    .string()
    .trim()
    .max(MAX_WRITE_UP_FIELD_LENGTH, `${label} is longer than ${MAX_WRITE_UP_FIELD_LENGTH} characters: shorten it.`);

export const saveWriteUpInput = z.object({
  incidentId: z.string().trim().min(1, "Incident id is missing."),
  /** The write-up version the reviewer read; 0 before the first save. */
  expectedVersion: z.number().int().min(0).max(MAX_INT32, "expectedVersion is larger than any write-up version: reload the review."),
  summary: field("Summary"),
  rootCause: field("Root cause"),
  contributingFactors: field("Contributing factors"),
  wentWell: field("What went well"),
  recommendations: field("Improvement recommendations"),
  dataLossMinutes: z
    .number("Data loss must be a number of minutes, such as 20.")
    .int("Data loss must be a whole number of minutes.")
    .min(0, "Data loss cannot be negative: enter 0 when no data was lost.")
    .max(MAX_INT32, `Data loss is larger than ${MAX_INT32} minutes: enter the minutes of data lost.`)
    .nullable(),
});
export type SaveWriteUpInput = z.input<typeof saveWriteUpInput>;

/**
 * Saves the write-up of a resolved incident. Only the version the reviewer read is replaced,
 * so of two reviewers saving at once the second gets a CONFLICT instead of overwriting.
 * Returns the new version.
 */
export async function saveWriteUp(prisma: PrismaClient, rawInput: SaveWriteUpInput, actor: ReviewActor): Promise<{ version: number }> {
  const { incidentId, expectedVersion, ...fields } = saveWriteUpInput.parse(rawInput);

  return prisma.$transaction(async (tx) => {
    await loadResolvedIncident(tx, incidentId);
    const stamp = { updatedById: actor.id, updatedByName: actor.name };

    if (expectedVersion === 0) {
      const created = await tx.reviewWriteUp.createMany({ data: [{ incidentId, ...fields, ...stamp, version: 1 }], skipDuplicates: true });
      if (created.count === 1) return { version: 1 };
    } else {
      const updated = await tx.reviewWriteUp.updateMany({
        where: { incidentId, version: expectedVersion },
        data: { ...fields, ...stamp, version: { increment: 1 } },
      });
      if (updated.count === 1) return { version: expectedVersion + 1 };
    }

    const current = await tx.reviewWriteUp.findUnique({ where: { incidentId } });
    throw new RunbridgeError(
      "CONFLICT",
      `${current?.updatedByName ?? "Another reviewer"} saved the write-up first (now version ${current?.version ?? "unknown"}). Your text was not saved: copy it, reload the review and merge your changes.`,
    );
  });
}
