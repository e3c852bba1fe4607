import type { RecoveryObjective } from "../runbook/model";
import type { IncidentHeader } from "./incident-header";
import type { PlanPhase } from "./plan";
import type { PhaseProgress } from "./progress";

/** A public update as stakeholders see it; the author is named only where names are allowed. */
export interface PublicUpdate {
  /** The event's id. Its sequence number is left out, because gaps would reveal internal events. */
  id: string;
  postedAt: string;
  text: string;
  author: string | null;
}

/**
 * The part of an incident that stakeholders and share-link visitors see: no internal notes, no
 * command output, no step details, and no names unless the link allows them.
 */
export interface StakeholderView extends IncidentHeader {
  /** The incident commanders' names, or null when names are not shown or none is assigned. */
  commander: string | null;
  showNames: boolean;
  phases: (PlanPhase & PhaseProgress)[];
  completed: number;
  total: number;
  objectives: RecoveryObjective[];
  /** Newest first. */
  updates: PublicUpdate[];
  /** Server time when the view was read, so the page can show timers on the server's clock. */
  serverNow: number;
}
