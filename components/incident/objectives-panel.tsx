import type { RecoveryObjective } from "@/lib/runbook/model";
import { formatDuration, objectiveTimer } from "@/lib/timers/timer-status";
import { TimerChip } from "./timer-chip";

interface ObjectivesPanelProps {
  objectives: RecoveryObjective[];
  declaredAtMs: number;
  resolvedAtMs: number | null;
  nowMs: number;
}

/** RTO timers against the time since declaration, and the RPOs for reference. */
export function ObjectivesPanel({ objectives, declaredAtMs, resolvedAtMs, nowMs }: ObjectivesPanelProps) {
  const rtos = objectives.filter((objective) => objective.kind === "RTO");
  const rpos = objectives.filter((objective) => objective.kind === "RPO");

  return (
    <section aria-labelledby="objectives-heading" className="rounded-lg border border-slate-200 bg-white p-4">
      <h2 id="objectives-heading" className="mb-3 text-sm font-semibold uppercase tracking-wide text-slate-500">
        Recovery time objectives
      </h2>
      {rtos.length === 0 && <p className="text-sm text-slate-500">The runbook declares no RTO.</p>}
      <ul className="space-y-3">
        {rtos.map((objective) => {
          const timer = objectiveTimer(declaredAtMs, resolvedAtMs, nowMs, objective.minutes);
          const percent = Math.min(100, (timer.elapsedMs / timer.targetMs) * 100);
          return (
            <li key={objective.key} data-testid="rto-timer" data-objective={objective.name}>
              <div className="flex items-center justify-between text-sm">
                <span className="font-medium">{objective.name}</span>
                <TimerChip status={timer.status} />
              </div>
              <div className="mt-1 h-1.5 overflow-hidden rounded-full bg-slate-200">
                <div
                  className={`h-full ${timer.status === "overdue" || timer.status === "missed" ? "bg-red-500" : timer.status === "at_risk" ? "bg-amber-500" : "bg-emerald-500"}`}
                  style={{ width: `${percent}%` }}
                />
              </div>
              <div className="mt-1 flex justify-between text-xs tabular-nums text-slate-500">
                <span data-testid="rto-elapsed">{formatDuration(timer.elapsedMs)} elapsed</span>
                <span>
                  {timer.remainingMs >= 0 ? `${formatDuration(timer.remainingMs)} left` : `${formatDuration(-timer.remainingMs)} over`} of {objective.minutes} min
                </span>
              </div>
            </li>
          );
        })}
      </ul>
      {rpos.length > 0 && (
        <>
          <h3 className="mb-2 mt-4 text-xs font-semibold uppercase tracking-wide text-slate-500">Recovery point objectives</h3>
          <ul className="space-y-1 text-sm text-slate-600">
            {rpos.map((objective) => (
              <li key={objective.key}>
                {objective.name}: at most {objective.minutes >= 60 ? `${objective.minutes / 60} h` : `${objective.minutes} min`} of data loss
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}
