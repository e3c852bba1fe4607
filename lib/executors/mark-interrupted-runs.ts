import type { PrismaClient } from "../db/types";
import type { TimelineEvent } from "../incident/events";
import { logger } from "../logger";
import { activeRuns } from "./active-runs";
import { finishRun, INTERRUPTED_VERDICT } from "./finish-run";

/**
 * Records every run still marked running as interrupted. The server calls it at start-up,
 * before it accepts requests: a run that was going when the process stopped never finished,
 * so it must not look done. Its step goes back to the state it had before the run.
 */
export async function markInterruptedRuns(prisma: PrismaClient): Promise<TimelineEvent[]> {
  // NOTE: this assumes one server process. With several processes on one PostgreSQL, a
  // starting process would also mark the runs of the others as interrupted.
  const running = await prisma.stepExecution.findMany({ where: { status: "running" }, select: { id: true, stepRunId: true } });
  const events: TimelineEvent[] = [];
  for (const execution of running) {
    events.push(
      ...(await finishRun(prisma, execution.id, {
        status: "interrupted",
        verdict: INTERRUPTED_VERDICT,
        actorId: null,
      })),
    );
    logger.warn({ executionId: execution.id, stepId: execution.stepRunId }, "step run marked interrupted");
  }
  return events;
}

/**
 * Stops every run of this process because the server is shutting down, and waits until each
 * is recorded as interrupted (at most `timeoutMs`). Runs still unrecorded then are marked at the
 * next start.
 */
export async function interruptActiveRuns(timeoutMs = 5_000): Promise<void> {
  const runs = [...activeRuns().values()];
  if (runs.length === 0) return;
  logger.warn({ count: runs.length }, "stopping running steps for shutdown");
  for (const run of runs) {
    run.shuttingDown = true;
    run.controller.abort();
  }
  let timer: NodeJS.Timeout | undefined;
  await Promise.race([Promise.all(runs.map((run) => run.done)), new Promise((resolve) => (timer = setTimeout(resolve, timeoutMs)))]);
  clearTimeout(timer);
}
