import type { Tx } from "../db/types";
import { RunbridgeError } from "../errors";

/** Someone who changes a review; the name is stored with the change so it reads well in exports. */
export interface ReviewActor {
  id: string;
  name: string;
}

/** Loads an incident inside a transaction and rejects review changes to unknown or open ones. */
export async function loadResolvedIncident(tx: Tx, incidentId: string) {
  const incident = await tx.incident.findUnique({ where: { id: incidentId } });
  if (!incident) {
    throw new RunbridgeError("NOT_FOUND", `Incident "${incidentId}" was not found: open it from the incident list.`);
  }
  if (incident.status !== "resolved") {
    throw new RunbridgeError("CONFLICT", `Incident "${incident.title}" is still open: resolve it before writing its review.`);
  }
  return incident;
}
