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
  /**
   * Ids of the incident commanders the caller saw. When given and they changed meanwhile, the
   * handover is rejected, so of two handovers sent at once the second does not silently win.
   */
  expectedCommanderIds: z.array(z.string().max(100)).max(50).optional(),
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
    const currentIds = commanders.map((commander) => commander.user.id);
    if (input.expectedCommanderIds && !sameIds(input.expectedCommanderIds, currentIds)) {
      const names = commanders.map((commander) => commander.user.name).join(", ") || "nobody";
      throw new RunbridgeError("CONFLICT", `Command changed meanwhile: the incident commander is now ${names}. Check the timeline, then hand over again if you still need to.`);
    }
    if (currentIds.includes(to.id)) {
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

function sameIds(expected: readonly string[], current: readonly string[]): boolean {
  return expected.length === current.length && expected.every((id) => current.includes(id));
}
