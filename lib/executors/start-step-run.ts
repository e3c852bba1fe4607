import { z } from "zod";
import { Prisma } from "../db/generated/client";
import type { PrismaClient } from "../db/types";
import { RunbridgeError } from "../errors";
import { appendEvent } from "../incident/append-event";
import type { TimelineEvent } from "../incident/events";
import { loadOpenIncident } from "../incident/load-open-incident";
import type { IncidentPlan } from "../incident/plan";
import type { StepState } from "../incident/step-state";
import { stepRefShape } from "../incident/step-input";
import { logger } from "../logger";
import { activeRuns, type ActiveRun } from "./active-runs";
import { loadAutomationSettings } from "./automation-settings";
import { RunCancelledError, type ExecutorOutcome } from "./executor";
import { prepareRun } from "./executors";
import { finishRun, INTERRUPTED_VERDICT, type EndStatus } from "./finish-run";
import { OutputRecorder, type OutputChunk } from "./output-recorder";
import { readSecrets, redactSecrets, redactSecretsDeep, type SecretValues } from "./secrets";
import { toRunSummary } from "./to-run-view";

export const startStepRunInput = z.object({
  ...stepRefShape,
  /** The step version the responder saw; a newer version means someone changed the step first. */
  expectedVersion: z.number().int().min(0),
});
export type StartStepRunInput = z.input<typeof startStepRunInput>;

export interface RunObservers {
  /** Receives the run's end events after they are committed. */
  publishEvents(events: TimelineEvent[]): void;
  /** Receives every output chunk as it arrives. */
  publishOutput(chunk: OutputChunk & { incidentId: string; stepId: string; executionId: string }): void;
}

export interface StartedRun {
  executionId: string;
  events: TimelineEvent[];
  /** Settles with the end events once the run's end is committed; never rejects. */
  done: Promise<TimelineEvent[]>;
}

/**
 * Starts an automated step: checks the step's settings, records the run and "step.run.started"
 * in one transaction, then runs it in this process and records its end. The unique
 * runningStepId allows one running run per step; a dangerous step needs an approval, which
 * the run uses up.
 */
