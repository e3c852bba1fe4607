import { describe, expect, it } from "vitest";
import { applyEvent, applyEvents, applyOutputChunk, needsCatchUp } from "./apply-event";
import type { TimelineEvent } from "./events";
import type { IncidentView } from "./incident-view";

const actor = { id: "u1", name: "Ana" };

function baseView(): IncidentView {
  return {
    id: "inc1",
    title: "Database down",
    severityLevel: 1,
    severityLabel: "Critical",
    scenarioTitle: "Complete Database Failure",
    status: "open",
    declaredAt: "2026-12-04T12:00:00.000Z",
    resolvedAt: null,
    declaredBy: actor,
    plan: { runbookTitle: "DR", phases: [{ title: "Immediate Actions", startMinute: 0, endMinute: 5 }], objectives: [] },
    steps: [
      { id: "s1", phaseIndex: 0, position: 0, title: "Assess", detail: "", commands: [], state: "pending", version: 0, note: null, updatedAt: null, updatedBy: null, assignee: null, kind: "manual", params: {}, dangerous: false, approval: null, lastRun: null },
      { id: "s2", phaseIndex: 0, position: 1, title: "Notify", detail: "", commands: [], state: "pending", version: 0, note: null, updatedAt: null, updatedBy: null, assignee: null, kind: "manual", params: {}, dangerous: false, approval: null, lastRun: null },
    ],
    roles: [{ role: "incident_commander", user: actor }],
    events: [],
    lastSeq: 1,
  };
}

function roleEvent(seq: number, event: Pick<TimelineEvent, "type" | "payload">): TimelineEvent {
  return { id: `e${seq}`, incidentId: "inc1", seq, version: 1, actor, createdAt: "2026-12-04T12:10:00.000Z", ...event } as TimelineEvent;
}

function stepChanged(seq: number, stepId: string, to: "in_progress" | "done", stepVersion: number): TimelineEvent {
  return {
    id: `e${seq}`,
    incidentId: "inc1",
    seq,
    type: "step.changed",
    version: 1,
    actor,
    createdAt: `2026-12-04T12:0${seq}:00.000Z`,
    payload: { stepId, phaseIndex: 0, position: 0, title: "Assess", from: "pending", to, stepVersion, note: null },
  };
}

describe("applyEvent", () => {
  it("applies the next event to its step", () => {
    const view = applyEvent(baseView(), stepChanged(2, "s1", "in_progress", 1));
    expect(view.lastSeq).toBe(2);
    expect(view.steps[0].state).toBe("in_progress");
    expect(view.steps[0].version).toBe(1);
    expect(view.steps[0].updatedBy).toEqual(actor);
    expect(view.steps[1].state).toBe("pending");
  });

  it("ignores a duplicate", () => {
    const once = applyEvent(baseView(), stepChanged(2, "s1", "in_progress", 1));
    const twice = applyEvent(once, stepChanged(2, "s1", "in_progress", 1));
    expect(twice).toBe(once);
    expect(twice.events).toHaveLength(1);
  });

  it("does not skip over a gap", () => {
    const view = baseView();
    const ahead = stepChanged(4, "s1", "done", 3);
    expect(needsCatchUp(view, ahead)).toBe(true);
    expect(applyEvent(view, ahead)).toBe(view);
  });

  it("applies out-of-order events in sequence order, each once", () => {
    const events = [stepChanged(3, "s1", "done", 2), stepChanged(2, "s1", "in_progress", 1), stepChanged(3, "s1", "done", 2)];
    const view = applyEvents(baseView(), events);
    expect(view.lastSeq).toBe(3);
    expect(view.steps[0].state).toBe("done");
    expect(view.events.map((event) => event.seq)).toEqual([3, 2]);
  });

  it("marks the incident resolved", () => {
    const resolved: TimelineEvent = {
      id: "e2",
      incidentId: "inc1",
      seq: 2,
      type: "incident.resolved",
      version: 1,
      actor,
      createdAt: "2026-12-04T12:20:00.000Z",
      payload: { summary: null },
    };
    const view = applyEvent(baseView(), resolved);
    expect(view.status).toBe("resolved");
    expect(view.resolvedAt).toBe("2026-12-04T12:20:00.000Z");
  });
});

