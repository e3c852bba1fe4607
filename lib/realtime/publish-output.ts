import type { StepOutputChunk } from "../incident/apply-event";
import { getIo, incidentOutputRoom } from "./io-registry";

export const STEP_OUTPUT_EVENT = "step:output";

/**
 * Streams one chunk of a running step's output to the responders in the incident. Chunks are
 * not timeline events: they are not stored one by one, and a browser that misses some reloads
 * the stored output when the run ends.
 */
export function publishOutput(chunk: StepOutputChunk): void {
  getIo()?.to(incidentOutputRoom(chunk.incidentId)).emit(STEP_OUTPUT_EVENT, chunk);
}
