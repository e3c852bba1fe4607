import type { Tx } from "../db/types";
import { RunbridgeError } from "../errors";

/** Loads an incident inside a transaction and rejects changes to unknown or resolved ones. */
export async function loadOpenIncident(tx: Tx, incidentId: string) {
  const incident = await tx.incident.findUnique({ where: { id: incidentId } });
  if (!incident) {
    throw new RunbridgeError("NOT_FOUND", `Incident "${incidentId}" was not found: open it from the incident list.`);
  }
  if (incident.status !== "open") {
    throw new RunbridgeError("INVALID_TRANSITION", `Incident "${incident.title}" is already resolved: it no longer accepts changes.`);
  }
  return incident;
}
