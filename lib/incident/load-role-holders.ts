import { isIncidentRole } from "../auth/incident-roles";
import type { Db } from "../db/types";
import type { IncidentRoleHolder } from "./incident-view";
import { sortRoleHolders } from "./sort-role-holders";

/** Loads an incident's role assignments with the users' names, ordered by role as in INCIDENT_ROLES and then by assignment time. */
export async function loadRoleHolders(db: Db, incidentId: string): Promise<IncidentRoleHolder[]> {
  const rows = await db.incidentRoleAssignment.findMany({
    where: { incidentId },
    orderBy: [{ assignedAt: "asc" }, { id: "asc" }],
    select: { role: true, user: { select: { id: true, name: true } } },
  });

  const holders: IncidentRoleHolder[] = [];
  for (const row of rows) {
    // Every writer checks the role against INCIDENT_ROLES, so another value can only come from a hand-edited row.
    if (isIncidentRole(row.role)) holders.push({ role: row.role, user: row.user });
  }
  return sortRoleHolders(holders);
}
