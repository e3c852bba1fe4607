import type { PrismaClient } from "../db/types";
import { logger } from "../logger";
import { readSampleRunbook } from "./sample-runbook";
import { saveRunbookVersion } from "./save-runbook-version";

/** Loads the bundled sample runbook when the library is empty, so a fresh install can run a drill. */
export async function ensureSampleRunbook(prisma: PrismaClient): Promise<boolean> {
  if ((await prisma.runbook.count()) > 0) {
    return false;
  }

  const saved = await saveRunbookVersion(prisma, readSampleRunbook(), "sample-dr-runbook");
  logger.info({ runbookId: saved.runbookId, scenarios: saved.model.scenarios.length }, "sample runbook loaded");
  return true;
}
