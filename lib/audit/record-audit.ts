import type { Db, Prisma } from "../db/types";
import { logger } from "../logger";
import type { AuditAction } from "./audit-actions";

export interface AuditRecord {
  action: AuditAction;
  actorId?: string | null;
  actorEmail?: string | null;
  targetUserId?: string | null;
  incidentId?: string | null;
  address?: string | null;
  details?: Prisma.InputJsonObject;
}

/**
 * Inserts one audit entry. Inside a transaction (pass the transaction client) the entry
 * commits or rolls back with the change it describes.
 */
export async function recordAudit(db: Db, record: AuditRecord): Promise<void> {
  await db.auditEntry.create({
    data: {
      action: record.action,
      actorId: record.actorId ?? null,
      actorEmail: record.actorEmail ?? null,
      targetUserId: record.targetUserId ?? null,
      incidentId: record.incidentId ?? null,
      address: record.address ?? null,
      details: record.details ?? {},
    },
  });
}

/**
 * Inserts an audit entry that belongs to no other change (a denial, a failed sign-in). A failure to write
 * it is logged, not thrown, so the caller's answer to the request does not change.
 */
export async function recordAuditSafely(db: Db, record: AuditRecord): Promise<void> {
  try {
    await recordAudit(db, record);
  } catch (error) {
    logger.error({ err: error, action: record.action, actorId: record.actorId, incidentId: record.incidentId }, "writing the audit entry failed");
  }
}
