"use client";

import { useRouter } from "next/navigation";

export interface PickerRunbook {
  runbookVersionId: string;
  title: string;
  version: number;
}

/** Chooses the runbook an incident is declared from; changing it reloads the form with that runbook's scenarios. */
export function RunbookPicker({ runbooks, selected }: { runbooks: PickerRunbook[]; selected: string }) {
  const router = useRouter();

  return (
    <label className="mb-6 mt-2 block">
      <span className="text-sm font-semibold text-slate-800">Runbook</span>
      <select
        value={selected}
        onChange={(event) => router.push(`/incidents/new?runbook=${encodeURIComponent(event.target.value)}`)}
        className="mt-1 block w-full max-w-xl rounded-md border border-slate-300 px-3 py-2"
      >
        {runbooks.map((runbook) => (
          <option key={runbook.runbookVersionId} value={runbook.runbookVersionId}>
            {runbook.title || "Untitled runbook"} (version {runbook.version})
          </option>
        ))}
      </select>
    </label>
  );
}