export async function startStepRun(
  prisma: PrismaClient,
  rawInput: StartStepRunInput,
  actor: { id: string; name: string },
  observers: RunObservers,
  secrets: SecretValues = readSecrets(),
): Promise<StartedRun> {
  const input = startStepRunInput.parse(rawInput);

  const stored = await prisma.stepRun.findUnique({ where: { id: input.stepId } });
  if (!stored || stored.incidentId !== input.incidentId) {
    throw new RunbridgeError("NOT_FOUND", `Step "${input.stepId}" was not found in this incident: reload the incident.`);
  }
  const settings = await loadAutomationSettings(prisma);
  const prepared = prepareRun(stored.kind, stored.params, settings, secrets);

  const { execution, events, rpoMinutes } = await prisma.$transaction(async (tx) => {
    const incident = await loadOpenIncident(tx, input.incidentId);
    const step = await tx.stepRun.findUniqueOrThrow({ where: { id: input.stepId } });

    const running = await tx.stepExecution.findUnique({ where: { runningStepId: step.id } });
    if (running) {
      const by = (running.startedBy as { name: string }).name;
      throw new RunbridgeError("CONFLICT", `"${step.title}" is already running (started by ${by} at ${running.startedAt.toISOString().slice(11, 19)} UTC): wait for it or cancel it.`);
    }
    if (step.version !== input.expectedVersion || step.kind !== stored.kind || JSON.stringify(step.params) !== JSON.stringify(stored.params)) {
      throw new RunbridgeError("CONFLICT", `"${step.title}" was changed by someone else first: check the step and run it again.`);
    }
    const approval = step.approval as { status: string } | null;
    if (step.dangerous && approval?.status !== "approved") {
      throw new RunbridgeError("FORBIDDEN", `"${step.title}" is dangerous: a second person with the commander role must approve it before it runs. Request approval first.`);
    }

    const created = await tx.stepExecution.create({
      data: {
        incidentId: input.incidentId,
        stepRunId: step.id,
        runningStepId: step.id,
        kind: step.kind,
        previousState: step.state,
        summary: prepared.summary,
        startedBy: actor,
      },
    });
    const fresh = await tx.stepRun.update({
      where: { id: step.id },
      data: {
        state: "in_progress",
        version: { increment: 1 },
        updatedAt: created.startedAt,
        updatedById: actor.id,
        note: null,
        // The approval covers one run.
        ...(step.dangerous ? { approval: Prisma.DbNull } : {}),
      },
    });
    const event = await appendEvent(
      tx,
      input.incidentId,
      "step.run.started",
      { stepId: step.id, title: step.title, run: toRunSummary(created), from: step.state as StepState, to: "in_progress", stepVersion: fresh.version },
      actor.id,
    );
    const plan = incident.plan as unknown as IncidentPlan;
    const rpos = plan.objectives.filter((objective) => objective.kind === "RPO").map((objective) => objective.minutes);
    return { execution: created, events: [event], rpoMinutes: rpos.length ? Math.min(...rpos) : null };
  });

  logger.info({ incidentId: input.incidentId, stepId: input.stepId, executionId: execution.id, kind: execution.kind, userId: actor.id }, "step run started");

  const controller = new AbortController();
  const output = new OutputRecorder(secrets, (chunk) =>
    observers.publishOutput({ ...chunk, incidentId: input.incidentId, stepId: input.stepId, executionId: execution.id }),
  );
  const active: ActiveRun = { executionId: execution.id, incidentId: input.incidentId, stepId: input.stepId, controller, output, done: Promise.resolve() };
  activeRuns().set(input.stepId, active);

  const done = (async (): Promise<TimelineEvent[]> => {
    let status: EndStatus;
    let outcome: ExecutorOutcome;
    try {
      outcome = await prepared.run({ settings, secrets, signal: controller.signal, write: (stream, text) => output.write(stream, text), rpoMinutes });
      // A check that stopped on abort may return a failure instead of throwing.
      if (controller.signal.aborted) throw new RunCancelledError();
      status = outcome.succeeded ? "succeeded" : "failed";
    } catch (error) {
      if (active.shuttingDown) {
        status = "interrupted";
        outcome = { succeeded: false, verdict: INTERRUPTED_VERDICT };
      } else if (error instanceof RunCancelledError || controller.signal.aborted) {
        status = "cancelled";
        outcome = { succeeded: false, verdict: `Cancelled by ${active.cancelledBy?.name ?? "a responder"}` };
      } else if (error instanceof RunbridgeError) {
        status = "failed";
        outcome = { succeeded: false, verdict: error.message };
        output.write("info", `${error.message}\n`);
      } else {
        logger.error({ err: error, executionId: execution.id, stepId: input.stepId }, "step run failed unexpectedly");
        status = "failed";
        outcome = { succeeded: false, verdict: "The run failed with an internal error: see the server log." };
      }
    }

    let endedBy: string | null = actor.id;
    if (status === "cancelled") endedBy = active.cancelledBy?.id ?? actor.id;
    if (status === "interrupted") endedBy = null;
    try {
      const events = await finishRun(prisma, execution.id, {
        status,
        // The verdict and the result reach the timeline, so no secret value may stay in them.
        verdict: redactSecrets(outcome.verdict, secrets),
        exitCode: outcome.exitCode ?? null,
        result: outcome.result ? redactSecretsDeep(outcome.result, secrets) : null,
        output: output.finish(),
        actorId: endedBy,
      });
      logger.info({ executionId: execution.id, stepId: input.stepId, status }, "step run ended");
      observers.publishEvents(events);
      return events;
    } catch (error) {
      logger.error({ err: error, executionId: execution.id, stepId: input.stepId, status }, "recording the end of a step run failed");
      return [];
    } finally {
      activeRuns().delete(input.stepId);
    }
  })();
  active.done = done;

  return { executionId: execution.id, events, done };
}
