import { z } from "zod";
import { loadIncidentRoles } from "../auth/gate";
import { canOnIncident } from "../auth/incident-roles";
import type { PrismaClient } from "../db/types";
import { RunbridgeError } from "../errors";
import { appendEvent } from "./append-event";
import type { ApprovalView, TimelineEvent } from "./events";
import { loadOpenIncident } from "./load-open-incident";
import { loadIncidentStep, optionalNoteSchema, stepRefShape } from "./step-input";

export const decideStepApprovalInput = z.object({
  ...stepRefShape,
  decision: z.enum(["approve", "reject"]),
  note: optionalNoteSchema,
});
export type DecideStepApprovalInput = z.input<typeof decideStepApprovalInput>;

/**
 * Approves or rejects a requested approval. The approver must hold the commander or admin
 * role, or the incident commander role on this incident, and must not be the person who
 * requested it, so a dangerous step always has two people.
 */
export async function decideStepApproval(
  prisma: PrismaClient,
  rawInput: DecideStepApprovalInput,
  actor: { id: string; name: string; role: string },
): Promise<{ events: TimelineEvent[] }> {
  const input = decideStepApprovalInput.parse(rawInput);

  return prisma.$transaction(async (tx) => {
    await loadOpenIncident(tx, input.incidentId);
    // Checked here as well as in the gate, so no caller of this function can skip it.
    if (!canOnIncident(actor.role, await loadIncidentRoles(tx, input.incidentId, actor.id), "step.approve")) {
      throw new RunbridgeError("FORBIDDEN", `Only a commander or this incident's incident commander may approve dangerous steps. Your role is ${actor.role}.`);
    }
    const step = await loadIncidentStep(tx, input.incidentId, input.stepId);
    const current = step.approval as ApprovalView | null;
    if (current?.status !== "requested") {
      throw new RunbridgeError("INVALID_TRANSITION", `"${step.title}" has no pending approval request: a responder must request approval first.`);
    }
    if (current.requestedBy.id === actor.id) {
      throw new RunbridgeError("FORBIDDEN", `You requested approval of "${step.title}" yourself: a second person with the commander role must decide.`);
    }

    const approval: ApprovalView = {
      ...current,
      status: input.decision === "approve" ? "approved" : "rejected",
      decidedBy: { id: actor.id, name: actor.name },
      decidedAt: new Date().toISOString(),
      note: input.note ?? current.note,
    };
    const fresh = await tx.stepRun.update({ where: { id: step.id }, data: { approval, version: { increment: 1 } } });
    const event = await appendEvent(
      tx,
      input.incidentId,
      input.decision === "approve" ? "step.approval.approved" : "step.approval.rejected",
      { stepId: step.id, title: step.title, approval, stepVersion: fresh.version },
      actor.id,
    );
    return { events: [event] };
  });
}
