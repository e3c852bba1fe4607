import { INCIDENT_ROLES } from "../auth/incident-roles";
import type { IncidentRoleHolder } from "./incident-view";

/** Orders holders by role as in INCIDENT_ROLES. The sort is stable, so holders of one role keep their order. */
export function sortRoleHolders(holders: readonly IncidentRoleHolder[]): IncidentRoleHolder[] {
  return [...holders].sort((a, b) => INCIDENT_ROLES.indexOf(a.role) - INCIDENT_ROLES.indexOf(b.role));
}
