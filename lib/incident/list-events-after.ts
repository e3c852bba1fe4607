import type { Db } from "../db/types";
import type { TimelineEvent } from "./events";
import { eventActorSelect, toTimelineEvent } from "./to-timeline-event";

/** Returns an incident's timeline events with a sequence number above `afterSeq`, in order. */
export async function listEventsAfter(db: Db, incidentId: string, afterSeq: number, limit = 1000): Promise<TimelineEvent[]> {
  const rows = await db.timelineEvent.findMany({
    where: { incidentId, seq: { gt: afterSeq } },
    orderBy: { seq: "asc" },
    take: limit,
    include: eventActorSelect,
  });
  return rows.map(toTimelineEvent);
}
