// Runs in progress in this process. The custom server and Next's bundled server actions load
// separate copies of this module, so the map lives on globalThis.
import type { OutputRecorder } from "./output-recorder";

export interface ActiveRun {
  executionId: string;
  incidentId: string;
  stepId: string;
  controller: AbortController;
  output: OutputRecorder;
  /** Settles when the run's final state is committed. */
  done: Promise<unknown>;
  /** The user who cancelled the run ({ id, name }), set before aborting. */
  cancelledBy?: { id: string; name: string };
  /** Set when the server stops the run because it is shutting down. */
  shuttingDown?: boolean;
}

const KEY = Symbol.for("runbridge.activeRuns");
type Holder = typeof globalThis & { [KEY]?: Map<string, ActiveRun> };

/** Active runs by step id. */
export function activeRuns(): Map<string, ActiveRun> {
  const holder = globalThis as Holder;
  holder[KEY] ??= new Map();
  return holder[KEY];
}
