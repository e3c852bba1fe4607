import type { TimelineEvent } from "./events";
import type { IncidentPlan } from "./plan";
import type { StepView } from "./step-view";

/** Everything the command view needs, as one snapshot at sequence number `lastSeq`. */
export interface IncidentView {
  id: string;
  title: string;
  severityLevel: number;
  severityLabel: string;
  scenarioTitle: string;
  status: "open" | "resolved";
  declaredAt: string;
  resolvedAt: string | null;
  declaredBy: { id: string; name: string };
  plan: IncidentPlan;
  steps: StepView[];
  /** Newest events first, at most the last 200; older ones are fetched on demand. */
  events: TimelineEvent[];
  lastSeq: number;
}
