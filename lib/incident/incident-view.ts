import type { IncidentRole } from "../auth/incident-roles";
import type { TimelineEvent } from "./events";
import type { IncidentHeader } from "./incident-header";
import type { IncidentPlan } from "./plan";
import type { StepView } from "./step-view";

/** One person holding one incident role. */
export interface IncidentRoleHolder {
  role: IncidentRole;
  user: { id: string; name: string };
}

/** Everything the command view needs, as one snapshot at sequence number `lastSeq`. */
export interface IncidentView extends IncidentHeader {
  declaredBy: { id: string; name: string };
  plan: IncidentPlan;
  steps: StepView[];
  /** Incident role holders, ordered by role as in INCIDENT_ROLES and then by assignment time. */
  roles: IncidentRoleHolder[];
  /** Newest events first, at most the last 200; older ones are fetched on demand. */
  events: TimelineEvent[];
  lastSeq: number;
}
