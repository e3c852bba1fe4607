// Global roles and what each may do. Every server action, route handler and socket handler
// asks `can` before it changes anything.

export const ROLES = ["admin", "commander", "responder", "viewer"] as const;
export type Role = (typeof ROLES)[number];

export type Permission = "incident.view" | "incident.declare" | "incident.resolve" | "step.record" | "note.add" | "review.view" | "review.edit";

const GRANTS: Record<Role, readonly Permission[]> = {
  admin: ["incident.view", "incident.declare", "incident.resolve", "step.record", "note.add", "review.view", "review.edit"],
  commander: ["incident.view", "incident.declare", "incident.resolve", "step.record", "note.add", "review.view", "review.edit"],
  responder: ["incident.view", "step.record", "note.add", "review.view"],
  viewer: ["incident.view"],
};

export function isRole(value: string): value is Role {
  return (ROLES as readonly string[]).includes(value);
}

export function can(role: string, permission: Permission): boolean {
  return isRole(role) && GRANTS[role].includes(permission);
}