describe("incident roles and assignees", () => {
  const rex = { id: "u2", name: "Rex" };

  it("adds and removes a role holder", () => {
    const assigned = applyEvent(baseView(), roleEvent(2, { type: "role.assigned", payload: { role: "operations", user: rex } }));
    expect(assigned.roles).toEqual([
      { role: "incident_commander", user: actor },
      { role: "operations", user: rex },
    ]);

    const removed = applyEvent(assigned, roleEvent(3, { type: "role.removed", payload: { role: "operations", user: rex } }));
    expect(removed.roles).toEqual([{ role: "incident_commander", user: actor }]);
  });

  it("orders holders by role", () => {
    const scribe = applyEvent(baseView(), roleEvent(2, { type: "role.assigned", payload: { role: "scribe", user: rex } }));
    const lead = applyEvent(scribe, roleEvent(3, { type: "role.assigned", payload: { role: "communications_lead", user: actor } }));
    expect(lead.roles.map((holder) => holder.role)).toEqual(["incident_commander", "communications_lead", "scribe"]);
  });

  it("replaces every commander on handover", () => {
    const twoCommanders = applyEvent(baseView(), roleEvent(2, { type: "role.assigned", payload: { role: "incident_commander", user: { id: "u3", name: "Ina" } } }));
    const withOperations = applyEvent(twoCommanders, roleEvent(3, { type: "role.assigned", payload: { role: "operations", user: actor } }));

    const handedOver = applyEvent(withOperations, roleEvent(4, { type: "command.handed_over", payload: { from: actor, to: rex } }));
    expect(handedOver.roles).toEqual([
      { role: "incident_commander", user: rex },
      { role: "operations", user: actor },
    ]);
  });

  it("sets and clears a step's assignee", () => {
    const assigned = applyEvent(baseView(), roleEvent(2, { type: "step.assigned", payload: { stepId: "s2", title: "Notify", assignee: rex, stepVersion: 1 } }));
    expect(assigned.steps[1].assignee).toEqual(rex);
    expect(assigned.steps[1].version).toBe(1);
    expect(assigned.steps[0].assignee).toBeNull();

    const cleared = applyEvent(assigned, roleEvent(3, { type: "step.assigned", payload: { stepId: "s2", title: "Notify", assignee: null, stepVersion: 2 } }));
    expect(cleared.steps[1].assignee).toBeNull();
    expect(cleared.steps[1].version).toBe(2);
  });
});

describe("step runs and output", () => {
  const run = {
    id: "x1",
    kind: "command",
    status: "running" as const,
    summary: "/bin/echo hi",
    verdict: null,
    exitCode: null,
    outputBytes: 0,
    outputTruncated: false,
    result: null,
    startedBy: actor,
    startedAt: "2026-12-04T12:02:00.000Z",
    finishedAt: null,
  };

  function runEvent(seq: number, type: "step.run.started" | "step.run.finished", status: "running" | "succeeded", to: "in_progress" | "done"): TimelineEvent {
    return {
      id: `e${seq}`,
      incidentId: "inc1",
      seq,
      type,
      version: 1,
      actor,
      createdAt: "2026-12-04T12:02:00.000Z",
      payload: { stepId: "s1", title: "Assess", run: { ...run, status, verdict: status === "running" ? null : "Exit code 0" }, from: "pending", to, stepVersion: seq },
    } as TimelineEvent;
  }

  it("appends chunks in order and ignores gaps", () => {
    let view = applyEvent(baseView(), runEvent(2, "step.run.started", "running", "in_progress"));
    expect(view.steps[0]!.state).toBe("in_progress");
    expect(view.steps[0]!.lastRun?.output).toBe("");

    const chunk = { incidentId: "inc1", stepId: "s1", executionId: "x1", stream: "stdout" as const };
    view = applyOutputChunk(view, { ...chunk, text: "hello ", offset: 0 });
    view = applyOutputChunk(view, { ...chunk, text: "hello ", offset: 0 });
    view = applyOutputChunk(view, { ...chunk, text: "world", offset: 6 });
    view = applyOutputChunk(view, { ...chunk, text: "lost", offset: 40 });
    view = applyOutputChunk(view, { ...chunk, executionId: "other", text: "x", offset: 11 });
    expect(view.steps[0]!.lastRun?.output).toBe("hello world");

    view = applyEvent(view, runEvent(3, "step.run.finished", "succeeded", "done"));
    expect(view.steps[0]!.state).toBe("done");
    expect(view.steps[0]!.lastRun?.status).toBe("succeeded");
    expect(view.steps[0]!.lastRun?.output).toBe("hello world");
    expect(view.steps[0]!.note).toBe("Exit code 0");
  });
});
