import type { Db } from "../db/types";
import { RunbridgeError } from "../errors";

/** Loads an incident with the name of whoever declared it. Throws NOT_FOUND for an unknown id. */
export async function findIncident(db: Db, incidentId: string) {
  const incident = await db.incident.findUnique({
    where: { id: incidentId },
    include: { declaredBy: { select: { id: true, name: true } } },
  });
  if (!incident) {
    throw new RunbridgeError("NOT_FOUND", `Incident "${incidentId}" was not found: open it from the incident list.`);
  }
  return incident;
}
