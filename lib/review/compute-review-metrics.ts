// Review metrics computed only from the timeline: every time comes from an event's server
// createdAt, so the figures are the same whenever and wherever the review is opened.
import type { TimelineEvent } from "../incident/events";
import { isComplete, type StepState } from "../incident/step-state";
import { objectiveTimer } from "../timers/timer-status";
import type { ReviewData } from "./review-data";

const MINUTE_MS = 60_000;

/** States in which a step is being worked on; the Gantt chart draws them as bar segments. */
const ACTIVE_STATES: readonly StepState[] = ["in_progress", "blocked"];
/** States that end a step's bar. Failed ends it too, because a retry starts a new segment. */
const ENDING_STATES: readonly StepState[] = ["done", "skipped", "failed"];
/** States a reviewer wants explained. */
const PROBLEM_STATES: readonly StepState[] = ["skipped", "failed", "blocked"];

export interface StepSegment {
  state: StepState;
  startMs: number;
  endMs: number;
  /** True when the step was still in this state when the incident was resolved. */
  openAtEnd: boolean;
}

export interface StepMetric {
  stepId: string;
  phaseIndex: number;
  position: number;
  title: string;
  finalState: StepState;
  /** First time the step left "pending"; null when it never did. */
  startedAtMs: number | null;
  /** Time of its last change when it ended done, skipped or failed; null otherwise. */
  endedAtMs: number | null;
  durationMs: number | null;
  segments: StepSegment[];
  changeCount: number;
}

export type PhaseStatus = "met" | "missed" | "incomplete" | "no_time_box";

export interface PhaseMetric {
  index: number;
  title: string;
  startMinute: number | null;
  endMinute: number | null;
  timeBoxMs: number | null;
  /** First time any of its steps left "pending". */
  startedAtMs: number | null;
  /** Time its last open step became done or skipped; null when a step is still open. */
  completedAtMs: number | null;
  /** From startedAtMs to completedAtMs. */
  durationMs: number | null;
  status: PhaseStatus;
  /** completedAtMs minus the end of the time box: positive when late, negative when early. */
  overrunMs: number | null;
}

export type ObjectiveStatus = "met" | "missed" | "open" | "not_measured";

export interface ObjectiveMetric {
  kind: "RTO" | "RPO";
  key: string;
  name: string;
  targetMinutes: number;
  status: ObjectiveStatus;
  /** Time to resolve for an RTO, reported data loss for an RPO. */
  actualMs: number | null;
  /** Target minus actual: positive is the time to spare, negative how much it was missed by. */
  marginMs: number | null;
}

export interface StepProblem {
  seq: number;
  stepId: string;
  title: string;
  state: StepState;
  atMs: number;
  actorName: string | null;
  /** The note recorded with the change. */
  reason: string | null;
  /** The step's state at the end of the incident, to tell a retried failure from a final one. */
  finalState: StepState;
}

export interface ReviewMetrics {
  declaredAtMs: number;
  resolvedAtMs: number | null;
  timeToResolveMs: number | null;
  phases: PhaseMetric[];
  objectives: ObjectiveMetric[];
  steps: StepMetric[];
  problems: StepProblem[];
  eventCount: number;
  /** Sequence numbers of the events whose time a reviewer's correction replaced. */
  correctedSeqs: number[];
}

interface StepReplay {
  state: StepState;
  startedAtMs: number | null;
  lastChangeMs: number | null;
  openSegment: { state: StepState; startMs: number } | null;
  segments: StepSegment[];
  changeCount: number;
}

/**
 * Computes the review metrics of one incident from its timeline. The declaration and the
 * resolution times come from the "incident.declared" and "incident.resolved" events, and step
 * and phase times from the "step.changed" events, replayed in sequence order. An event's time
 * is its server createdAt unless a reviewer's correction gives the time it really happened.
 * RPOs are judged by the data loss in the write-up, because the timeline cannot show it.
 */
