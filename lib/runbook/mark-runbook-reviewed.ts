import type { PrismaClient } from "../db/types";
import { RunbridgeError } from "../errors";
import { logger } from "../logger";

/** Records that an admin reviewed the runbook now. */
export async function markRunbookReviewed(prisma: PrismaClient, runbookId: string, actorId: string, now = new Date()): Promise<Date> {
  const updated = await prisma.runbook.updateMany({ where: { id: runbookId }, data: { reviewedAt: now } });

  if (updated.count === 0) {
    throw new RunbridgeError("NOT_FOUND", `Runbook "${runbookId}" was not found: reload the runbook library.`);
  }

  logger.info({ runbookId, actorId }, "runbook marked reviewed");

  return now;
}
