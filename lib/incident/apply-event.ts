import type { TimelineEvent } from "./events";
import type { IncidentView } from "./incident-view";
import { sortRoleHolders } from "./sort-role-holders";

const KEPT_EVENTS = 200;

/**
 * Applies one timeline event to a snapshot, as every client does when an event arrives.
 * Only the event with sequence number lastSeq + 1 applies: an older one is a duplicate and
 * returns the view unchanged, and a newer one means events are missing, which the caller
 * must fetch first (see `needsCatchUp`).
 */
export function applyEvent(view: IncidentView, event: TimelineEvent): IncidentView {
  if (event.seq !== view.lastSeq + 1) {
    return view;
  }

  const next: IncidentView = {
    ...view,
    lastSeq: event.seq,
    events: [event, ...view.events].slice(0, KEPT_EVENTS),
  };

  switch (event.type) {
    case "step.changed": {
      const { payload } = event;
      next.steps = view.steps.map((step) =>
        step.id === payload.stepId
          ? { ...step, state: payload.to, version: payload.stepVersion, note: payload.note, updatedAt: event.createdAt, updatedBy: event.actor }
          : step,
      );
      return next;
    }
    case "step.run.started":
    case "step.run.finished":
    case "step.run.cancelled":
    case "step.run.interrupted": {
      const { payload } = event;
      next.steps = view.steps.map((step) => {
        if (step.id !== payload.stepId) return step;
        // Output streamed while the run went on is kept; a new run starts empty.
        const output = step.lastRun?.id === payload.run.id ? step.lastRun.output : "";
        return {
          ...step,
          state: payload.to,
          version: payload.stepVersion,
          note: payload.run.verdict,
          updatedAt: event.createdAt,
          updatedBy: event.actor,
          approval: event.type === "step.run.started" && step.dangerous ? null : step.approval,
          lastRun: { ...payload.run, output },
        };
      });
      return next;
    }
    case "step.approval.requested":
    case "step.approval.approved":
    case "step.approval.rejected": {
      const { payload } = event;
      next.steps = view.steps.map((step) => (step.id === payload.stepId ? { ...step, approval: payload.approval, version: payload.stepVersion } : step));
      return next;
    }
    case "step.configured": {
      const { payload } = event;
      next.steps = view.steps.map((step) =>
        step.id === payload.stepId ? { ...step, kind: payload.kind, params: payload.params, dangerous: payload.dangerous, version: payload.stepVersion } : step,
      );
      return next;
    }
    case "step.assigned": {
      const { payload } = event;
      next.steps = view.steps.map((step) => (step.id === payload.stepId ? { ...step, assignee: payload.assignee, version: payload.stepVersion } : step));
      return next;
    }
    case "role.assigned": {
      const { role, user } = event.payload;
      const others = view.roles.filter((holder) => holder.role !== role || holder.user.id !== user.id);
      return { ...next, roles: sortRoleHolders([...others, { role, user }]) };
    }
    case "role.removed": {
      const { role, user } = event.payload;
      return { ...next, roles: view.roles.filter((holder) => holder.role !== role || holder.user.id !== user.id) };
    }
    case "command.handed_over": {
      const others = view.roles.filter((holder) => holder.role !== "incident_commander");
      return { ...next, roles: sortRoleHolders([...others, { role: "incident_commander", user: event.payload.to }]) };
    }
    case "incident.resolved":
      return { ...next, status: "resolved", resolvedAt: event.createdAt };
    case "evidence.preserved":
    case "incident.declared":
    case "note.added":
    case "update.posted":
    case "timer.alert":
    case "review.annotation":
      return next;
  }
}

/** A chunk of a running step's output, as the server streams it to responders. */
export interface StepOutputChunk {
  incidentId: string;
  stepId: string;
  executionId: string;
  stream: "stdout" | "stderr" | "info";
  text: string;
  /** Length of the run's output before this chunk. */
  offset: number;
}

/**
 * Appends a streamed output chunk to the step's newest run. A chunk of another run, a
 * duplicate, or one after a gap leaves the view unchanged; the run's end event makes the
 * client reload the stored output.
 */
export function applyOutputChunk(view: IncidentView, chunk: StepOutputChunk): IncidentView {
  const step = view.steps.find((candidate) => candidate.id === chunk.stepId);
  const run = step?.lastRun;
  if (!step || !run || run.id !== chunk.executionId || chunk.offset !== run.output.length) return view;
  return {
    ...view,
    steps: view.steps.map((candidate) => (candidate === step ? { ...step, lastRun: { ...run, output: run.output + chunk.text } } : candidate)),
  };
}

/** Applies events in sequence order, skipping duplicates; stops at the first gap. */
export function applyEvents(view: IncidentView, events: readonly TimelineEvent[]): IncidentView {
  const ordered = [...events].sort((a, b) => a.seq - b.seq);
  return ordered.reduce(applyEvent, view);
}

/** True when an arriving event shows that events between lastSeq and it were missed. */
export function needsCatchUp(view: IncidentView, event: TimelineEvent): boolean {
  return event.seq > view.lastSeq + 1;
}
