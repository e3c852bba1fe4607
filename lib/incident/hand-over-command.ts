import { z } from "zod";
import type { AuditActor } from "../auth/audit-actor";
import type { PrismaClient } from "../db/types";
import { RunbridgeError } from "../errors";
import { logger } from "../logger";
import { appendEvent } from "./append-event";
import type { TimelineEvent } from "./events";
import { loadAssignableUser } from "./load-assignable-user";
import { lockOpenIncident } from "./lock-open-incident";
import { recordRoleAudit } from "./record-role-audit";

export const handOverCommandInput = z.object({
  incidentId: z.string().trim().min(1, "Incident id is missing."),
  toUserId: z.string().trim().min(1, "New commander is missing: pick a person."),
});
export type HandOverCommandInput = z.input<typeof handOverCommandInput>;

/**
 * Makes one person the only incident commander of an open incident. In one transaction it
 * removes every incident_commander assignment, assigns the new one, appends
 * "command.handed_over" and writes an audit entry per removed and added assignment.
 */
export async function handOverCommand(prisma: PrismaClient, rawInput: HandOverCommandInput, actor: AuditActor): Promise<{ events: TimelineEvent[] }> {
  const input = handOverCommandInput.parse(rawInput);

  const result = await prisma.$transaction(async (tx) => {
    await lockOpenIncident(tx, input.incidentId);
    const to = await loadAssignableUser(tx, input.toUserId, "take command");

    const commanders = await tx.incidentRoleAssignment.findMany({
      where: { incidentId: input.incidentId, role: "incident_commander" },
      orderBy: [{ assignedAt: "asc" }, { id: "asc" }],
      select: { user: { select: { id: true, name: true } } },
    });
    if (commanders.some((commander) => commander.user.id === to.id)) {
      throw new RunbridgeError("CONFLICT", `${to.name} is already the incident commander: pick someone else to hand over to.`);
    }

    await tx.incidentRoleAssignment.deleteMany({ where: { incidentId: input.incidentId, role: "incident_commander" } });
    await tx.incidentRoleAssignment.create({ data: { incidentId: input.incidentId, userId: to.id, role: "incident_commander" } });

    // NOTE: with several commanders (possible through assignIncidentRole) the event names only
    // the one assigned first; the audit entries name each of them.
    const from = commanders[0]?.user ?? null;
    const event = await appendEvent(tx, input.incidentId, "command.handed_over", { from, to: { id: to.id, name: to.name } }, actor.id);

    const change = { actor, incidentId: input.incidentId, role: "incident_commander" } as const;
    for (const commander of commanders) {
      await recordRoleAudit(tx, { ...change, action: "incident_role_removed", userId: commander.user.id, handover: { toUserId: to.id } });
    }
    await recordRoleAudit(tx, { ...change, action: "incident_role_assigned", userId: to.id, handover: { fromUserIds: commanders.map((commander) => commander.user.id) } });
    return { events: [event] };
  });

  logger.info({ incidentId: input.incidentId, toUserId: input.toUserId, actorId: actor.id }, "incident command handed over");
  return result;
}
