import type { TimelineEvent } from "./events";

interface StoredEvent {
  id: string;
  incidentId: string;
  seq: number;
  type: string;
  version: number;
  payload: unknown;
  createdAt: Date;
  actor: { id: string; name: string } | null;
}

/** Converts a stored timeline row into the shape clients and sockets receive. */
export function toTimelineEvent(row: StoredEvent): TimelineEvent {
  return {
    id: row.id,
    incidentId: row.incidentId,
    seq: row.seq,
    type: row.type,
    version: row.version,
    payload: row.payload,
    actor: row.actor ? { id: row.actor.id, name: row.actor.name } : null,
    createdAt: row.createdAt.toISOString(),
  } as TimelineEvent;
}

export const eventActorSelect = { actor: { select: { id: true, name: true } } } as const;
