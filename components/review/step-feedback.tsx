"use client";

import { useState } from "react";
import { addStepFeedbackAction } from "@/app/incidents/[id]/review/_actions/add-step-feedback";
import { FEEDBACK_KINDS, type FeedbackKind, type ReviewStepFeedback } from "@/lib/review/review-data";
import { ActionError, useReviewAction } from "./use-review-action";

const MISSING_STEP = "";

export function StepFeedback({
  incidentId,
  feedback,
  steps,
  canEdit,
}: {
  incidentId: string;
  feedback: ReviewStepFeedback[];
  steps: { id: string; title: string }[];
  canEdit: boolean;
}) {
  const { pending, error, submit } = useReviewAction();
  const [stepId, setStepId] = useState(steps[0]?.id ?? MISSING_STEP);

  return (
    <div className="text-sm">
      {feedback.length === 0 ? (
        <p className="text-slate-600">No feedback on the runbook's steps yet.</p>
      ) : (
        <ul className="space-y-1" data-testid="step-feedback">
          {feedback.map((item) => (
            <li key={item.id} data-testid="feedback-item" data-kind={item.kind}>
              <span className="mr-2 rounded bg-slate-100 px-1.5 py-0.5 text-xs font-semibold uppercase">{item.kind}</span>
              <strong>{item.stepTitle}</strong>
              {item.phaseIndex === null && <span className="text-slate-500"> (missing from the runbook)</span>}: {item.comment}
              <span className="text-slate-500"> — {item.createdByName}</span>
            </li>
          ))}
        </ul>
      )}

      {canEdit && (
        <form
          className="no-print mt-3 flex flex-wrap items-end gap-2"
          onSubmit={(event) =>
            submit(event, (form) =>
              addStepFeedbackAction({
                incidentId,
                kind: String(form.get("kind")) as FeedbackKind,
                stepId: stepId === MISSING_STEP ? null : stepId,
                missingStepTitle: String(form.get("missingStepTitle") ?? ""),
                comment: String(form.get("comment") ?? ""),
              }),
            )
          }
        >
          <label className="flex flex-col">
            Step
            <select aria-label="Step the feedback is about" value={stepId} onChange={(event) => setStepId(event.target.value)} className="w-64 rounded-md border border-slate-300 p-1.5">
              {steps.map((step) => (
                <option key={step.id} value={step.id}>
                  {step.title}
                </option>
              ))}
              <option value={MISSING_STEP}>A step the runbook is missing…</option>
            </select>
          </label>
          {stepId === MISSING_STEP && (
            <label className="flex flex-col">
              Missing step
              <input name="missingStepTitle" className="w-56 rounded-md border border-slate-300 p-1.5" />
            </label>
          )}
          <label className="flex flex-col">
            Problem
            <select aria-label="Problem" name="kind" defaultValue={stepId === MISSING_STEP ? "missing" : "unclear"} key={stepId === MISSING_STEP ? "missing" : "existing"} className="rounded-md border border-slate-300 p-1.5">
              {FEEDBACK_KINDS.map((kind) => (
                <option key={kind} value={kind}>
                  {kind}
                </option>
              ))}
            </select>
          </label>
          <label className="flex flex-col">
            Comment
            <input name="comment" className="w-72 rounded-md border border-slate-300 p-1.5" />
          </label>
          <button type="submit" disabled={pending} className="rounded-md border border-slate-300 px-3 py-1.5 hover:bg-slate-100 disabled:opacity-50">
            Add feedback
          </button>
        </form>
      )}
      <ActionError error={error} />
    </div>
  );
}
