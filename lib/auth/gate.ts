// The one gate every server action, route handler and socket event passes: it decides
// whether a caller (a signed-in user, a share-link visitor or an anonymous caller) may use a permission
// on an incident, and records every denial in the audit log.
import { recordAuditSafely } from "../audit/record-audit";
import type { Db } from "../db/types";
import { RunbridgeError } from "../errors";
import { SHARE_LINK_ENDED_MESSAGE } from "../share/share-link-constants";
import { logger } from "../logger";
import { canOnIncident, mayHoldOnSomeIncident } from "./incident-roles";
import type { SessionUser } from "./load-session-user";
import type { Permission } from "./roles";

export type Caller =
  | { kind: "user"; user: SessionUser; address?: string | null }
  | { kind: "share"; shareLinkId: string; incidentId: string; showNames: boolean; expiresAtMs: number; address?: string | null }
  // shareLinkRejected: the request carried a share token that is unknown, revoked or expired.
  | { kind: "anonymous"; address?: string | null; shareLinkRejected?: boolean };

export interface GateCheck {
  permission: Permission;
  /** The incident acted on: the caller's roles on it count, and a share link opens only its own. */
  incidentId?: string | null;
  /** Name of the called operation for logs and the audit log, such as "action recordStep". */
  operation: string;
}

// Phrases for denial messages. A permission missing here reads "do this".
const PERMISSION_PHRASES: Partial<Record<Permission, string>> = {
  "incident.view": "view incidents",
  "incident.watch": "watch incidents",
  "incident.declare": "declare incidents",
  "incident.resolve": "resolve incidents",
  "incident.command": "assign roles or steps or hand over command",
  "step.record": "record steps",
  "note.add": "add notes",
  "update.post": "post public updates",
  "share.manage": "manage share links",
  "session.end_own": "end your sessions",
  "review.view": "read post-incident reviews",
  "review.edit": "edit post-incident reviews",
  "step.execute": "run automated steps",
  "step.approve": "approve dangerous steps",
  "automation.configure": "configure automation",
  "runbook.manage": "manage runbooks",
  "user.manage": "manage users",
  "audit.view": "read the audit log",
};

/** Share links see the stakeholder view of their own incident and nothing else. */
const SHARE_LINK_PERMISSIONS: readonly Permission[] = ["incident.watch"];

/**
 * Returns the caller when it may use the permission on the incident; otherwise records the
 * denial and throws UNAUTHENTICATED (anonymous caller) or FORBIDDEN.
 */
export async function authorize(db: Db, caller: Caller, check: GateCheck): Promise<Caller> {
  if (await isAllowed(db, caller, check, false)) return caller;
  return deny(db, caller, check);
}

/**
 * Like authorize, but before the input is validated, so the incident is not known yet: lets
 * through a user whose global role, or some incident role it could hold, grants the
 * permission. Callers must still call authorize with the incident once they know it.
 */
export async function authorizeBeforeInput(
  db: Db,
  caller: Caller,
  check: Omit<GateCheck, "incidentId"> & { /** The unvalidated incident id the input names, recorded with a denial only. */ claimedIncidentId?: string | null },
): Promise<Caller> {
  const { claimedIncidentId, ...gateCheck } = check;
  if (await isAllowed(db, caller, { ...gateCheck, incidentId: null }, true)) return caller;
  return deny(db, caller, gateCheck, claimedIncidentId);
}

/** True when the caller may use the permission on the incident; records nothing. For choosing what to show. */
export async function permits(db: Db, caller: Caller, check: GateCheck): Promise<boolean> {
  return isAllowed(db, caller, check, false);
}

/** Loads the roles a user holds on an incident. */
export async function loadIncidentRoles(db: Db, incidentId: string, userId: string): Promise<string[]> {
  const rows = await db.incidentRoleAssignment.findMany({ where: { incidentId, userId }, select: { role: true } });
  return rows.map((row) => row.role);
}

async function isAllowed(db: Db, caller: Caller, check: GateCheck, beforeInput: boolean): Promise<boolean> {
  switch (caller.kind) {
    case "anonymous":
      return false;
    case "share":
      return SHARE_LINK_PERMISSIONS.includes(check.permission) && (beforeInput || check.incidentId === caller.incidentId);
    case "user": {
      const { role, id } = caller.user;
      if (beforeInput) return mayHoldOnSomeIncident(role, check.permission);
      if (canOnIncident(role, [], check.permission)) return true;
      if (!check.incidentId) return false;
      return canOnIncident(role, await loadIncidentRoles(db, check.incidentId, id), check.permission);
    }
  }
}

async function deny(db: Db, caller: Caller, check: Pick<GateCheck, "permission" | "operation"> & { incidentId?: string | null }, claimedIncidentId: string | null = null): Promise<never> {
  const phrase = PERMISSION_PHRASES[check.permission] ?? "do this";
  const user = caller.kind === "user" ? caller.user : null;

  logger.warn(
    { operation: check.operation, permission: check.permission, caller: caller.kind, userId: user?.id, role: user?.role, incidentId: check.incidentId },
    "permission denied",
  );
  await recordAuditSafely(db, {
    action: "permission_denied",
    actorId: user?.id,
    actorEmail: user?.email,
    // Capped, because a claimed id comes from unvalidated input.
    incidentId: check.incidentId ?? claimedIncidentId?.slice(0, 100) ?? null,
    address: caller.address,
    details: {
      operation: check.operation,
      permission: check.permission,
      caller: caller.kind,
      ...(user ? { role: user.role } : {}),
      ...(caller.kind === "share" ? { shareLinkId: caller.shareLinkId } : {}),
    },
  });

  if (caller.kind === "anonymous" && caller.shareLinkRejected) {
    throw new RunbridgeError("UNAUTHENTICATED", SHARE_LINK_ENDED_MESSAGE);
  }
  if (caller.kind === "anonymous") {
    throw new RunbridgeError("UNAUTHENTICATED", "You are not signed in, or your session ended or your account was deactivated: sign in again.");
  }
  if (caller.kind === "share") {
    if (SHARE_LINK_PERMISSIONS.includes(check.permission)) {
      throw new RunbridgeError("FORBIDDEN", "This share link is for another incident: a link opens only the incident it was made for.");
    }
    throw new RunbridgeError("FORBIDDEN", `A share link may only watch the incident it was made for; it may not ${phrase}.`);
  }
  if (user?.role === "viewer") {
    throw new RunbridgeError("FORBIDDEN", `Viewers can watch incidents but not change them, so you may not ${phrase}. Ask an admin for another role if you need one.`);
  }
  throw new RunbridgeError(
    "FORBIDDEN",
    check.incidentId
      ? `Your role (${user?.role}) may not ${phrase}, and no role you hold on this incident allows it. Ask the incident commander for one.`
      : `Your role (${user?.role}) may not ${phrase}. Ask an admin for a role that allows it.`,
  );
}
