import { describe, expect, it } from "vitest";
import { allowedTransitions, canTransition, isComplete, isStepState, STEP_STATES } from "./step-state";

describe("step state machine", () => {
  it("lets a pending step start, finish, skip, fail or block", () => {
    expect(allowedTransitions("pending")).toEqual(["in_progress", "done", "skipped", "failed", "blocked"]);
  });

  it("never allows a transition to the same state", () => {
    for (const state of STEP_STATES) {
      expect(canTransition(state, state)).toBe(false);
    }
  });

  it("only reopens done and skipped steps", () => {
    expect(allowedTransitions("done")).toEqual(["pending"]);
    expect(allowedTransitions("skipped")).toEqual(["pending"]);
    expect(canTransition("done", "failed")).toBe(false);
    expect(canTransition("skipped", "in_progress")).toBe(false);
  });

  it("lets a failed step be retried but not blocked", () => {
    expect(canTransition("failed", "in_progress")).toBe(true);
    expect(canTransition("failed", "blocked")).toBe(false);
  });

  it("counts only done and skipped as complete", () => {
    expect(STEP_STATES.filter(isComplete)).toEqual(["done", "skipped"]);
  });

  it("recognises only known states", () => {
    expect(isStepState("in_progress")).toBe(true);
    expect(isStepState("finished")).toBe(false);
  });
});
