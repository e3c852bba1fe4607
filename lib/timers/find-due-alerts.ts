import type { IncidentPlan } from "../incident/plan";
import { objectiveTimer, phaseTimer } from "./timer-status";

export interface DueAlert {
  target: "objective" | "phase";
  key: string;
  name: string;
  status: "at_risk" | "overdue";
  limitMinutes: number;
}

export interface AlertInput {
  plan: IncidentPlan;
  declaredAtMs: number;
  nowMs: number;
  /** Server time at which each phase completed, by phase index, or null while it has open steps. */
  phaseCompletedAtMs: (number | null)[];
  /** Alerts already on the timeline, as `${target}:${key}:${status}`. */
  alreadyRecorded: ReadonlySet<string>;
}

export function alertId(alert: Pick<DueAlert, "target" | "key" | "status">): string {
  return `${alert.target}:${alert.key}:${alert.status}`;
}

/**
 * Lists the at-risk and overdue alerts that an open incident has reached and that are not on
 * its timeline yet. A timer that jumps straight to overdue gets both alerts, so the review
 * sees when each threshold passed.
 */
export function findDueAlerts(input: AlertInput): DueAlert[] {
  const due: DueAlert[] = [];

  for (const objective of input.plan.objectives) {
    if (objective.kind !== "RTO") continue;
    const { status } = objectiveTimer(input.declaredAtMs, null, input.nowMs, objective.minutes);
    const base = { target: "objective" as const, key: objective.key, name: objective.name, limitMinutes: objective.minutes };
    if (status === "at_risk" || status === "overdue") due.push({ ...base, status: "at_risk" });
    if (status === "overdue") due.push({ ...base, status: "overdue" });
  }

  input.plan.phases.forEach((phase, index) => {
    if (phase.endMinute === null) return;
    const { status } = phaseTimer({
      declaredAtMs: input.declaredAtMs,
      nowMs: input.nowMs,
      startMinute: phase.startMinute,
      endMinute: phase.endMinute,
      completedAtMs: input.phaseCompletedAtMs[index] ?? null,
    });
    const base = { target: "phase" as const, key: String(index), name: phase.title, limitMinutes: phase.endMinute };
    if (status === "at_risk" || status === "overdue") due.push({ ...base, status: "at_risk" });
    if (status === "overdue") due.push({ ...base, status: "overdue" });
  });

  return due.filter((alert) => !input.alreadyRecorded.has(alertId(alert)));
}
