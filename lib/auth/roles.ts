// Global roles and what each may do. Every server action, route handler and socket handler
// asks `can` before it changes anything.

export const ROLES = ["admin", "commander", "responder", "viewer"] as const;
export type Role = (typeof ROLES)[number];

export type Permission =
  | "incident.view"
  | "incident.declare"
  | "incident.resolve"
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
  | "runbook.manage";

const GRANTS: Record<Role, readonly Permission[]> = {
  admin: ["incident.view", "incident.declare", "incident.resolve", "step.record", "note.add", "review.view", "review.edit", "step.execute", "step.approve", "automation.configure", "runbook.manage"],
  commander: ["incident.view", "incident.declare", "incident.resolve", "step.record", "note.add", "review.view", "review.edit", "step.execute", "step.approve"],
  responder: ["incident.view", "step.record", "note.add", "review.view", "step.execute"],
  viewer: ["incident.view"],
};

export function isRole(value: string): value is Role {
  return (ROLES as readonly string[]).includes(value);
}

export function can(role: string, permission: Permission): boolean {
  return isRole(role) && GRANTS[role].includes(permission);
}
