import { z } from "zod";
import type { PrismaClient } from "../db/types";
import { RunbridgeError } from "../errors";
import type { TimelineEvent } from "../incident/events";
import { stepRefShape } from "../incident/step-input";
import { logger } from "../logger";
import { activeRuns } from "./active-runs";
import { finishRun } from "./finish-run";

export const cancelStepRunInput = z.object({
  ...stepRefShape,
});
export type CancelStepRunInput = z.input<typeof cancelStepRunInput>;

/**
 * Cancels a step's running run. A run in this process is stopped (its process group gets
 * SIGTERM, then SIGKILL) and recorded as cancelled once it has ended. A running row that no
 * run in this process owns is recorded as cancelled at once.
 */
export async function cancelStepRun(prisma: PrismaClient, rawInput: CancelStepRunInput, actor: { id: string; name: string }): Promise<TimelineEvent[]> {
  const input = cancelStepRunInput.parse(rawInput);

  const active = activeRuns().get(input.stepId);
  if (active && active.incidentId === input.incidentId) {
    active.cancelledBy = actor;
    active.controller.abort();
    logger.info({ executionId: active.executionId, stepId: input.stepId, userId: actor.id }, "step run cancel requested");
    return (await active.done) as TimelineEvent[];
  }

  const running = await prisma.stepExecution.findUnique({ where: { runningStepId: input.stepId } });
  if (!running || running.incidentId !== input.incidentId) {
    throw new RunbridgeError("NOT_FOUND", "This step has no run in progress: it may have just finished. Reload the incident to see its result.");
  }
  // NOTE: with several server processes on PostgreSQL, the process that owns this run keeps
  // running it; only its record is closed here.
  logger.warn({ executionId: running.id, stepId: input.stepId }, "cancelling a running step run that this process does not own");
  return finishRun(prisma, running.id, { status: "cancelled", verdict: `Cancelled by ${actor.name}`, actorId: actor.id });
}
