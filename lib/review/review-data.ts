// The stored facts a post-incident review is computed from. The review page, the exports and
// the metrics all read this one shape, so a JSON export of it rebuilds the same review.
import type { TimelineEvent } from "../incident/events";
import type { IncidentPlan } from "../incident/plan";
import type { StepState } from "../incident/step-state";

export interface ReviewIncident {
  id: string;
  title: string;
  severityLevel: number;
  severityLabel: string;
  scenarioKey: string;
  scenarioTitle: string;
  status: "open" | "resolved";
  /** Server time, ISO 8601. */
  declaredAt: string;
  resolvedAt: string | null;
  declaredBy: { id: string; name: string };
  runbookVersionId: string;
}

export interface ReviewStep {
  id: string;
  phaseIndex: number;
  position: number;
  title: string;
  state: StepState;
}

export interface ReviewData {
  incident: ReviewIncident;
  plan: IncidentPlan;
  /** Steps in phase and position order. */
  steps: ReviewStep[];
  /** Every timeline event of the incident, oldest (seq 1) first. */
  events: TimelineEvent[];
}
