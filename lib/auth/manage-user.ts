// Admin changes to an existing user. Each writes the change and its audit entry in one
// transaction. A change that must end the user's sessions increments sessionVersion; the
// caller then disconnects the user's sockets (lib/realtime/disconnect-user.ts).
import { z } from "zod";
import { recordAudit } from "../audit/record-audit";
import type { PrismaClient, Tx } from "../db/types";
import { RunbridgeError } from "../errors";
import type { AuditActor } from "./audit-actor";
import { passwordInput } from "./create-user";
import { hashPassword } from "./passwords";
import { ROLES } from "./roles";

const userId = z.string().trim().min(1, "User id is missing.");

export const changeUserRoleInput = z.object({ userId, role: z.enum(ROLES, `Role must be one of ${ROLES.join(", ")}.`) });
export const resetUserPasswordInput = z.object({ userId, password: passwordInput });
export const setUserActiveInput = z.object({ userId, active: z.boolean() });
export const userIdInput = z.object({ userId });

export interface ManagedUser {
  id: string;
  email: string;
  role: string;
  active: boolean;
  /** True when the change ended the user's sessions, so their sockets must be disconnected. */
  sessionsEnded: boolean;
}

/** Changes a user's global role. The last active admin cannot stop being one. */
export async function changeUserRole(prisma: PrismaClient, rawInput: z.input<typeof changeUserRoleInput>, actor: AuditActor): Promise<ManagedUser> {
  const input = changeUserRoleInput.parse(rawInput);
  return prisma.$transaction(async (tx) => {
    const user = await loadUser(tx, input.userId);
    if (user.role === input.role) return { ...user, sessionsEnded: false };
    if (user.role === "admin") await ensureAnotherActiveAdmin(tx, user.id, `change the role of ${user.email}`);

    const updated = await tx.user.update({ where: { id: user.id }, data: { role: input.role }, select: managedSelect });
    await recordAudit(tx, { action: "role_changed", ...auditBy(actor), targetUserId: user.id, details: { from: user.role, to: input.role } });
    return { ...updated, sessionsEnded: false };
  });
}

/** Sets a new password and ends every session of the user. */
export async function resetUserPassword(prisma: PrismaClient, rawInput: z.input<typeof resetUserPasswordInput>, actor: AuditActor): Promise<ManagedUser> {
  const input = resetUserPasswordInput.parse(rawInput);
  const passwordHash = await hashPassword(input.password);
  return prisma.$transaction(async (tx) => {
    await loadUser(tx, input.userId);
    const updated = await tx.user.update({ where: { id: input.userId }, data: { passwordHash, sessionVersion: { increment: 1 } }, select: managedSelect });
    await recordAudit(tx, { action: "password_reset", ...auditBy(actor), targetUserId: input.userId });
    return { ...updated, sessionsEnded: true };
  });
}

/**
 * Deactivates a user, ending their sessions at once, or reactivates them. The last active
 * admin cannot be deactivated.
 */
export async function setUserActive(prisma: PrismaClient, rawInput: z.input<typeof setUserActiveInput>, actor: AuditActor): Promise<ManagedUser> {
  const input = setUserActiveInput.parse(rawInput);
  return prisma.$transaction(async (tx) => {
    const user = await loadUser(tx, input.userId);
    if (user.active === input.active) return { ...user, sessionsEnded: false };
    if (!input.active && user.role === "admin") await ensureAnotherActiveAdmin(tx, user.id, `deactivate ${user.email}`);

    const updated = await tx.user.update({
      where: { id: user.id },
      data: input.active ? { active: true } : { active: false, sessionVersion: { increment: 1 } },
      select: managedSelect,
    });
    await recordAudit(tx, { action: input.active ? "user_reactivated" : "user_deactivated", ...auditBy(actor), targetUserId: user.id });
    return { ...updated, sessionsEnded: !input.active };
  });
}

/**
 * Ends every session of a user: an admin's "end sessions", or the user's own "sign out
 * everywhere" (then actor is the user).
 */
export async function endUserSessions(prisma: PrismaClient, rawInput: z.input<typeof userIdInput>, actor: AuditActor): Promise<ManagedUser> {
  const input = userIdInput.parse(rawInput);
  return prisma.$transaction(async (tx) => {
    await loadUser(tx, input.userId);
    const updated = await tx.user.update({ where: { id: input.userId }, data: { sessionVersion: { increment: 1 } }, select: managedSelect });
    await recordAudit(tx, { action: actor.id === input.userId ? "sign_out_everywhere" : "sessions_revoked", ...auditBy(actor), targetUserId: input.userId });
    return { ...updated, sessionsEnded: true };
  });
}

const managedSelect = { id: true, email: true, role: true, active: true } as const;

async function loadUser(tx: Tx, id: string) {
  const user = await tx.user.findUnique({ where: { id }, select: managedSelect });
  if (!user) throw new RunbridgeError("NOT_FOUND", `User "${id}" was not found: reload the user list.`);
  return user;
}

async function ensureAnotherActiveAdmin(tx: Tx, userId: string, what: string): Promise<void> {
  const others = await tx.user.count({ where: { role: "admin", active: true, id: { not: userId } } });
  if (others === 0) {
    throw new RunbridgeError("CONFLICT", `Cannot ${what}: it is the last active admin. Make another user an admin first.`);
  }
}

function auditBy(actor: AuditActor) {
  return { actorId: actor.id, actorEmail: actor.email, address: actor.address };
}
