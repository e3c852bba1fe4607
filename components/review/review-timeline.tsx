import type { TimelineEvent } from "@/lib/incident/events";
import { describeEvent } from "@/lib/review/describe-event";
import { categorizeEvent, EVENT_CATEGORIES, type EventCategory } from "@/lib/review/event-category";
import { formatOffset, formatUtc } from "@/lib/review/format-review";
import { TimelineFilters } from "./timeline-filters";

const LIST_ID = "review-timeline";

/** Renders the whole timeline with category filters and a permalink (#event-<seq>) on every event. */
export function ReviewTimeline({ events, declaredAtMs, children }: { events: TimelineEvent[]; declaredAtMs: number; children?: React.ReactNode }) {
  const counts = Object.fromEntries(EVENT_CATEGORIES.map((category) => [category, 0])) as Record<EventCategory, number>;
  const corrections = new Map<number, TimelineEvent[]>();
  for (const event of events) {
    if (event.type === "review.annotation" && event.payload.targetSeq !== null) {
      corrections.set(event.payload.targetSeq, [...(corrections.get(event.payload.targetSeq) ?? []), event]);
    }
  }
  const categorized = events.map((event) => {
    const category = categorizeEvent(event);
    counts[category] += 1;
    return { event, category };
  });

  return (
    <section aria-labelledby="review-timeline-heading" className="review-section">
      <h2 id="review-timeline-heading" className="review-heading">
        Timeline
      </h2>
      <TimelineFilters listId={LIST_ID} counts={counts} />
      <ol id={LIST_ID} data-hidden="" className="review-timeline space-y-1 text-sm">
        {categorized.map(({ event, category }) => {
          const atMs = Date.parse(event.createdAt);
          return (
            <li
              key={event.seq}
              id={`event-${event.seq}`}
              data-testid="review-event"
              data-category={category}
              className="rounded border-l-2 border-slate-200 py-0.5 pl-3"
            >
              <a href={`#event-${event.seq}`} className="mr-2 tabular-nums text-slate-500 hover:underline" title="Link to this event">
                #{event.seq}
              </a>
              <time dateTime={event.createdAt} className="mr-2 tabular-nums text-slate-500">
                {formatUtc(atMs)} ({formatOffset(atMs, declaredAtMs)})
              </time>
              <span className="mr-2 font-medium">{event.actor?.name ?? "system"}</span>
              <span>{describeEvent(event)}</span>
              {corrections.get(event.seq)?.map((correction) => (
                <div key={correction.seq} data-testid="event-correction" className="mt-0.5 text-xs text-amber-800">
                  Corrected in{" "}
                  <a href={`#event-${correction.seq}`} className="underline">
                    #{correction.seq}
                  </a>{" "}
                  by {correction.actor?.name ?? "system"}
                </div>
              ))}
            </li>
          );
        })}
      </ol>
      {children}
    </section>
  );
}
