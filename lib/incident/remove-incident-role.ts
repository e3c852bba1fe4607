import type { z } from "zod";
import type { AuditActor } from "../auth/audit-actor";
import { INCIDENT_ROLE_LABELS } from "../auth/incident-roles";
import type { PrismaClient } from "../db/types";
import { RunbridgeError } from "../errors";
import { logger } from "../logger";
import { appendEvent } from "./append-event";
import { assignIncidentRoleInput } from "./assign-incident-role";
import type { TimelineEvent } from "./events";
import { lockOpenIncident } from "./lock-open-incident";
import { recordRoleAudit } from "./record-role-audit";

/** The same fields as an assignment: the incident, the person and the role they lose. */
export const removeIncidentRoleInput = assignIncidentRoleInput;
export type RemoveIncidentRoleInput = z.input<typeof removeIncidentRoleInput>;

/**
 * Takes a role on an open incident away from a person. The deletion, the "role.removed"
 * event and the audit entry are written in one transaction. Unlike an assignment, this also
 * works for a user who was deactivated or made a viewer after getting the role.
 */
export async function removeIncidentRole(prisma: PrismaClient, rawInput: RemoveIncidentRoleInput, actor: AuditActor): Promise<{ events: TimelineEvent[] }> {
  const input = removeIncidentRoleInput.parse(rawInput);
  const label = INCIDENT_ROLE_LABELS[input.role];

  const result = await prisma.$transaction(async (tx) => {
    await lockOpenIncident(tx, input.incidentId);

    const user = await tx.user.findUnique({ where: { id: input.userId }, select: { id: true, name: true } });
    if (!user) {
      throw new RunbridgeError("NOT_FOUND", `User "${input.userId}" was not found: reload the incident.`);
    }
    const removed = await tx.incidentRoleAssignment.deleteMany({ where: { incidentId: input.incidentId, role: input.role, userId: user.id } });
    if (removed.count === 0) {
      throw new RunbridgeError("NOT_FOUND", `${user.name} does not hold the role ${label} on this incident, so there is nothing to remove: reload the incident.`);
    }

    const event = await appendEvent(tx, input.incidentId, "role.removed", { role: input.role, user }, actor.id);
    await recordRoleAudit(tx, { action: "incident_role_removed", actor, incidentId: input.incidentId, userId: user.id, role: input.role });
    return { events: [event] };
  });

  logger.info({ incidentId: input.incidentId, userId: input.userId, role: input.role, actorId: actor.id }, "incident role removed");
  return result;
}
