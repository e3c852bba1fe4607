// Roles a person holds on one incident. Each adds permissions on that incident only, on top
// of the global role, except for viewers: a viewer never changes anything, whatever
// incident role they are given.
import { can, isRole, type Permission } from "./roles";

export const INCIDENT_ROLES = ["incident_commander", "communications_lead", "scribe", "operations"] as const;
export type IncidentRole = (typeof INCIDENT_ROLES)[number];

export const INCIDENT_ROLE_LABELS: Record<IncidentRole, string> = {
  incident_commander: "Incident commander",
  communications_lead: "Communications lead",
  scribe: "Scribe",
  operations: "Operations",
};

const INCIDENT_GRANTS: Record<IncidentRole, readonly Permission[]> = {
  incident_commander: [
    "incident.view",
    "incident.resolve",
    "incident.command",
    "step.record",
    "step.execute",
    "step.approve",
    "note.add",
    "update.post",
    "share.manage",
    "review.view",
    "review.edit",
  ],
  communications_lead: ["incident.view", "note.add", "update.post", "share.manage", "review.view"],
  scribe: ["incident.view", "note.add", "review.view", "review.edit"],
  operations: ["incident.view", "step.record", "step.execute", "note.add", "review.view"],
};

export function isIncidentRole(value: string): value is IncidentRole {
  return (INCIDENT_ROLES as readonly string[]).includes(value);
}

/** True when a user with this global role and these roles on an incident may act there. */
export function canOnIncident(role: string, incidentRoles: readonly string[], permission: Permission): boolean {
  if (can(role, permission)) return true;
  if (!isRole(role) || role === "viewer") return false;
  return incidentRoles.some((incidentRole) => isIncidentRole(incidentRole) && INCIDENT_GRANTS[incidentRole].includes(permission));
}

/**
 * True when some incident role could give this global role the permission, so a request
 * is worth validating before the incident it names is known.
 */
export function mayHoldOnSomeIncident(role: string, permission: Permission): boolean {
  return canOnIncident(role, INCIDENT_ROLES, permission);
}
