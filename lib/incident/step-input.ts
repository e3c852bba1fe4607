import { z } from "zod";
import type { Tx } from "../db/types";
import { RunbridgeError } from "../errors";
import { MAX_NOTE_LENGTH } from "./limits";

/** The fields that name one step of one incident in a command's input. */
export const stepRefShape = {
  incidentId: z.string().trim().min(1, "Incident id is missing."),
  stepId: z.string().trim().min(1, "Step id is missing."),
};

export const optionalNoteSchema = z
  .string()
  .trim()
  .max(MAX_NOTE_LENGTH, `Note is longer than ${MAX_NOTE_LENGTH} characters: shorten it.`)
  .nullish()
  .transform((note) => (note ? note : null));

/** Loads a step inside a transaction; a step of another incident is not found. */
export async function loadIncidentStep(tx: Tx, incidentId: string, stepId: string) {
  const step = await tx.stepRun.findUnique({ where: { id: stepId } });
  if (!step || step.incidentId !== incidentId) {
    throw new RunbridgeError("NOT_FOUND", `Step "${stepId}" was not found in this incident: reload the incident.`);
  }
  return step;
}
