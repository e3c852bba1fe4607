import { z } from "zod";
import type { PrismaClient } from "../db/types";
import { RunbridgeError } from "../errors";
import { appendEvent } from "./append-event";
import type { TimelineEvent } from "./events";
import { loadAssignableUser } from "./load-assignable-user";
import { loadOpenIncident } from "./load-open-incident";
import { loadStepForChange } from "./load-step-for-change";
import { recordStepInput, type StepConflict } from "./record-step";
import { STEP_STATE_LABELS } from "./step-state";
import { stepViewInclude, toStepView, type StepView } from "./step-view";

export const assignStepInput = recordStepInput.pick({ incidentId: true, stepId: true, expectedVersion: true }).extend({
  /** The person to assign, or null to leave the step unassigned. */
  assigneeId: z.string().trim().min(1, "Assignee id is empty: pick a person, or send null to unassign the step.").nullable(),
});
export type AssignStepInput = z.input<typeof assignStepInput>;

/**
 * Sets or clears the person responsible for a step and appends "step.assigned" in the same
 * transaction. Like recordStep, it only changes the version the caller saw, so a caller who
 * missed another change gets a CONFLICT with the current step.
 */
export async function assignStep(prisma: PrismaClient, rawInput: AssignStepInput, actorId: string): Promise<{ step: StepView; events: TimelineEvent[] }> {
  const input = assignStepInput.parse(rawInput);

  try {
    return await prisma.$transaction(async (tx) => {
      await loadOpenIncident(tx, input.incidentId);

      const step = await loadStepForChange(tx, input);
      if (input.expectedVersion < step.version) {
        throw new RunbridgeError("CONFLICT", `Step "${step.title}" was changed by someone else first.`);
      }

      const assignee = input.assigneeId ? await loadAssignableUser(tx, input.assigneeId, "be assigned a step") : null;
      if ((step.assignee?.id ?? null) === (assignee?.id ?? null)) {
        throw new RunbridgeError("INVALID_INPUT", assignee ? `"${step.title}" is already assigned to ${assignee.name}.` : `"${step.title}" is not assigned to anyone.`);
      }

      const updated = await tx.stepRun.updateMany({
        where: { id: step.id, version: input.expectedVersion },
        data: { assigneeId: assignee?.id ?? null, version: { increment: 1 } },
      });
      if (updated.count === 0) {
        throw new RunbridgeError("CONFLICT", `Step "${step.title}" was changed by someone else first.`);
      }

      const fresh = await tx.stepRun.findUniqueOrThrow({ where: { id: step.id }, include: stepViewInclude });
      const event = await appendEvent(
        tx,
        input.incidentId,
        "step.assigned",
        { stepId: step.id, title: step.title, assignee: fresh.assignee, stepVersion: fresh.version },
        actorId,
      );
      return { step: toStepView(fresh), events: [event] };
    });
  } catch (error) {
    if (error instanceof RunbridgeError && error.code === "CONFLICT") {
      throw await describeAssignConflict(prisma, input.stepId);
    }
    throw error;
  }
}

// Runs after the losing transaction rolled back, so it reads the winner's committed change.
async function describeAssignConflict(prisma: PrismaClient, stepId: string): Promise<RunbridgeError> {
  const view = toStepView(await prisma.stepRun.findUniqueOrThrow({ where: { id: stepId }, include: stepViewInclude }));
  const assigned = view.assignee ? `assigned to ${view.assignee.name}` : "unassigned";
  return new RunbridgeError(
    "CONFLICT",
    `"${view.title}" changed after you loaded it; it is now ${STEP_STATE_LABELS[view.state]} and ${assigned}. Your assignment was not saved: check the step and try again.`,
    { step: view } satisfies StepConflict,
  );
}
