import type { Prisma, Tx } from "../db/types";
import { EVENT_VERSIONS, eventPayloadSchemas, type EventPayload, type TimelineEvent, type TimelineEventType } from "./events";
import { eventActorSelect, toTimelineEvent } from "./to-timeline-event";

/**
 * Appends one timeline event inside the caller's transaction and returns it.
 *
 * The sequence number comes from incrementing Incident.lastSeq. That UPDATE takes the
 * incident's row lock, so concurrent commands on one incident queue here and every event
 * gets the next number; the unique (incidentId, seq) index backs this up.
 */
export async function appendEvent<T extends TimelineEventType>(
  tx: Tx,
  incidentId: string,
  type: T,
  payload: EventPayload<T>,
  actorId: string | null,
): Promise<TimelineEvent> {
  const validPayload = eventPayloadSchemas[type].parse(payload);

  const incident = await tx.incident.update({
    where: { id: incidentId },
    data: { lastSeq: { increment: 1 } },
    select: { lastSeq: true },
  });

  const row = await tx.timelineEvent.create({
    data: {
      incidentId,
      seq: incident.lastSeq,
      type,
      version: EVENT_VERSIONS[type],
      payload: validPayload as Prisma.InputJsonObject,
      actorId,
    },
    include: eventActorSelect,
  });

  return toTimelineEvent(row);
}
