"use client";

import { useState } from "react";
import { STEP_KIND_LABELS, STEP_KINDS, type StepKind } from "@/lib/executors/step-kinds";

export interface StepKindValue {
  kind: StepKind;
  params: Record<string, unknown>;
  dangerous: boolean;
}

/** Edits a step's kind, parameters (as JSON) and danger flag; `onSave` stores them. */
export function StepKindEditor({ title, initial, disabled, onSave }: { title: string; initial: StepKindValue; disabled?: boolean; onSave: (value: StepKindValue) => void }) {
  const [kind, setKind] = useState<StepKind>(initial.kind);
  const [paramsText, setParamsText] = useState(JSON.stringify(initial.params, null, 2));
  const [dangerous, setDangerous] = useState(initial.dangerous);
  const [parseError, setParseError] = useState<string | null>(null);

  function save() {
    let params: Record<string, unknown>;
    try {
      params = JSON.parse(paramsText || "{}") as Record<string, unknown>;
    } catch (error) {
      setParseError(`Parameters are not valid JSON: ${(error as Error).message}`);
      return;
    }
    setParseError(null);
    onSave({ kind, params, dangerous });
  }

  return (
    <div className="mt-2 space-y-2">
      <label className="block">
        <span className="text-xs text-slate-600">Kind</span>
        <select aria-label={`Kind of ${title}`} value={kind} onChange={(event) => setKind(event.target.value as StepKind)} className="ml-2 rounded border border-slate-300 px-1">
          {STEP_KINDS.map((option) => (
            <option key={option} value={option}>
              {STEP_KIND_LABELS[option]}
            </option>
          ))}
        </select>
      </label>
      <label className="block">
        <span className="text-xs text-slate-600">Parameters (JSON)</span>
        <textarea
          aria-label={`Parameters of ${title}`}
          value={paramsText}
          onChange={(event) => setParamsText(event.target.value)}
          rows={5}
          className="mt-1 w-full rounded border border-slate-300 px-2 py-1 font-mono text-xs"
        />
      </label>
      <label className="flex items-center gap-2">
        <input type="checkbox" aria-label={`Dangerous: ${title}`} checked={dangerous} onChange={(event) => setDangerous(event.target.checked)} />
        <span>Dangerous: needs a second commander&apos;s approval</span>
      </label>
      <button type="button" disabled={disabled} onClick={save} className="rounded-md border border-slate-300 bg-white px-3 py-1 text-sm font-medium hover:bg-slate-100 disabled:opacity-50">
        Save step settings
      </button>
      {parseError && <p className="text-sm text-red-800">{parseError}</p>}
    </div>
  );
}
