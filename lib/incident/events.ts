// Timeline events: one typed union read by the commands that write them, the sockets that
// broadcast them, the clients that apply them and, later, the review and the exports.
// Each type has a payload schema and a version; a payload change that old readers cannot
// read gets a new version instead of editing the old schema.
import { z } from "zod";
import { INCIDENT_ROLES } from "../auth/incident-roles";
import { STEP_STATES } from "./step-state";

export const stepStateSchema = z.enum(STEP_STATES);

const userRefSchema = z.object({ id: z.string(), name: z.string() });

const roleEventSchema = z.object({
  role: z.enum(INCIDENT_ROLES),
  user: userRefSchema,
});

/** A step's approval as the card shows it; requests, approvals and rejections replace it. */
export const approvalSchema = z.object({
  status: z.enum(["requested", "approved", "rejected"]),
  requestedBy: userRefSchema,
  requestedAt: z.string(),
  decidedBy: userRefSchema.nullable(),
  decidedAt: z.string().nullable(),
  note: z.string().nullable(),
});

/** One run of an automated step, without its output (which only responders receive). */
export const runSchema = z.object({
  id: z.string(),
  kind: z.string(),
  status: z.enum(["running", "succeeded", "failed", "cancelled", "interrupted"]),
  summary: z.string(),
  verdict: z.string().nullable(),
  exitCode: z.number().int().nullable(),
  outputBytes: z.number().int(),
  outputTruncated: z.boolean(),
  result: z.record(z.string(), z.unknown()).nullable(),
  startedBy: userRefSchema,
  startedAt: z.string(),
  finishedAt: z.string().nullable(),
});

const stepRunEventSchema = z.object({
  stepId: z.string(),
  title: z.string(),
  run: runSchema,
  from: stepStateSchema,
  to: stepStateSchema,
  /** The step's version after this change. */
  stepVersion: z.number().int(),
});

const approvalEventSchema = z.object({
  stepId: z.string(),
  title: z.string(),
  approval: approvalSchema,
  stepVersion: z.number().int(),
});

export const eventPayloadSchemas = {
  "incident.declared": z.object({
    title: z.string(),
    severityLevel: z.number().int(),
    severityLabel: z.string(),
    scenarioKey: z.string(),
    scenarioTitle: z.string(),
  }),
  "step.changed": z.object({
    stepId: z.string(),
    phaseIndex: z.number().int(),
    position: z.number().int(),
    title: z.string(),
    from: stepStateSchema,
    to: stepStateSchema,
    /** The step's version after this change. */
    stepVersion: z.number().int(),
    note: z.string().nullable(),
  }),
  /** An internal note: responders see it, stakeholders and share links never do. */
  "note.added": z.object({
    text: z.string(),
  }),
  /** A status update written for stakeholders: the stakeholder view and share links show it. */
  "update.posted": z.object({
    text: z.string(),
  }),
  "incident.resolved": z.object({
    summary: z.string().nullable(),
  }),
  /** Written by the server's timer scan, not by a person, once per target and status. */
  "timer.alert": z.object({
    target: z.enum(["objective", "phase"]),
    /** Objective key, or the phase index as a string. */
    key: z.string(),
    name: z.string(),
    status: z.enum(["at_risk", "overdue"]),
    /** The RTO, or the end of the phase's time box, in minutes after the declaration. */
    limitMinutes: z.number(),
  }),
  "step.run.started": stepRunEventSchema,
  "step.run.finished": stepRunEventSchema,
  "step.run.cancelled": stepRunEventSchema,
  "step.run.interrupted": stepRunEventSchema,
  "step.approval.requested": approvalEventSchema,
  "step.approval.approved": approvalEventSchema,
  "step.approval.rejected": approvalEventSchema,
  /** A file or pasted log stored in the evidence bucket, with its digest for chain of custody. */
  "evidence.preserved": z.object({
    stepId: z.string(),
    title: z.string(),
    fileName: z.string(),
    bucket: z.string(),
    key: z.string(),
    size: z.number().int(),
    sha256: z.string(),
    contentType: z.string(),
  }),
  "step.configured": z.object({
    stepId: z.string(),
    title: z.string(),
    kind: z.string(),
    params: z.record(z.string(), z.unknown()),
    dangerous: z.boolean(),
    stepVersion: z.number().int(),
  }),
  /** A person was given, or lost, one incident role. A handover of command writes "command.handed_over" instead. */
  "role.assigned": roleEventSchema,
  "role.removed": roleEventSchema,
  /** Every incident commander was replaced by `to`; `from` is the first of them, null when there was none. */
  "command.handed_over": z.object({
    from: userRefSchema.nullable(),
    to: userRefSchema,
  }),
  /** The step's assignee changed. A null assignee means the step is unassigned now. */
  "step.assigned": z.object({
    stepId: z.string(),
    title: z.string(),
    assignee: userRefSchema.nullable(),
    stepVersion: z.number().int(),
  }),
  /**
   * A reviewer's addition to a resolved incident's timeline. A correction names the event it
   * corrects (targetSeq) and may give the time it really happened (occurredAt), which the
   * review metrics then use; the corrected event itself stays as recorded.
   */
  "review.annotation": z.object({
    kind: z.enum(["added", "correction"]),
    targetSeq: z.number().int().min(1).nullable(),
    text: z.string(),
    reason: z.string(),
    /** Server-time ISO 8601 of when the annotated thing happened, when the reviewer gives it. */
    occurredAt: z.string().nullable(),
  }),
} as const;

export type TimelineEventType = keyof typeof eventPayloadSchemas;

export const EVENT_VERSIONS: Record<TimelineEventType, number> = {
  "incident.declared": 1,
  "step.changed": 1,
  "note.added": 1,
  "update.posted": 1,
  "incident.resolved": 1,
  "timer.alert": 1,
  "step.run.started": 1,
  "step.run.finished": 1,
  "step.run.cancelled": 1,
  "step.run.interrupted": 1,
  "step.approval.requested": 1,
  "step.approval.approved": 1,
  "step.approval.rejected": 1,
  "step.configured": 1,
  "evidence.preserved": 1,
  "review.annotation": 1,
  "role.assigned": 1,
  "role.removed": 1,
  "command.handed_over": 1,
  "step.assigned": 1,
};

export type ApprovalView = z.infer<typeof approvalSchema>;
export type RunSummary = z.infer<typeof runSchema>;

export type EventPayload<T extends TimelineEventType> = z.infer<(typeof eventPayloadSchemas)[T]>;

interface TimelineEventBase {
  id: string;
  incidentId: string;
  seq: number;
  version: number;
  actor: { id: string; name: string } | null;
  /** Server time, ISO 8601. */
  createdAt: string;
}

/** A stored timeline event as it travels to clients. */
export type TimelineEvent = {
  [T in TimelineEventType]: TimelineEventBase & { type: T; payload: EventPayload<T> };
}[TimelineEventType];

export function isTimelineEventType(value: string): value is TimelineEventType {
  return value in eventPayloadSchemas;
}
