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

export interface ReviewWriteUp {
  summary: string;
  rootCause: string;
  contributingFactors: string;
  wentWell: string;
  recommendations: string;
  /** Data loss the reviewers established, in minutes; null until they record it. */
  dataLossMinutes: number | null;
  /** Optimistic concurrency: a save must name the version it read. 0 before the first save. */
  version: number;
  updatedAt: string | null;
  updatedByName: string | null;
}

export interface ReviewActionItem {
  id: string;
  title: string;
  owner: string;
  /** Calendar date, YYYY-MM-DD. */
  dueDate: string;
  done: boolean;
  createdAt: string;
  createdByName: string;
}

export const FEEDBACK_KINDS = ["wrong", "missing", "unclear"] as const;
export type FeedbackKind = (typeof FEEDBACK_KINDS)[number];

export interface ReviewStepFeedback {
  id: string;
  runbookVersionId: string;
  /** The step's place in the scenario; null for a step the runbook is missing. */
  phaseIndex: number | null;
  position: number | null;
  stepTitle: string;
  kind: FeedbackKind;
  comment: string;
  createdAt: string;
  createdByName: string;
}

/** One item of the follow-up checklist, from the runbook's post-recovery list. */
export interface ReviewChecklistItem {
  position: number;
  text: string;
  done: boolean;
  updatedAt: string | null;
  updatedByName: string | null;
}

export interface ReviewArchiveRecord {
  bucket: string;
  key: string;
  sha256: string;
  sizeBytes: number;
  createdAt: string;
  createdByName: string;
}

export interface ReviewData {
  incident: ReviewIncident;
  plan: IncidentPlan;
  /** Steps in phase and position order. */
  steps: ReviewStep[];
  /** Every timeline event of the incident, oldest (seq 1) first, including review annotations. */
  events: TimelineEvent[];
  writeUp: ReviewWriteUp;
  /** Oldest first. */
  actionItems: ReviewActionItem[];
  /** Oldest first. */
  feedback: ReviewStepFeedback[];
  checklist: ReviewChecklistItem[];
  /** Oldest first. */
  archives: ReviewArchiveRecord[];
}

export const EMPTY_WRITE_UP: ReviewWriteUp = {
  summary: "",
  rootCause: "",
  contributingFactors: "",
  wentWell: "",
  recommendations: "",
  dataLossMinutes: null,
  version: 0,
  updatedAt: null,
  updatedByName: null,
};
