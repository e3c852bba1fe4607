import { z } from "zod";

import type { PrismaClient } from "../db/types";
import { RunbridgeError } from "../errors";
import { logger } from "../logger";
import { checkRunbookText, MAX_RUNBOOK_BYTES } from "./decode-runbook-file";
import type { RunbookModel } from "./model";
import { parseRunbook } from "./parse-runbook";
import { saveRunbookVersion, type SavedRunbookVersion } from "./save-runbook-version";

export const importRunbookInput = z.object({
  // A UTF-8 character takes up to 4 bytes, so this bound is loose; checkRunbookText counts bytes.
  markdown: z.string().max(MAX_RUNBOOK_BYTES, `The runbook is longer than ${MAX_RUNBOOK_BYTES} characters: split it into one runbook per service or scenario.`),
  // Id of the runbook to add a version to; absent to use the runbook whose slug matches the title.
  runbookId: z.string().trim().min(1).optional(),
});
export type ImportRunbookInput = z.infer<typeof importRunbookInput>;

/**
 * Checks and parses pasted or uploaded Markdown without saving it, for the import preview.
 * Throws INVALID_INPUT with a message naming what was found when the text is too large,
 * binary or empty.
 */
export function previewRunbook(markdown: string): RunbookModel {
  const checked = checkRunbookText(markdown);

  if (!checked.ok) {
    throw new RunbridgeError("INVALID_INPUT", checked.message);
  }

  return parseRunbook(markdown);
}

/**
 * Imports a runbook into the library as a new version. Text that fails the checks, or that has
 * no steps, is rejected before anything is written. Identical text makes no new version.
 */
export async function importRunbook(prisma: PrismaClient, input: ImportRunbookInput, actorId: string): Promise<SavedRunbookVersion> {
  const model = previewRunbook(input.markdown);

  if (model.scenarios.length === 0) {
    const found = model.warnings.map((warning) => `line ${warning.line}: ${warning.message}`).join(" ");

    throw new RunbridgeError("INVALID_INPUT", `The runbook has no steps, so it was not saved. ${found}`.trim());
  }

  const saved = await saveRunbookVersion(prisma, input.markdown, input.runbookId ? { runbookId: input.runbookId } : {});

  logger.info(
    { runbookId: saved.runbookId, runbookVersionId: saved.runbookVersionId, version: saved.version, created: saved.created, actorId },
    saved.created ? "runbook version imported" : "runbook import matched an existing version",
  );

  return saved;
}
