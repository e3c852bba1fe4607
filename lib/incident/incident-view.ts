import type { TimelineEvent } from "./events";
import type { IncidentHeader } from "./incident-header";
import type { IncidentPlan } from "./plan";
import type { StepView } from "./step-view";

/** Everything the command view needs, as one snapshot at sequence number `lastSeq`. */
export interface IncidentView extends IncidentHeader {
  declaredBy: { id: string; name: string };
  plan: IncidentPlan;
  steps: StepView[];
  /** Newest events first, at most the last 200; older ones are fetched on demand. */
  events: TimelineEvent[];
  lastSeq: number;
}
