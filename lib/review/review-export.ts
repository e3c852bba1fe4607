// The JSON export of a review. It carries the stored facts (incident, plan, steps, every
// timeline event, the write-up, action items, runbook feedback, the follow-up checklist and
// earlier archives) and, for readers without Runbridge, the computed metrics. Importing it
// recomputes the metrics from the facts, so an export rebuilds the same review.
import { z } from "zod";
import { eventPayloadSchemas, isTimelineEventType, type TimelineEvent } from "../incident/events";
import { stepStateSchema } from "../incident/events";
import { RunbridgeError } from "../errors";
import type { Review } from "./build-review";
import { FEEDBACK_KINDS, type ReviewData } from "./review-data";

export const REVIEW_EXPORT_FORMAT = "runbridge-review";
export const REVIEW_EXPORT_VERSION = 1;

const isoTime = z.iso.datetime({ offset: true });
const person = z.object({ id: z.string(), name: z.string() });

const eventSchema = z
  .object({
    id: z.string(),
    incidentId: z.string(),
    seq: z.number().int().min(1),
    type: z.string(),
    version: z.number().int(),
    payload: z.unknown(),
    actor: person.nullable(),
    createdAt: isoTime,
  })
  .transform((event, context) => {
    if (!isTimelineEventType(event.type)) {
      context.addIssue({ code: "custom", message: `event ${event.seq} has the unknown type "${event.type}"; export it again from this Runbridge version` });
      return z.NEVER;
    }
    const payload = eventPayloadSchemas[event.type].safeParse(event.payload);
    if (!payload.success) {
      context.addIssue({ code: "custom", message: `event ${event.seq} (${event.type}) has an invalid payload: ${payload.error.issues[0]?.message}` });
      return z.NEVER;
    }
    return { ...event, payload: payload.data } as TimelineEvent;
  });

export const reviewExportSchema = z.object({
  format: z.literal(REVIEW_EXPORT_FORMAT),
  formatVersion: z.literal(REVIEW_EXPORT_VERSION),
  exportedAt: isoTime,
  incident: z.object({
    id: z.string(),
    title: z.string(),
    severityLevel: z.number().int(),
    severityLabel: z.string(),
    scenarioKey: z.string(),
    scenarioTitle: z.string(),
    status: z.enum(["open", "resolved"]),
    declaredAt: isoTime,
    resolvedAt: isoTime.nullable(),
    declaredBy: person,
    runbookVersionId: z.string(),
  }),
  plan: z.object({
    runbookTitle: z.string(),
    phases: z.array(z.object({ title: z.string(), startMinute: z.number().nullable(), endMinute: z.number().nullable() })),
    objectives: z.array(z.object({ kind: z.enum(["RTO", "RPO"]), key: z.string(), name: z.string(), minutes: z.number(), line: z.number() })),
  }),
  steps: z.array(z.object({ id: z.string(), phaseIndex: z.number().int(), position: z.number().int(), title: z.string(), state: stepStateSchema })),
  events: z.array(eventSchema),
  writeUp: z.object({
    summary: z.string(),
    rootCause: z.string(),
    contributingFactors: z.string(),
    wentWell: z.string(),
    recommendations: z.string(),
    dataLossMinutes: z.number().int().min(0).nullable(),
    version: z.number().int().min(0),
    updatedAt: isoTime.nullable(),
    updatedByName: z.string().nullable(),
  }),
  actionItems: z.array(
    z.object({
      id: z.string(),
      title: z.string(),
      owner: z.string(),
      dueDate: z.iso.date(),
      done: z.boolean(),
      createdAt: isoTime,
      createdByName: z.string(),
    }),
  ),
  feedback: z.array(
    z.object({
      id: z.string(),
      runbookVersionId: z.string(),
      phaseIndex: z.number().int().nullable(),
      position: z.number().int().nullable(),
      stepTitle: z.string(),
      kind: z.enum(FEEDBACK_KINDS),
      comment: z.string(),
      createdAt: isoTime,
      createdByName: z.string(),
    }),
  ),
  checklist: z.array(
    z.object({
      position: z.number().int(),
      text: z.string(),
      done: z.boolean(),
      updatedAt: isoTime.nullable(),
      updatedByName: z.string().nullable(),
    }),
  ),
  archives: z.array(
    z.object({
      bucket: z.string(),
      key: z.string(),
      sha256: z.string(),
      sizeBytes: z.number().int(),
      createdAt: isoTime,
      createdByName: z.string(),
    }),
  ),
  metrics: z.unknown(),
});

export type ReviewExport = z.input<typeof reviewExportSchema>;

/** Builds the JSON export of a review. */
export function toReviewExport(review: Review, exportedAt: Date = new Date()): ReviewExport {
  return {
    format: REVIEW_EXPORT_FORMAT,
    formatVersion: REVIEW_EXPORT_VERSION,
    exportedAt: exportedAt.toISOString(),
    ...review.data,
    metrics: review.metrics,
  };
}

/**
 * Reads a JSON export back into review data. Throws INVALID_INPUT naming the first wrong
 * fields when the text is not JSON or not a Runbridge review export of this version.
 */
export function parseReviewExport(text: string): ReviewData {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new RunbridgeError("INVALID_INPUT", `The review export is not valid JSON (${(error as Error).message}): export the review again.`);
  }

  const parsed = reviewExportSchema.safeParse(json);
  if (!parsed.success) {
    const problems = parsed.error.issues
      .slice(0, 5)
      .map((issue) => `${issue.path.join(".") || "(top level)"}: ${issue.message}`)
      .join("; ");
    throw new RunbridgeError("INVALID_INPUT", `The file is not a ${REVIEW_EXPORT_FORMAT} export version ${REVIEW_EXPORT_VERSION}: ${problems}.`);
  }

  const { format: _format, formatVersion: _formatVersion, exportedAt: _exportedAt, metrics: _metrics, ...data } = parsed.data;
  return data;
}
