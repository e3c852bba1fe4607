import type { TimelineEvent } from "@/lib/incident/events";
import type { AssignableUser } from "@/lib/incident/load-assignable-user";
import type { PlanPhase } from "@/lib/incident/plan";
import type { PhaseProgress } from "@/lib/incident/progress";
import type { StepView } from "@/lib/incident/step-view";
import { formatDuration, phaseTimer } from "@/lib/timers/timer-status";
import { ProgressBar } from "./progress-bar";
import { StepCard } from "./step-card";
import { TimerChip } from "./timer-chip";

interface PhaseSectionProps {
  incidentId: string;
  phaseIndex: number;
  phase: PlanPhase;
  progress: PhaseProgress;
  steps: StepView[];
  declaredAtMs: number;
  nowMs: number;
  /** Server time of the resolution, or null while the incident is open. */
  resolvedAtMs: number | null;
  canRecord: boolean;
  canAssign: boolean;
  assignableUsers: AssignableUser[];
  onEvents: (events: TimelineEvent[]) => void;
  /** Receives the step as it is now after another responder changed it first. */
  onConflict: (current: StepView) => void;
}

function timeBoxLabel(phase: PlanPhase): string {
  if (phase.endMinute === null) return phase.startMinute === null ? "no time box" : `from ${phase.startMinute} min`;
  return `${phase.startMinute ?? 0}–${phase.endMinute} min`;
}

export function PhaseSection(props: PhaseSectionProps) {
  const { phase, progress, steps, phaseIndex } = props;
  const timer = phaseTimer({
    declaredAtMs: props.declaredAtMs,
    nowMs: props.nowMs,
    startMinute: phase.startMinute,
    endMinute: phase.endMinute,
    completedAtMs: progress.completedAtMs,
    resolvedAtMs: props.resolvedAtMs,
  });

  return (
    <section data-testid="phase" data-phase-title={phase.title} className="space-y-3">
      <header className="rounded-lg bg-slate-100 px-4 py-3">
        <div className="flex flex-wrap items-center justify-between gap-2">
          <h2 className="font-semibold">
            {phase.title} <span className="font-normal text-slate-500">({timeBoxLabel(phase)})</span>
          </h2>
          <div className="flex items-center gap-2 text-xs tabular-nums text-slate-600">
            {timer.remainingMs !== null && progress.completedAtMs === null && (
              <span>{timer.remainingMs >= 0 ? `${formatDuration(timer.remainingMs)} left` : `${formatDuration(-timer.remainingMs)} over`}</span>
            )}
            <TimerChip status={timer.status} />
          </div>
        </div>
        <div className="mt-2">
          <ProgressBar completed={progress.completed} total={progress.total} label={`Progress of ${phase.title}`} />
        </div>
      </header>
      <div className="grid gap-3">
        {steps.map((step) => (
          <StepCard
            key={step.id}
            incidentId={props.incidentId}
            step={step}
            number={`${phaseIndex + 1}.${step.position + 1}`}
            canRecord={props.canRecord}
            canAssign={props.canAssign}
            assignableUsers={props.assignableUsers}
            onEvents={props.onEvents}
            onConflict={props.onConflict}
          />
        ))}
      </div>
    </section>
  );
}