export function computeReviewMetrics(data: ReviewData): ReviewMetrics {
  const events = [...data.events].sort((a, b) => a.seq - b.seq);
  const correctedTimes = collectCorrectedTimes(events);
  const eventTime = (event: TimelineEvent | undefined) => (event ? (correctedTimes.get(event.seq) ?? Date.parse(event.createdAt)) : null);

  const declaredAtMs = eventTime(events.find((event) => event.type === "incident.declared")) ?? Date.parse(data.incident.declaredAt);
  const resolvedAtMs = eventTime(findLast(events, (event) => event.type === "incident.resolved"));
  const lastRecorded = findLast(events, (event) => event.type !== "review.annotation");
  const endOfIncidentMs = resolvedAtMs ?? eventTime(lastRecorded) ?? declaredAtMs;

  const replays = new Map<string, StepReplay>();
  for (const step of data.steps) {
    replays.set(step.id, { state: "pending", startedAtMs: null, lastChangeMs: null, openSegment: null, segments: [], changeCount: 0 });
  }

  const phaseCompletedAt = new Map<number, number | null>();
  const problems: StepProblem[] = [];

  for (const event of events) {
    if (event.type !== "step.changed") continue;
    const replay = replays.get(event.payload.stepId);
    if (!replay) continue;
    const atMs = eventTime(event)!;
    applyChange(replay, event.payload.to, atMs);

    if (PROBLEM_STATES.includes(event.payload.to)) {
      problems.push({
        seq: event.seq,
        stepId: event.payload.stepId,
        title: event.payload.title,
        state: event.payload.to,
        atMs,
        actorName: event.actor?.name ?? null,
        reason: event.payload.note,
        finalState: "pending",
      });
    }
    updatePhaseCompletion(data, replays, event.payload.phaseIndex, atMs, phaseCompletedAt);
  }

  const steps = data.steps.map((step): StepMetric => {
    const replay = replays.get(step.id)!;
    if (replay.openSegment) {
      replay.segments.push({ ...replay.openSegment, endMs: Math.max(endOfIncidentMs, replay.openSegment.startMs), openAtEnd: true });
    }
    const endedAtMs = ENDING_STATES.includes(replay.state) ? replay.lastChangeMs : null;
    return {
      stepId: step.id,
      phaseIndex: step.phaseIndex,
      position: step.position,
      title: step.title,
      finalState: replay.state,
      startedAtMs: replay.startedAtMs,
      endedAtMs,
      durationMs: replay.startedAtMs !== null && endedAtMs !== null ? endedAtMs - replay.startedAtMs : null,
      segments: replay.segments,
      changeCount: replay.changeCount,
    };
  });

  for (const problem of problems) {
    problem.finalState = replays.get(problem.stepId)!.state;
  }

  const timeToResolveMs = resolvedAtMs !== null ? resolvedAtMs - declaredAtMs : null;

  return {
    declaredAtMs,
    resolvedAtMs,
    timeToResolveMs,
    phases: data.plan.phases.map((phase, index) => measurePhase(phase, index, steps, declaredAtMs, phaseCompletedAt.get(index) ?? null)),
    objectives: data.plan.objectives.map((objective) => measureObjective(objective, declaredAtMs, resolvedAtMs, data.writeUp.dataLossMinutes)),
    steps,
    problems,
    eventCount: events.length,
    correctedSeqs: [...correctedTimes.keys()].sort((a, b) => a - b),
  };
}

function applyChange(replay: StepReplay, to: StepState, atMs: number): void {
  if (replay.openSegment) {
    replay.segments.push({ ...replay.openSegment, endMs: atMs, openAtEnd: false });
    replay.openSegment = null;
  }
  if (replay.startedAtMs === null && to !== "pending") {
    replay.startedAtMs = atMs;
  }
  if (ACTIVE_STATES.includes(to)) {
    replay.openSegment = { state: to, startMs: atMs };
  }
  replay.state = to;
  replay.lastChangeMs = atMs;
  replay.changeCount += 1;
}

