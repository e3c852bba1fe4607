import { z } from "zod";
import type { PrismaClient } from "../db/types";
import { RunbridgeError } from "../errors";
import { appendEvent } from "./append-event";
import type { ApprovalView, TimelineEvent } from "./events";
import { loadOpenIncident } from "./load-open-incident";
import { loadIncidentStep, optionalNoteSchema, stepRefShape } from "./step-input";

export const requestStepApprovalInput = z.object({
  ...stepRefShape,
  note: optionalNoteSchema,
});
export type RequestStepApprovalInput = z.input<typeof requestStepApprovalInput>;

/** Asks for approval of a dangerous step; a pending or granted approval is not asked again. */
export async function requestStepApproval(
  prisma: PrismaClient,
  rawInput: RequestStepApprovalInput,
  actor: { id: string; name: string },
): Promise<{ events: TimelineEvent[] }> {
  const input = requestStepApprovalInput.parse(rawInput);

  return prisma.$transaction(async (tx) => {
    await loadOpenIncident(tx, input.incidentId);
    const step = await loadIncidentStep(tx, input.incidentId, input.stepId);
    if (!step.dangerous) {
      throw new RunbridgeError("INVALID_TRANSITION", `"${step.title}" is not marked dangerous, so it needs no approval.`);
    }
    const current = step.approval as ApprovalView | null;
    if (current?.status === "requested") {
      throw new RunbridgeError("CONFLICT", `Approval of "${step.title}" was already requested by ${current.requestedBy.name}: a commander can approve or reject it.`);
    }
    if (current?.status === "approved") {
      throw new RunbridgeError("CONFLICT", `"${step.title}" is already approved by ${current.decidedBy?.name ?? "a commander"}.`);
    }

    const approval: ApprovalView = {
      status: "requested",
      requestedBy: actor,
      requestedAt: new Date().toISOString(),
      decidedBy: null,
      decidedAt: null,
      note: input.note,
    };
    const fresh = await tx.stepRun.update({ where: { id: step.id }, data: { approval, version: { increment: 1 } } });
    const event = await appendEvent(tx, input.incidentId, "step.approval.requested", { stepId: step.id, title: step.title, approval, stepVersion: fresh.version }, actor.id);
    return { events: [event] };
  });
}
