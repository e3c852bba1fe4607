import type { Tx } from "../db/types";
import { loadOpenIncident } from "./load-open-incident";

/**
 * Takes the incident's row lock until the transaction ends, then loads it like
 * loadOpenIncident. Role changes on one incident read the current holders before they write,
 * so they take this lock first to run one after another.
 */
export async function lockOpenIncident(tx: Tx, incidentId: string) {
  await tx.$queryRaw`SELECT id FROM "Incident" WHERE id = ${incidentId} FOR UPDATE`;
  return loadOpenIncident(tx, incidentId);
}
