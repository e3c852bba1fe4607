import { STEP_STATE_LABELS } from "@/lib/incident/step-state";
import type { ReviewMetrics } from "@/lib/review/compute-review-metrics";
import {
  describeObjective,
  describePhase,
  describeTimeBox,
  formatOffset,
  formatOptionalDuration,
  formatUtc,
} from "@/lib/review/format-review";

const RESULT_CLASS: Record<string, string> = {
  met: "text-emerald-700",
  missed: "font-semibold text-red-700",
};

/** Objectives, phases, steps and problem steps as tables. */
export function ReviewMetricsTables({ metrics, phaseTitles }: { metrics: ReviewMetrics; phaseTitles: string[] }) {
  const offset = (ms: number | null) => (ms === null ? "–" : formatOffset(ms, metrics.declaredAtMs));

  return (
    <>
      <section aria-labelledby="objectives-heading" className="review-section">
        <h2 id="objectives-heading" className="review-heading">
          Recovery objectives
        </h2>
        <table className="review-table" data-testid="objectives-table">
          <thead>
            <tr>
              <th>Objective</th>
              <th>Target</th>
              <th>Actual</th>
              <th>Result</th>
            </tr>
          </thead>
          <tbody>
            {metrics.objectives.map((objective) => (
              <tr key={`${objective.kind}-${objective.key}`} data-testid="objective-row" data-status={objective.status}>
                <td>
                  {objective.kind} {objective.name}
                </td>
                <td>{objective.targetMinutes} min</td>
                <td className="tabular-nums">{formatOptionalDuration(objective.actualMs)}</td>
                <td className={RESULT_CLASS[objective.status] ?? "text-slate-500"}>{describeObjective(objective)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>

      <section aria-labelledby="phases-heading" className="review-section">
        <h2 id="phases-heading" className="review-heading">
          Phases
        </h2>
        <table className="review-table" data-testid="phases-table">
          <thead>
            <tr>
              <th>Phase</th>
              <th>Time box</th>
              <th>Started</th>
              <th>Completed</th>
              <th>Time in phase</th>
              <th>Result</th>
            </tr>
          </thead>
          <tbody>
            {metrics.phases.map((phase) => (
              <tr key={phase.index} data-testid="phase-row" data-status={phase.status}>
                <td>{phaseTitles[phase.index] ?? phase.title}</td>
                <td>{describeTimeBox(phase)}</td>
                <td className="tabular-nums">{offset(phase.startedAtMs)}</td>
                <td className="tabular-nums">{offset(phase.completedAtMs)}</td>
                <td className="tabular-nums">{formatOptionalDuration(phase.durationMs)}</td>
                <td className={RESULT_CLASS[phase.status] ?? "text-slate-500"}>{describePhase(phase)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>

      <section aria-labelledby="steps-heading" className="review-section">
        <h2 id="steps-heading" className="review-heading">
          Steps
        </h2>
        <table className="review-table" data-testid="steps-table">
          <thead>
            <tr>
              <th>Step</th>
              <th>Final state</th>
              <th>Started</th>
              <th>Ended</th>
              <th>Duration</th>
              <th>Changes</th>
            </tr>
          </thead>
          <tbody>
            {metrics.steps.map((step) => (
              <tr key={step.stepId} data-testid="step-row" data-state={step.finalState}>
                <td>{step.title}</td>
                <td>{STEP_STATE_LABELS[step.finalState]}</td>
                <td className="tabular-nums">{offset(step.startedAtMs)}</td>
                <td className="tabular-nums">{offset(step.endedAtMs)}</td>
                <td className="tabular-nums">{formatOptionalDuration(step.durationMs)}</td>
                <td className="tabular-nums">{step.changeCount}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>

      <section aria-labelledby="problems-heading" className="review-section">
        <h2 id="problems-heading" className="review-heading">
          Skipped, failed and blocked steps
        </h2>
        {metrics.problems.length === 0 ? (
          <p className="text-sm text-slate-600">No step was skipped, failed or blocked.</p>
        ) : (
          <ul className="space-y-1 text-sm" data-testid="problem-list">
            {metrics.problems.map((problem) => (
              <li key={problem.seq} data-testid="problem" data-state={problem.state}>
                <a href={`#event-${problem.seq}`} className="tabular-nums text-slate-500 hover:underline">
                  {formatUtc(problem.atMs)}
                </a>{" "}
                <strong>{problem.title}</strong> {STEP_STATE_LABELS[problem.state].toLowerCase()} by {problem.actorName ?? "system"}:{" "}
                {problem.reason ?? <em className="text-slate-500">no reason recorded</em>}
                <span className="text-slate-500"> (finally {STEP_STATE_LABELS[problem.finalState].toLowerCase()})</span>
              </li>
            ))}
          </ul>
        )}
      </section>
    </>
  );
}
