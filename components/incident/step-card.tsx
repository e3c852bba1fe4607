"use client";

import { useState, useTransition } from "react";
import { recordStepAction } from "@/app/incidents/_actions/record-step";
import type { TimelineEvent } from "@/lib/incident/events";
import type { AssignableUser } from "@/lib/incident/load-assignable-user";
import type { StepConflict } from "@/lib/incident/record-step";
import { MAX_NOTE_LENGTH } from "@/lib/incident/limits";
import { allowedTransitions, STEP_STATE_LABELS, type StepState } from "@/lib/incident/step-state";
import type { StepView } from "@/lib/incident/step-view";
import { CopyButton } from "../ui/copy-button";
import { StepAssignee } from "./step-assignee";
import { StepAutomation } from "./step-automation";

const STATE_STYLES: Record<StepState, string> = {
  pending: "bg-slate-100 text-slate-700",
  in_progress: "bg-blue-100 text-blue-800",
  done: "bg-emerald-100 text-emerald-800",
  skipped: "bg-slate-200 text-slate-600",
  failed: "bg-red-100 text-red-800",
  blocked: "bg-amber-100 text-amber-900",
};

const ACTION_LABELS: Record<StepState, string> = {
  pending: "Reopen",
  in_progress: "Start",
  done: "Done",
  skipped: "Skip",
  failed: "Failed",
  blocked: "Blocked",
};

interface StepCardProps {
  incidentId: string;
  step: StepView;
  number: string;
  canRecord: boolean;
  /** True when the user may assign the step, which also needs an open incident. */
  canAssign: boolean;
  assignableUsers: AssignableUser[];
  onEvents: (events: TimelineEvent[]) => void;
  /** Receives the step as it is now after another responder changed it first. */
  onConflict: (current: StepView) => void;
}

export function StepCard({ incidentId, step, number, canRecord, canAssign, assignableUsers, onEvents, onConflict }: StepCardProps) {
  const [pending, startTransition] = useTransition();
  const [error, setError] = useState<string | null>(null);
  const [note, setNote] = useState("");

  function record(to: StepState) {
    setError(null);
    const sentNote = note;
    startTransition(async () => {
      let result;
      try {
        result = await recordStepAction({ incidentId, stepId: step.id, expectedVersion: step.version, to, note: sentNote });
      } catch {
        setError("The server could not be reached, so nothing was saved. Check your connection and try again.");
        return;
      }
      if (result.ok) {
        // Keep anything typed while the request was in flight.
        setNote((current) => (current === sentNote ? "" : current));
        onEvents(result.data.events);
        return;
      }
      setError(result.error.message);
      const conflict = result.error.details as StepConflict | undefined;
      if (result.error.code === "CONFLICT" && conflict?.step) onConflict(conflict.step);
    });
  }

  return (
    <article data-testid="step-card" data-step-id={step.id} data-state={step.state} className="rounded-lg border border-slate-200 bg-white p-4 shadow-sm">
      <header className="flex items-start justify-between gap-3">
        <h3 className="font-medium">
          <span className="mr-2 text-slate-400">{number}</span>
          {step.title}
        </h3>
        <span data-testid="step-state" className={`shrink-0 rounded px-2 py-0.5 text-xs font-semibold ${STATE_STYLES[step.state]}`}>
          {STEP_STATE_LABELS[step.state]}
        </span>
      </header>

      {(step.assignee || canAssign) && (
        <StepAssignee incidentId={incidentId} step={step} canAssign={canAssign} assignableUsers={assignableUsers} onEvents={onEvents} onConflict={onConflict} />
      )}

      {step.detail && <p className="mt-2 whitespace-pre-line text-sm text-slate-600">{step.detail}</p>}

      {step.commands.map((command, index) => (
        <div key={index} className="mt-3 overflow-hidden rounded-md bg-slate-900">
          <div className="flex items-center justify-between px-3 py-1 text-xs text-slate-400">
            <span>{command.lang || "text"}</span>
            <CopyButton text={command.code} />
          </div>
          <pre className="overflow-x-auto px-3 pb-3 text-xs leading-relaxed text-slate-100">
            <code>{command.code}</code>
          </pre>
        </div>
      ))}

      <StepAutomation incidentId={incidentId} step={step} open={canRecord} onEvents={onEvents} onConflict={onConflict} />

      {step.updatedBy && step.updatedAt && (
        <p data-testid="step-last-change" className="mt-3 text-xs text-slate-500">
          {STEP_STATE_LABELS[step.state]} by {step.updatedBy.name} at {new Date(step.updatedAt).toLocaleTimeString()}
          {step.note ? ` — “${step.note}”` : ""}
        </p>
      )}

      {canRecord && (
        <div className="mt-3 space-y-2">
          <input
            value={note}
            onChange={(event) => setNote(event.target.value)}
            maxLength={MAX_NOTE_LENGTH}
            placeholder="Note (optional)"
            aria-label={`Note for ${step.title}`}
            className="w-full rounded-md border border-slate-300 px-2 py-1 text-sm"
          />
          <div className="flex flex-wrap gap-2">
            {allowedTransitions(step.state).map((to) => (
              <button
                key={to}
                type="button"
                disabled={pending}
                onClick={() => record(to)}
                className="rounded-md border border-slate-300 px-3 py-1 text-sm font-medium hover:bg-slate-100 disabled:opacity-50"
              >
                {ACTION_LABELS[to]}
              </button>
            ))}
          </div>
        </div>
      )}

      {error && (
        <p role="alert" className="mt-2 rounded-md bg-red-50 px-3 py-2 text-sm text-red-800">
          {error}
        </p>
      )}
    </article>
  );
}
