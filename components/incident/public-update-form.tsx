"use client";

import { useState, useTransition } from "react";
import { postUpdateAction } from "@/app/incidents/_actions/post-update";
import type { TimelineEvent } from "@/lib/incident/events";
import { MAX_UPDATE_LENGTH } from "@/lib/incident/limits";

/** Posts a status update that stakeholders and share-link visitors see, unlike notes. */
export function PublicUpdateForm({ incidentId, onEvents }: { incidentId: string; onEvents: (events: TimelineEvent[]) => void }) {
  const [pending, startTransition] = useTransition();
  const [text, setText] = useState("");
  const [error, setError] = useState<string | null>(null);

  return (
    <section aria-labelledby="public-update-heading" className="rounded-lg border border-blue-200 bg-white p-4">
      <h2 id="public-update-heading" className="mb-2 text-sm font-semibold uppercase tracking-wide text-slate-500">
        Public update
      </h2>
      <p className="mb-2 text-xs text-slate-500">Stakeholders and share links see these updates. They never see notes.</p>
      <form
        onSubmit={(event) => {
          event.preventDefault();
          setError(null);
          startTransition(async () => {
            try {
              const result = await postUpdateAction({ incidentId, text });
              if (result.ok) {
                onEvents(result.data.events);
                setText("");
              } else {
                setError(result.error.message);
              }
            } catch {
              setError("The server could not be reached, so the update was not posted. Check your connection and try again.");
            }
          });
        }}
        className="space-y-2"
      >
        <textarea
          value={text}
          onChange={(event) => setText(event.target.value)}
          maxLength={MAX_UPDATE_LENGTH}
          rows={3}
          placeholder="Impact, what is being done, when the next update comes"
          aria-label="Update for stakeholders"
          className="w-full rounded-md border border-slate-300 px-2 py-1 text-sm"
        />
        <button type="submit" disabled={pending || !text.trim()} className="rounded-md bg-blue-700 px-3 py-1 text-sm font-medium text-white disabled:opacity-50">
          Post update
        </button>
      </form>
      {error && (
        <p role="alert" className="mt-2 rounded-md bg-red-50 px-3 py-2 text-sm text-red-800">
          {error}
        </p>
      )}
    </section>
  );
}
