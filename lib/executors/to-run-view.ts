import type { Db } from "../db/types";
import type { RunSummary } from "../incident/events";
import type { RunView } from "../incident/step-view";
import { activeRuns } from "./active-runs";

interface StoredExecution {
  id: string;
  stepRunId: string;
  kind: string;
  status: string;
  summary: string;
  verdict: string | null;
  exitCode: number | null;
  output: string;
  outputBytes: number;
  outputTruncated: boolean;
  result: unknown;
  startedBy: unknown;
  startedAt: Date;
  finishedAt: Date | null;
}

export function toRunSummary(row: StoredExecution): RunSummary {
  return {
    id: row.id,
    kind: row.kind,
    status: row.status as RunSummary["status"],
    summary: row.summary,
    verdict: row.verdict,
    exitCode: row.exitCode,
    outputBytes: row.outputBytes,
    outputTruncated: row.outputTruncated,
    result: (row.result ?? null) as RunSummary["result"],
    startedBy: row.startedBy as RunSummary["startedBy"],
    startedAt: row.startedAt.toISOString(),
    finishedAt: row.finishedAt?.toISOString() ?? null,
  };
}

/**
 * Loads the newest run of every step of an incident, by step id. A running run's output comes
 * from this process's memory, because it is stored only when the run ends.
 */
export async function loadLatestRuns(db: Db, incidentId: string): Promise<Map<string, RunView>> {
  const rows = await db.stepExecution.findMany({
    where: { incidentId },
    orderBy: [{ stepRunId: "asc" }, { startedAt: "desc" }],
    distinct: ["stepRunId"],
  });
  const runs = new Map<string, RunView>();
  for (const row of rows) {
    const active = row.status === "running" ? activeRuns().get(row.stepRunId) : undefined;
    const output = active?.executionId === row.id ? active.output.snapshot() : row.output;
    runs.set(row.stepRunId, { ...toRunSummary(row), output });
  }
  return runs;
}

/** Removes command output from a view, for users whose role may not see it. */
export function withoutRunOutput<T extends { steps: { lastRun: RunView | null }[] }>(view: T): T {
  return { ...view, steps: view.steps.map((step) => (step.lastRun ? { ...step, lastRun: { ...step.lastRun, output: "" } } : step)) };
}
