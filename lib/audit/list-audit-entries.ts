import { z } from "zod";
import type { Prisma, PrismaClient } from "../db/types";
import { AUDIT_ACTIONS } from "./audit-actions";

export const AUDIT_PAGE_SIZE = 100;

const dateText = z
  .string()
  .trim()
  .regex(/^\d{4}-\d{2}-\d{2}$/, "Dates must look like 2026-12-31.")
  .optional()
  .or(z.literal("").transform(() => undefined));

export const auditFilterInput = z.object({
  action: z.enum(AUDIT_ACTIONS).optional().or(z.literal("").transform(() => undefined)),
  /** Part of the actor's email, case-insensitive. */
  email: z.string().trim().max(320).optional(),
  incidentId: z.string().trim().max(100).optional(),
  /** First day to include, UTC. */
  from: dateText,
  /** Last day to include, UTC. */
  to: dateText,
  /** Show entries older than this entry id's time (the next page). */
  before: z.string().trim().max(100).optional(),
});
export type AuditFilter = z.input<typeof auditFilterInput>;

export interface AuditEntryView {
  id: string;
  at: string;
  action: string;
  actorId: string | null;
  actorEmail: string | null;
  targetUserId: string | null;
  targetEmail: string | null;
  incidentId: string | null;
  address: string | null;
  details: Record<string, unknown>;
}

/** Lists audit entries matching the filter, newest first, one page at a time. */
export async function listAuditEntries(prisma: PrismaClient, rawFilter: AuditFilter): Promise<{ entries: AuditEntryView[]; nextBefore: string | null }> {
  const filter = auditFilterInput.parse(rawFilter);

  const where: Prisma.AuditEntryWhereInput = {};
  if (filter.action) where.action = filter.action;
  if (filter.email) where.actorEmail = { contains: filter.email.toLowerCase(), mode: "insensitive" };
  if (filter.incidentId) where.incidentId = filter.incidentId;

  const at: Prisma.DateTimeFilter = {};
  if (filter.from) at.gte = new Date(`${filter.from}T00:00:00.000Z`);
  if (filter.to) at.lt = new Date(Date.parse(`${filter.to}T00:00:00.000Z`) + 24 * 60 * 60 * 1000);
  if (Object.keys(at).length > 0) where.at = at;

  // The next page continues after the last entry shown, in the same (at, id) order.
  if (filter.before) {
    const cursor = await prisma.auditEntry.findUnique({ where: { id: filter.before }, select: { id: true, at: true } });
    if (cursor) where.OR = [{ at: { lt: cursor.at } }, { at: cursor.at, id: { lt: cursor.id } }];
  }

  const rows = await prisma.auditEntry.findMany({ where, orderBy: [{ at: "desc" }, { id: "desc" }], take: AUDIT_PAGE_SIZE + 1 });
  const page = rows.slice(0, AUDIT_PAGE_SIZE);

  const targetIds = [...new Set(page.map((row) => row.targetUserId).filter((id): id is string => Boolean(id)))];
  const targets = targetIds.length ? await prisma.user.findMany({ where: { id: { in: targetIds } }, select: { id: true, email: true } }) : [];
  const emailById = new Map(targets.map((target) => [target.id, target.email]));

  return {
    entries: page.map((row) => ({
      id: row.id,
      at: row.at.toISOString(),
      action: row.action,
      actorId: row.actorId,
      actorEmail: row.actorEmail,
      targetUserId: row.targetUserId,
      targetEmail: row.targetUserId ? (emailById.get(row.targetUserId) ?? null) : null,
      incidentId: row.incidentId,
      address: row.address,
      details: (row.details ?? {}) as Record<string, unknown>,
    })),
    nextBefore: rows.length > AUDIT_PAGE_SIZE ? page[page.length - 1].id : null,
  };
}
