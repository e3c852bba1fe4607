import { describe, expect, it } from "vitest";
import type { TimelineEvent } from "../incident/events";
import { describeEvent } from "./describe-event";
import { categorizeEvent } from "./event-category";

const person = { id: "u1", name: "Rex" };

describe("categorizeEvent", () => {
  it("sorts events into filter groups", () => {
    expect(categorizeEvent({ type: "step.changed", actor: person })).toBe("steps");
    expect(categorizeEvent({ type: "step.run.finished", actor: person })).toBe("steps");
    expect(categorizeEvent({ type: "note.added", actor: person })).toBe("notes");
    expect(categorizeEvent({ type: "incident.resolved", actor: person })).toBe("status");
    expect(categorizeEvent({ type: "command.handed_over", actor: person })).toBe("status");
    expect(categorizeEvent({ type: "role.assigned", actor: person })).toBe("status");
    expect(categorizeEvent({ type: "step.assigned", actor: person })).toBe("steps");
    expect(categorizeEvent({ type: "review.annotation", actor: person })).toBe("annotations");
    expect(categorizeEvent({ type: "timer.alert", actor: null })).toBe("system");
    expect(categorizeEvent({ type: "step.run.interrupted", actor: null })).toBe("system");
  });
});

describe("describeEvent", () => {
  it("names the step of an automation event", () => {
    const event = { type: "step.run.cancelled", payload: { title: "Restore from latest backup" } } as unknown as TimelineEvent;
    expect(describeEvent(event)).toBe("Restore from latest backup: run cancelled");
  });

  it("describes role changes and handovers", () => {
    const handover = { type: "command.handed_over", payload: { from: person, to: { id: "u2", name: "Ina" } } } as unknown as TimelineEvent;
    expect(describeEvent(handover)).toBe("Handed over command from Rex to Ina");
    const assigned = { type: "role.assigned", payload: { role: "communications_lead", user: person } } as unknown as TimelineEvent;
    expect(describeEvent(assigned)).toBe("Gave Rex the role Communications lead");
    const unassigned = { type: "step.assigned", payload: { stepId: "s1", title: "Assess", assignee: null, stepVersion: 2 } } as unknown as TimelineEvent;
    expect(describeEvent(unassigned)).toBe("Assess: unassigned");
  });

  it("describes a correction with its time and reason", () => {
    const event = {
      type: "review.annotation",
      payload: { kind: "correction", targetSeq: 7, text: "Restore finished earlier", reason: "DB log", occurredAt: "2026-12-04T12:14:00.000Z" },
    } as unknown as TimelineEvent;
    expect(describeEvent(event)).toBe("Correction of #7: Restore finished earlier (happened at 2026-12-04 12:14:00 UTC). Reason: DB log");
  });
});