// A phase is complete from the moment all of its steps are done or skipped. A reopened step
// makes it incomplete again until it is finished once more.
function updatePhaseCompletion(
  data: ReviewData,
  replays: Map<string, StepReplay>,
  phaseIndex: number,
  atMs: number,
  phaseCompletedAt: Map<number, number | null>,
): void {
  const phaseSteps = data.steps.filter((step) => step.phaseIndex === phaseIndex);
  const complete = phaseSteps.length > 0 && phaseSteps.every((step) => isComplete(replays.get(step.id)!.state));
  const before = phaseCompletedAt.get(phaseIndex) ?? null;
  if (complete && before === null) {
    phaseCompletedAt.set(phaseIndex, atMs);
  } else if (!complete) {
    phaseCompletedAt.set(phaseIndex, null);
  }
}

function measurePhase(
  phase: ReviewData["plan"]["phases"][number],
  index: number,
  steps: StepMetric[],
  declaredAtMs: number,
  completedAtMs: number | null,
): PhaseMetric {
  const starts = steps.filter((step) => step.phaseIndex === index && step.startedAtMs !== null).map((step) => step.startedAtMs!);
  const startedAtMs = starts.length > 0 ? Math.min(...starts) : null;
  const timeBoxMs = phase.endMinute !== null ? (phase.endMinute - (phase.startMinute ?? 0)) * MINUTE_MS : null;
  const deadlineMs = phase.endMinute !== null ? declaredAtMs + phase.endMinute * MINUTE_MS : null;

  let status: PhaseStatus;
  if (completedAtMs === null) {
    status = "incomplete";
  } else if (deadlineMs === null) {
    status = "no_time_box";
  } else {
    status = completedAtMs <= deadlineMs ? "met" : "missed";
  }

  return {
    index,
    title: phase.title,
    startMinute: phase.startMinute,
    endMinute: phase.endMinute,
    timeBoxMs,
    startedAtMs,
    completedAtMs,
    durationMs: startedAtMs !== null && completedAtMs !== null ? completedAtMs - startedAtMs : null,
    status,
    overrunMs: completedAtMs !== null && deadlineMs !== null ? completedAtMs - deadlineMs : null,
  };
}

// An RTO is judged by the time to resolve, as the live RTO timers are. An RPO is about data,
// not time, so it is judged only when the reviewers report the data loss.
function measureObjective(
  objective: ReviewData["plan"]["objectives"][number],
  declaredAtMs: number,
  resolvedAtMs: number | null,
  dataLossMinutes: number | null,
): ObjectiveMetric {
  const base = { kind: objective.kind, key: objective.key, name: objective.name, targetMinutes: objective.minutes };
  const targetMs = objective.minutes * MINUTE_MS;

  if (objective.kind === "RPO") {
    if (dataLossMinutes === null) return { ...base, status: "not_measured", actualMs: null, marginMs: null };
    const actualMs = dataLossMinutes * MINUTE_MS;
    return { ...base, status: actualMs <= targetMs ? "met" : "missed", actualMs, marginMs: targetMs - actualMs };
  }

  if (resolvedAtMs === null) return { ...base, status: "open", actualMs: null, marginMs: null };
  const timer = objectiveTimer(declaredAtMs, resolvedAtMs, resolvedAtMs, objective.minutes);
  return { ...base, status: timer.status === "met" ? "met" : "missed", actualMs: timer.elapsedMs, marginMs: timer.remainingMs };
}

// The newest correction of an event wins, so a reviewer can correct a correction.
function collectCorrectedTimes(events: TimelineEvent[]): Map<number, number> {
  const corrected = new Map<number, number>();
  for (const event of events) {
    if (event.type !== "review.annotation" || event.payload.kind !== "correction") continue;
    if (event.payload.targetSeq === null || event.payload.occurredAt === null) continue;
    corrected.set(event.payload.targetSeq, Date.parse(event.payload.occurredAt));
  }
  return corrected;
}

function findLast<T>(items: T[], predicate: (item: T) => boolean): T | undefined {
  for (let index = items.length - 1; index >= 0; index -= 1) {
    if (predicate(items[index])) return items[index];
  }
  return undefined;
}
