import type { Tx } from "../db/types";
import { RunbridgeError } from "../errors";
import { stepViewInclude } from "./step-view";

/**
 * Loads a step for a change guarded by its version, with the names that a step view shows.
 * Throws NOT_FOUND for a step of another incident and INVALID_INPUT for a version the step
 * has not reached yet. An older version is the caller's to report as a CONFLICT.
 */
export async function loadStepForChange(tx: Tx, input: { incidentId: string; stepId: string; expectedVersion: number }) {
  const step = await tx.stepRun.findUnique({ where: { id: input.stepId }, include: stepViewInclude });
  if (!step || step.incidentId !== input.incidentId) {
    throw new RunbridgeError("NOT_FOUND", `Step "${input.stepId}" was not found in this incident: reload the incident.`);
  }

  // A version the step has not reached yet was never read from the server.
  if (input.expectedVersion > step.version) {
    throw new RunbridgeError(
      "INVALID_INPUT",
      `expectedVersion ${input.expectedVersion} is newer than step "${step.title}" (version ${step.version}): reload the incident and try again.`,
    );
  }
  return step;
}
