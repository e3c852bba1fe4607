"use client";

// Filter checkboxes for the review timeline. The list itself is rendered on the server; this
// only hides categories through a data attribute on the list, so a 10,000-event timeline is
// not sent to the browser a second time as props.
import { useState } from "react";
import { EVENT_CATEGORIES, EVENT_CATEGORY_LABELS, type EventCategory } from "@/lib/review/event-category";

export function TimelineFilters({ listId, counts }: { listId: string; counts: Record<EventCategory, number> }) {
  const [hidden, setHidden] = useState<EventCategory[]>([]);

  function toggle(category: EventCategory, visible: boolean) {
    const next = visible ? hidden.filter((item) => item !== category) : [...hidden, category];
    setHidden(next);
    document.getElementById(listId)?.setAttribute("data-hidden", next.join(" "));
  }

  return (
    <fieldset className="no-print mb-3 flex flex-wrap gap-4 text-sm">
      <legend className="sr-only">Show events</legend>
      {EVENT_CATEGORIES.map((category) => (
        <label key={category} className="flex items-center gap-1.5">
          <input type="checkbox" checked={!hidden.includes(category)} onChange={(event) => toggle(category, event.target.checked)} />
          {EVENT_CATEGORY_LABELS[category]} ({counts[category]})
        </label>
      ))}
    </fieldset>
  );
}
