import { recordAudit } from "../audit/record-audit";
import type { AuditActor } from "../auth/audit-actor";
import type { IncidentRole } from "../auth/incident-roles";
import type { Tx } from "../db/types";

export interface RoleAuditChange {
  action: "incident_role_assigned" | "incident_role_removed";
  actor: AuditActor;
  incidentId: string;
  /** The user who got or lost the role. */
  userId: string;
  role: IncidentRole;
  /** Set when the change is part of a handover of command, with the other side's ids. */
  handover?: { toUserId: string } | { fromUserIds: string[] };
}

/** Inserts the audit entry of one incident role change inside the caller's transaction. */
export async function recordRoleAudit(tx: Tx, change: RoleAuditChange): Promise<void> {
  await recordAudit(tx, {
    action: change.action,
    actorId: change.actor.id,
    actorEmail: change.actor.email,
    address: change.actor.address,
    targetUserId: change.userId,
    incidentId: change.incidentId,
    details: change.handover ? { role: change.role, handover: true, ...change.handover } : { role: change.role },
  });
}
