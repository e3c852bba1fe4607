// Timeline events: one typed union read by the commands that write them, the sockets that
// broadcast them, the clients that apply them and, later, the review and the exports.
// Each type has a payload schema and a version; a payload change that old readers cannot
// read gets a new version instead of editing the old schema.
import { z } from "zod";
import { STEP_STATES } from "./step-state";

export const stepStateSchema = z.enum(STEP_STATES);

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
  "note.added": z.object({
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
} as const;

export type TimelineEventType = keyof typeof eventPayloadSchemas;

export const EVENT_VERSIONS: Record<TimelineEventType, number> = {
  "incident.declared": 1,
  "step.changed": 1,
  "note.added": 1,
  "incident.resolved": 1,
  "timer.alert": 1,
};

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
