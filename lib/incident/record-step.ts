import { z } from "zod";
import type { PrismaClient } from "../db/types";
import { RunbridgeError } from "../errors";
import { appendEvent } from "./append-event";
import { stepStateSchema, type TimelineEvent } from "./events";
import { MAX_INT32, MAX_NOTE_LENGTH } from "./limits";
import { loadOpenIncident } from "./load-open-incident";
import { loadStepForChange } from "./load-step-for-change";
import { canTransition, STEP_STATE_LABELS, type StepState } from "./step-state";
import { toStepView, stepViewInclude, type StepView } from "./step-view";

export const recordStepInput = z.object({
  incidentId: z.string().trim().min(1, "Incident id is missing."),
  stepId: z.string().trim().min(1, "Step id is missing."),
  /** The step version the responder saw; a newer version in the database means a conflict. */
  expectedVersion: z.number().int().min(0).max(MAX_INT32, "expectedVersion is larger than any step version: reload the incident."),
  to: stepStateSchema,
  note: z
    .string()
    .trim()
    .max(MAX_NOTE_LENGTH, `Note is longer than ${MAX_NOTE_LENGTH} characters: shorten it or add a second note.`)
    .nullish()
    .transform((note) => (note ? note : null)),
});
export type RecordStepInput = z.input<typeof recordStepInput>;

/** Details of a CONFLICT error: the step as it is now, so the UI can show it. */
export interface StepConflict {
  step: StepView;
}

/**
 * Moves one step to a new state and appends "step.changed" in the same transaction.
 * The update only matches the version the responder saw, so of several concurrent changes
 * to one version exactly one wins and the others get a CONFLICT with the current step.
 */
export async function recordStep(
  prisma: PrismaClient,
  rawInput: RecordStepInput,
  actorId: string,
): Promise<{ step: StepView; events: TimelineEvent[] }> {
  const input = recordStepInput.parse(rawInput);

  try {
    return await prisma.$transaction(async (tx) => {
      await loadOpenIncident(tx, input.incidentId);

      const step = await loadStepForChange(tx, input);

      const from = step.state as StepState;
      if (step.version === input.expectedVersion && !canTransition(from, input.to)) {
        throw new RunbridgeError(
          "INVALID_TRANSITION",
          `Step "${step.title}" cannot go from ${STEP_STATE_LABELS[from]} to ${STEP_STATE_LABELS[input.to]}.`,
        );
      }

      if (step.dangerous && (input.to === "in_progress" || input.to === "done") && (step.approval as { status?: string } | null)?.status !== "approved") {
        throw new RunbridgeError(
          "FORBIDDEN",
          `"${step.title}" is dangerous: a second person with the commander role must approve it before it starts. Request approval first.`,
        );
      }
      if (await tx.stepExecution.findUnique({ where: { runningStepId: step.id } })) {
        throw new RunbridgeError("CONFLICT", `"${step.title}" is running: wait for its result or cancel the run before recording it by hand.`);
      }

      const updated = await tx.stepRun.updateMany({
        where: { id: step.id, version: input.expectedVersion },
        data: {
          state: input.to,
          version: { increment: 1 },
          note: input.note,
          updatedAt: new Date(),
          updatedById: actorId,
        },
      });
      if (updated.count === 0) {
        throw new RunbridgeError("CONFLICT", `Step "${step.title}" was changed by someone else first.`);
      }

      const fresh = await tx.stepRun.findUniqueOrThrow({ where: { id: step.id }, include: stepViewInclude });
      const event = await appendEvent(
        tx,
        input.incidentId,
        "step.changed",
        {
          stepId: step.id,
          phaseIndex: step.phaseIndex,
          position: step.position,
          title: step.title,
          from,
          to: input.to,
          stepVersion: fresh.version,
          note: input.note,
        },
        actorId,
      );

      return { step: toStepView(fresh), events: [event] };
    });
  } catch (error) {
    if (error instanceof RunbridgeError && error.code === "CONFLICT") {
      throw await describeConflict(prisma, input.stepId);
    }
    throw error;
  }
}

// Runs after the losing transaction rolled back, so it reads the winner's committed change.
async function describeConflict(prisma: PrismaClient, stepId: string): Promise<RunbridgeError> {
  const current = await prisma.stepRun.findUniqueOrThrow({ where: { id: stepId }, include: stepViewInclude });
  const view = toStepView(current);
  const who = view.updatedBy?.name ?? "Someone else";
  return new RunbridgeError(
    "CONFLICT",
    `${who} changed "${view.title}" first; it is now ${STEP_STATE_LABELS[view.state]}. Your change was not saved: check the step and try again.`,
    { step: view } satisfies StepConflict,
  );
}
