// Text formats shared by the review page and the Markdown export. Times are UTC, so a review
// reads the same in every time zone.
import { formatDuration } from "../timers/timer-status";
import type { ObjectiveMetric, PhaseMetric } from "./compute-review-metrics";

/** Formats a server time as "2026-12-04 12:04:45 UTC". */
export function formatUtc(ms: number): string {
  return `${new Date(ms).toISOString().slice(0, 19).replace("T", " ")} UTC`;
}

/** Formats a time as its offset from the declaration, for example "T+4:45". */
export function formatOffset(ms: number, declaredAtMs: number): string {
  return `T+${formatDuration(ms - declaredAtMs)}`;
}

export function formatOptionalDuration(ms: number | null): string {
  return ms === null ? "–" : formatDuration(ms);
}

export function describeObjective(objective: ObjectiveMetric): string {
  switch (objective.status) {
    case "met":
      return `met, ${formatDuration(objective.marginMs!)} to spare`;
    case "missed":
      return `missed by ${formatDuration(-objective.marginMs!)}`;
    case "open":
      return "open: the incident is not resolved";
    case "not_measured":
      return "not measured: record the data loss in the write-up";
  }
}

export function describePhase(phase: PhaseMetric): string {
  switch (phase.status) {
    case "met":
      return `met, ${formatDuration(-phase.overrunMs!)} before the end of its time box`;
    case "missed":
      return `missed by ${formatDuration(phase.overrunMs!)}`;
    case "incomplete":
      return "not completed";
    case "no_time_box":
      return "completed, no time box";
  }
}

export function describeTimeBox(phase: PhaseMetric): string {
  if (phase.endMinute === null) return "none";
  return `${phase.startMinute ?? 0}–${phase.endMinute} min`;
}
