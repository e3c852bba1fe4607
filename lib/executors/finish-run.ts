import type { Prisma, PrismaClient } from "../db/types";
import { appendEvent } from "../incident/append-event";
import type { TimelineEvent } from "../incident/events";
import type { StepState } from "../incident/step-state";
import { toRunSummary } from "./to-run-view";

export const INTERRUPTED_VERDICT = "Interrupted: the server stopped while this ran, so its result is unknown. Check the system, then run it again.";

export type EndStatus = "succeeded" | "failed" | "cancelled" | "interrupted";

export interface RunEnd {
  status: EndStatus;
  verdict: string;
  exitCode?: number | null;
  result?: Record<string, unknown> | null;
  output?: { output: string; outputBytes: number; truncated: boolean };
  /** The user who ended the run: the canceller, or the starter for a run that finished by itself. */
  actorId: string | null;
}

const EVENT_BY_STATUS = {
  succeeded: "step.run.finished",
  failed: "step.run.finished",
  cancelled: "step.run.cancelled",
  interrupted: "step.run.interrupted",
} as const;

/**
 * Stores a run's end and moves its step in one transaction: done after success, failed after
 * failure, and back to the state before the run after a cancel or an interruption. Only a run
 * that is still running changes. A run ended twice (a cancel racing the finish, or the
 * start-up sweep) is therefore recorded once, and the second call returns no events.
 */
export async function finishRun(prisma: PrismaClient, executionId: string, end: RunEnd): Promise<TimelineEvent[]> {
  return prisma.$transaction(async (tx) => {
    const finishedAt = new Date();
    const updated = await tx.stepExecution.updateMany({
      where: { id: executionId, status: "running" },
      data: {
        status: end.status,
        runningStepId: null,
        verdict: end.verdict,
        exitCode: end.exitCode ?? null,
        result: (end.result ?? undefined) as Prisma.InputJsonObject | undefined,
        finishedAt,
        ...(end.output ? { output: end.output.output, outputBytes: end.output.outputBytes, outputTruncated: end.output.truncated } : {}),
      },
    });
    if (updated.count === 0) return [];

    const execution = await tx.stepExecution.findUniqueOrThrow({ where: { id: executionId } });
    const step = await tx.stepRun.findUniqueOrThrow({ where: { id: execution.stepRunId } });
    const from = step.state as StepState;
    let to = execution.previousState as StepState;
    if (end.status === "succeeded") to = "done";
    if (end.status === "failed") to = "failed";

    const fresh = await tx.stepRun.update({
      where: { id: step.id },
      data: { state: to, version: { increment: 1 }, updatedAt: finishedAt, updatedById: end.actorId, note: end.verdict.slice(0, 500) },
    });

    const event = await appendEvent(
      tx,
      execution.incidentId,
      EVENT_BY_STATUS[end.status],
      { stepId: step.id, title: step.title, run: toRunSummary(execution), from, to, stepVersion: fresh.version },
      end.actorId,
    );
    return [event];
  });
}
