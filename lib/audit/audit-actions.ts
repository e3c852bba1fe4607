// The kinds of audit entries and how the audit log page names them.
export const AUDIT_ACTIONS = [
  "sign_in",
  "sign_in_failed",
  "sign_in_rate_limited",
  "sign_out_everywhere",
  "user_created",
  "role_changed",
  "password_reset",
  "user_deactivated",
  "user_reactivated",
  "sessions_revoked",
  "incident_role_assigned",
  "incident_role_removed",
  "share_link_created",
  "share_link_revoked",
  "permission_denied",
] as const;
export type AuditAction = (typeof AUDIT_ACTIONS)[number];

export const AUDIT_ACTION_LABELS: Record<AuditAction, string> = {
  sign_in: "Signed in",
  sign_in_failed: "Sign-in failed",
  sign_in_rate_limited: "Sign-in blocked (too many failures)",
  sign_out_everywhere: "Signed out everywhere",
  user_created: "User created",
  role_changed: "Role changed",
  password_reset: "Password reset",
  user_deactivated: "User deactivated",
  user_reactivated: "User reactivated",
  sessions_revoked: "Sessions ended by an admin",
  incident_role_assigned: "Incident role assigned",
  incident_role_removed: "Incident role removed",
  share_link_created: "Share link created",
  share_link_revoked: "Share link revoked",
  permission_denied: "Permission denied",
};

export function isAuditAction(value: string): value is AuditAction {
  return (AUDIT_ACTIONS as readonly string[]).includes(value);
}
