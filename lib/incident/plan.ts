import type { RecoveryObjective } from "../runbook/model";

/** The part of the runbook an incident runs against, copied when the incident is declared. */
export interface IncidentPlan {
  runbookTitle: string;
  phases: PlanPhase[];
  objectives: RecoveryObjective[];
}

export interface PlanPhase {
  title: string;
  startMinute: number | null;
  endMinute: number | null;
}
