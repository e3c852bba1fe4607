"use client";

import { useState } from "react";
import { saveWriteUpAction } from "@/app/incidents/[id]/review/_actions/save-write-up";
import type { ReviewWriteUp } from "@/lib/review/review-data";
import { ActionError, useReviewAction } from "./use-review-action";

const FIELDS = [
  { name: "summary", label: "Summary" },
  { name: "rootCause", label: "Root cause" },
  { name: "contributingFactors", label: "Contributing factors" },
  { name: "wentWell", label: "What went well" },
  { name: "recommendations", label: "Improvement recommendations" },
] as const;

type FieldName = (typeof FIELDS)[number]["name"];

/** Shows the write-up as a form for reviewers with review.edit and as read-only text otherwise. */
export function WriteUpForm({ incidentId, writeUp, canEdit }: { incidentId: string; writeUp: ReviewWriteUp; canEdit: boolean }) {
  const { pending, error, run } = useReviewAction();
  const [saved, setSaved] = useState(false);

  if (!canEdit) {
    return (
      <dl className="space-y-3 text-sm">
        {FIELDS.map((field) => (
          <div key={field.name}>
            <dt className="font-medium">{field.label}</dt>
            <dd className="whitespace-pre-wrap text-slate-700">{writeUp[field.name] || "–"}</dd>
          </div>
        ))}
        <div>
          <dt className="font-medium">Data loss</dt>
          <dd>{writeUp.dataLossMinutes === null ? "not recorded" : `${writeUp.dataLossMinutes} min`}</dd>
        </div>
      </dl>
    );
  }

  return (
    <form
      className="space-y-3 text-sm"
      onSubmit={(event) => {
        event.preventDefault();
        const form = new FormData(event.currentTarget);
        const text = (name: FieldName) => String(form.get(name) ?? "");
        const dataLoss = String(form.get("dataLossMinutes") ?? "").trim();
        setSaved(false);
        run(
          () =>
            saveWriteUpAction({
              incidentId,
              expectedVersion: writeUp.version,
              summary: text("summary"),
              rootCause: text("rootCause"),
              contributingFactors: text("contributingFactors"),
              wentWell: text("wentWell"),
              recommendations: text("recommendations"),
              dataLossMinutes: dataLoss === "" ? null : Number(dataLoss),
            }),
          () => setSaved(true),
        );
      }}
    >
      {FIELDS.map((field) => (
        <label key={field.name} className="block">
          <span className="font-medium">{field.label}</span>
          <textarea name={field.name} defaultValue={writeUp[field.name]} rows={3} className="mt-1 block w-full rounded-md border border-slate-300 p-2 print:border-0" />
        </label>
      ))}
      <label className="block">
        <span className="font-medium">Data loss in minutes</span>
        <span className="ml-2 text-xs text-slate-500">judges the RPOs; leave empty when unknown</span>
        <input
          name="dataLossMinutes"
          type="number"
          min={0}
          step={1}
          defaultValue={writeUp.dataLossMinutes ?? ""}
          className="mt-1 block w-40 rounded-md border border-slate-300 p-2"
        />
      </label>
      <div className="no-print flex items-center gap-3">
        <button type="submit" disabled={pending} className="rounded-md bg-slate-900 px-4 py-2 font-medium text-white disabled:opacity-50">
          Save write-up
        </button>
        {saved && !pending && <span role="status">Saved (version {writeUp.version}).</span>}
        {writeUp.updatedByName && (
          <span className="text-xs text-slate-500">
            Last saved by {writeUp.updatedByName} at {writeUp.updatedAt?.slice(0, 19).replace("T", " ")} UTC
          </span>
        )}
      </div>
      <ActionError error={error} />
    </form>
  );
}
