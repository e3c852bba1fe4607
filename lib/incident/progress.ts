import { isComplete } from "./step-state";
import type { StepView } from "./step-view";

export interface PhaseProgress {
  completed: number;
  total: number;
  /** Server time (ms) at which the phase's last step completed, or null while steps remain. */
  completedAtMs: number | null;
}

export interface Progress {
  completed: number;
  total: number;
  phases: PhaseProgress[];
}

/** Counts done and skipped steps overall and per phase. */
export function computeProgress(steps: readonly Pick<StepView, "phaseIndex" | "state" | "updatedAt">[], phaseCount: number): Progress {
  const phases: PhaseProgress[] = Array.from({ length: phaseCount }, () => ({ completed: 0, total: 0, completedAtMs: null }));
  const lastChangeMs = new Array<number>(phaseCount).fill(0);

  for (const step of steps) {
    const phase = phases[step.phaseIndex];
    if (!phase) continue;
    phase.total += 1;
    if (isComplete(step.state)) {
      phase.completed += 1;
      lastChangeMs[step.phaseIndex] = Math.max(lastChangeMs[step.phaseIndex], step.updatedAt ? Date.parse(step.updatedAt) : 0);
    }
  }

  phases.forEach((phase, index) => {
    if (phase.total > 0 && phase.completed === phase.total) {
      phase.completedAtMs = lastChangeMs[index];
    }
  });

  return {
    completed: phases.reduce((sum, phase) => sum + phase.completed, 0),
    total: phases.reduce((sum, phase) => sum + phase.total, 0),
    phases,
  };
}
