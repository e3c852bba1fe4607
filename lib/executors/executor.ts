// The contract every executor (HTTP check, command, database check, backup freshness)
// implements. An executor reports output through `write`, stops when `signal` aborts, and
// returns the verdict; the run bookkeeping (rows, events, caps) is done by start-step-run.ts.
import type { AutomationSettings } from "./automation-settings";
import type { SecretValues } from "./secrets";

export type OutputStream = "stdout" | "stderr" | "info";

export interface ExecutorContext {
  settings: AutomationSettings;
  secrets: SecretValues;
  signal: AbortSignal;
  /** Appends output; it is redacted, capped and streamed to every responder. */
  write(stream: OutputStream, text: string): void;
  /** The runbook's recovery point objective in minutes, when it declares one. */
  rpoMinutes: number | null;
}

export interface ExecutorOutcome {
  succeeded: boolean;
  /** One line for the card and the timeline, for example "HTTP 200 as expected". */
  verdict: string;
  exitCode?: number | null;
  /** Kind-specific facts kept on the execution row. */
  result?: Record<string, unknown>;
}

/** Thrown by executors when the run was cancelled through the context's signal. */
export class RunCancelledError extends Error {
  constructor() {
    super("The run was cancelled.");
    this.name = "RunCancelledError";
  }
}
