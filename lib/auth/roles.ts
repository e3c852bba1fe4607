// Global roles and what each may do. Every server action, route handler and socket handler
// passes through the gate in lib/auth/gate.ts, which asks `can` (and, on an incident, the
// incident roles in lib/auth/incident-roles.ts) before it changes or shows anything.

export const ROLES = ["admin", "commander", "responder", "viewer"] as const;
export type Role = (typeof ROLES)[number];

export type Permission =
  | "incident.view"
  // See an incident's stakeholder view: no internal notes, no command output.
  | "incident.watch"
  | "incident.declare"
  | "incident.resolve"
  // Assign incident roles and steps, hand command over.
  | "incident.command"
  | "step.record"
  | "note.add"
  | "review.view"
  | "review.edit"
  // Run, cancel and watch the output of automated steps, and request approval of dangerous ones.
  | "step.execute"
  // Approve or reject a dangerous step that someone else requested.
  | "step.approve"
  // Change step kinds, parameters and danger flags, and the automation settings.
  | "automation.configure"
  // Import runbooks, edit their time boxes, objectives and owners, and mark them reviewed.
  | "runbook.manage"
  // Post a public status update that stakeholders and share links see.
  | "update.post"
  // Create and revoke share links of an incident.
  | "share.manage"
  // End one's own sessions everywhere ("sign out everywhere").
  | "session.end_own"
  | "user.manage"
  | "audit.view";

/** Permissions that change nothing; a viewer holds only these. */
export const READ_ONLY_PERMISSIONS: readonly Permission[] = ["incident.view", "incident.watch"];

const OWN_ACCOUNT: readonly Permission[] = ["session.end_own"];
const INCIDENT_WORK: readonly Permission[] = [...READ_ONLY_PERMISSIONS, ...OWN_ACCOUNT, "step.record", "note.add", "review.view", "step.execute"];
const INCIDENT_COMMAND: readonly Permission[] = [
  ...INCIDENT_WORK,
  "incident.declare",
  "incident.resolve",
  "incident.command",
  "review.edit",
  "step.approve",
  "update.post",
  "share.manage",
];

const GRANTS: Record<Role, readonly Permission[]> = {
  admin: [...INCIDENT_COMMAND, "automation.configure", "runbook.manage", "user.manage", "audit.view"],
  commander: INCIDENT_COMMAND,
  responder: INCIDENT_WORK,
  viewer: [...READ_ONLY_PERMISSIONS, ...OWN_ACCOUNT],
};

export const ROLE_LABELS: Record<Role, string> = {
  admin: "Admin",
  commander: "Commander",
  responder: "Responder",
  viewer: "Viewer",
};

export function isRole(value: string): value is Role {
  return (ROLES as readonly string[]).includes(value);
}

export function can(role: string, permission: Permission): boolean {
  return isRole(role) && GRANTS[role].includes(permission);
}
