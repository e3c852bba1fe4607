// RTO and phase time-box arithmetic. Everything is in milliseconds of server time.

export type TimerStatus = "upcoming" | "on_track" | "at_risk" | "overdue" | "met" | "missed";

/** Share of the target after which a running timer shows at risk. */
export const AT_RISK_FRACTION = 0.8;

const MINUTE_MS = 60_000;

export interface ObjectiveTimer {
  elapsedMs: number;
  targetMs: number;
  /** Negative once the target has passed. */
  remainingMs: number;
  status: TimerStatus;
}

/**
 * Times one recovery objective from the declaration. It runs until the incident is resolved:
 * then it is met when the resolution came within the target and missed otherwise.
 */
export function objectiveTimer(declaredAtMs: number, resolvedAtMs: number | null, nowMs: number, targetMinutes: number): ObjectiveTimer {
  const targetMs = targetMinutes * MINUTE_MS;
  const endMs = resolvedAtMs ?? nowMs;
  const elapsedMs = Math.max(0, endMs - declaredAtMs);
  const remainingMs = targetMs - elapsedMs;

  let status: TimerStatus;
  if (resolvedAtMs !== null) {
    status = elapsedMs <= targetMs ? "met" : "missed";
  } else if (elapsedMs > targetMs) {
    status = "overdue";
  } else if (elapsedMs >= targetMs * AT_RISK_FRACTION) {
    status = "at_risk";
  } else {
    status = "on_track";
  }

  return { elapsedMs, targetMs, remainingMs, status };
}

export interface PhaseTimerInput {
  declaredAtMs: number;
  nowMs: number;
  startMinute: number | null;
  endMinute: number | null;
  /** Server time at which the phase's last open step completed, or null while steps remain. */
  completedAtMs: number | null;
  /** Server time at which the incident was resolved, or null while it is open. */
  resolvedAtMs?: number | null;
}

/** Status of a phase: a timer status, or no time box, or steps left open when the incident was resolved. */
export type PhaseStatus = TimerStatus | "no_time_box" | "incomplete";

export interface PhaseTimer {
  status: PhaseStatus;
  /** Time left until the end of the time box; negative once it has passed; null without one. */
  remainingMs: number | null;
}

/**
 * Judges a phase against its time box, which counts from the declaration. A finished phase
 * is met or missed by when its last step completed; a running one is upcoming before its
 * start, at risk in the last 20% of its box and overdue after its end.
 */
export function phaseTimer(input: PhaseTimerInput): PhaseTimer {
  // A resolved incident stops every clock, so a phase with open steps is neither on track nor overdue.
  if (input.completedAtMs === null && input.resolvedAtMs != null) {
    return { status: "incomplete", remainingMs: null };
  }
  if (input.endMinute === null) {
    return { status: input.completedAtMs !== null ? "met" : "no_time_box", remainingMs: null };
  }

  const startMs = input.declaredAtMs + (input.startMinute ?? 0) * MINUTE_MS;
  const endMs = input.declaredAtMs + input.endMinute * MINUTE_MS;

  if (input.completedAtMs !== null) {
    return { status: input.completedAtMs <= endMs ? "met" : "missed", remainingMs: endMs - input.completedAtMs };
  }

  const remainingMs = endMs - input.nowMs;
  if (input.nowMs > endMs) {
    return { status: "overdue", remainingMs };
  }
  if (input.nowMs < startMs) {
    return { status: "upcoming", remainingMs };
  }
  const atRiskFromMs = startMs + (endMs - startMs) * AT_RISK_FRACTION;
  return { status: input.nowMs >= atRiskFromMs ? "at_risk" : "on_track", remainingMs };
}

/** Formats a duration as m:ss or h:mm:ss, with a leading minus when negative. */
export function formatDuration(ms: number): string {
  const sign = ms < 0 ? "-" : "";
  const totalSeconds = Math.floor(Math.abs(ms) / 1000);
  const hours = Math.floor(totalSeconds / 3600);
  const minutes = Math.floor((totalSeconds % 3600) / 60);
  const seconds = totalSeconds % 60;
  const pad = (value: number) => String(value).padStart(2, "0");
  return hours > 0 ? `${sign}${hours}:${pad(minutes)}:${pad(seconds)}` : `${sign}${minutes}:${pad(seconds)}`;
}
