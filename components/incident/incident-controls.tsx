"use client";

import { useState, useTransition } from "react";
import { addNoteAction } from "@/app/incidents/_actions/add-note";
import { resolveIncidentAction } from "@/app/incidents/_actions/resolve-incident";
import type { TimelineEvent } from "@/lib/incident/events";
import { MAX_NOTE_LENGTH } from "@/lib/incident/limits";

interface IncidentControlsProps {
  incidentId: string;
  canResolve: boolean;
  canAddNote: boolean;
  onEvents: (events: TimelineEvent[]) => void;
}

/** Incident-level commands: add a note to the timeline, resolve the incident. */
export function IncidentControls({ incidentId, canResolve, canAddNote, onEvents }: IncidentControlsProps) {
  const [pending, startTransition] = useTransition();
  const [error, setError] = useState<string | null>(null);
  const [note, setNote] = useState("");
  const [confirming, setConfirming] = useState(false);

  function run(action: () => Promise<{ ok: true; data: { events: TimelineEvent[] } } | { ok: false; error: { message: string } }>, onSuccess: () => void) {
    setError(null);
    startTransition(async () => {
      try {
        const result = await action();
        if (result.ok) {
          onEvents(result.data.events);
          onSuccess();
        } else {
          setError(result.error.message);
        }
      } catch {
        setError("The server could not be reached, so nothing was saved. Check your connection and try again.");
      }
    });
  }

  return (
    <section className="space-y-3 rounded-lg border border-slate-200 bg-white p-4">
      {canAddNote && (
        <form
          onSubmit={(event) => {
            event.preventDefault();
            run(() => addNoteAction({ incidentId, text: note }), () => setNote(""));
          }}
          className="flex gap-2"
        >
          <input
            value={note}
            onChange={(event) => setNote(event.target.value)}
            maxLength={MAX_NOTE_LENGTH}
            placeholder="Add a note to the timeline"
            aria-label="Incident note"
            className="flex-1 rounded-md border border-slate-300 px-2 py-1 text-sm"
          />
          <button type="submit" disabled={pending || !note.trim()} className="rounded-md border border-slate-300 px-3 py-1 text-sm disabled:opacity-50">
            Add note
          </button>
        </form>
      )}

      {canResolve &&
        (confirming ? (
          <div className="flex items-center gap-2 text-sm">
            <span>Resolve this incident? Its timers stop and steps can no longer change.</span>
            <button
              type="button"
              disabled={pending}
              onClick={() => run(() => resolveIncidentAction({ incidentId }), () => setConfirming(false))}
              className="rounded-md bg-emerald-600 px-3 py-1 font-medium text-white disabled:opacity-50"
            >
              Confirm resolve
            </button>
            <button type="button" onClick={() => setConfirming(false)} className="rounded-md border border-slate-300 px-3 py-1">
              Cancel
            </button>
          </div>
        ) : (
          <button type="button" onClick={() => setConfirming(true)} className="rounded-md bg-emerald-600 px-4 py-2 text-sm font-medium text-white">
            Resolve incident
          </button>
        ))}

      {error && (
        <p role="alert" className="rounded-md bg-red-50 px-3 py-2 text-sm text-red-800">
          {error}
        </p>
      )}
    </section>
  );
}
