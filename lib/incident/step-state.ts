// The step state machine. A step card moves between these states as responders work it.

export const STEP_STATES = ["pending", "in_progress", "done", "skipped", "failed", "blocked"] as const;
export type StepState = (typeof STEP_STATES)[number];

export const STEP_STATE_LABELS: Record<StepState, string> = {
  pending: "Not started",
  in_progress: "In progress",
  done: "Done",
  skipped: "Skipped",
  failed: "Failed",
  blocked: "Blocked",
};

// Finished steps may be reopened (back to pending) because a responder who clicked the wrong
// button must be able to correct it; the timeline keeps both changes.
const TRANSITIONS: Record<StepState, readonly StepState[]> = {
  pending: ["in_progress", "done", "skipped", "failed", "blocked"],
  in_progress: ["pending", "done", "skipped", "failed", "blocked"],
  blocked: ["pending", "in_progress", "done", "skipped", "failed"],
  failed: ["pending", "in_progress", "done", "skipped"],
  done: ["pending"],
  skipped: ["pending"],
};

export function isStepState(value: string): value is StepState {
  return (STEP_STATES as readonly string[]).includes(value);
}

export function canTransition(from: StepState, to: StepState): boolean {
  return TRANSITIONS[from].includes(to);
}

export function allowedTransitions(from: StepState): readonly StepState[] {
  return TRANSITIONS[from];
}

/** Done and skipped steps count as complete for progress and phase time boxes. */
export function isComplete(state: StepState): boolean {
  return state === "done" || state === "skipped";
}
