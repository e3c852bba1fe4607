import { z } from "zod";
import type { AuditActor } from "../auth/audit-actor";
import { INCIDENT_ROLE_LABELS, INCIDENT_ROLES } from "../auth/incident-roles";
import type { PrismaClient } from "../db/types";
import { RunbridgeError } from "../errors";
import { logger } from "../logger";
import { appendEvent } from "./append-event";
import type { TimelineEvent } from "./events";
import { loadAssignableUser } from "./load-assignable-user";
import { lockOpenIncident } from "./lock-open-incident";
import { recordRoleAudit } from "./record-role-audit";

export const assignIncidentRoleInput = z.object({
  incidentId: z.string().trim().min(1, "Incident id is missing."),
  userId: z.string().trim().min(1, "User id is missing: pick a person."),
  role: z.enum(INCIDENT_ROLES, `Role must be one of ${INCIDENT_ROLES.join(", ")}.`),
});
export type AssignIncidentRoleInput = z.input<typeof assignIncidentRoleInput>;

/**
 * Gives a person a role on an open incident. The assignment, the "role.assigned" event and
 * the audit entry are written in one transaction.
 */
export async function assignIncidentRole(prisma: PrismaClient, rawInput: AssignIncidentRoleInput, actor: AuditActor): Promise<{ events: TimelineEvent[] }> {
  const input = assignIncidentRoleInput.parse(rawInput);
  const label = INCIDENT_ROLE_LABELS[input.role];

  const result = await prisma.$transaction(async (tx) => {
    await lockOpenIncident(tx, input.incidentId);
    const user = await loadAssignableUser(tx, input.userId, `hold the role ${label}`);

    const existing = await tx.incidentRoleAssignment.findUnique({
      where: { incidentId_role_userId: { incidentId: input.incidentId, role: input.role, userId: user.id } },
    });
    if (existing) {
      throw new RunbridgeError("CONFLICT", `${user.name} already holds the role ${label} on this incident.`);
    }

    await tx.incidentRoleAssignment.create({ data: { incidentId: input.incidentId, userId: user.id, role: input.role } });
    const event = await appendEvent(tx, input.incidentId, "role.assigned", { role: input.role, user: { id: user.id, name: user.name } }, actor.id);
    await recordRoleAudit(tx, { action: "incident_role_assigned", actor, incidentId: input.incidentId, userId: user.id, role: input.role });
    return { events: [event] };
  });

  logger.info({ incidentId: input.incidentId, userId: input.userId, role: input.role, actorId: actor.id }, "incident role assigned");
  return result;
}
