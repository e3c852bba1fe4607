"use client";

import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { declareIncidentAction } from "@/app/incidents/_actions/declare-incident";
import { MAX_TITLE_LENGTH } from "@/lib/incident/limits";

export interface DeclareFormRunbook {
  runbookVersionId: string;
  title: string;
  severities: { level: number; title: string; label: string; criteria: string[] }[];
  scenarios: { key: string; title: string; phaseCount: number; stepCount: number }[];
}

export function DeclareForm({ runbook }: { runbook: DeclareFormRunbook }) {
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const [error, setError] = useState<string | null>(null);

  function submit(formData: FormData) {
    setError(null);
    startTransition(async () => {
      const result = await declareIncidentAction({
        title: String(formData.get("title") ?? ""),
        severityLevel: Number(formData.get("severityLevel")),
        scenarioKey: String(formData.get("scenarioKey") ?? ""),
        runbookVersionId: runbook.runbookVersionId,
      });
      if (result.ok) {
        router.push(`/incidents/${result.data.incidentId}`);
      } else {
        setError(result.error.message);
      }
    });
  }

  return (
    <form action={submit} className="space-y-8">
      <label className="block">
        <span className="text-sm font-semibold text-slate-800">Title</span>
        <input
          name="title"
          required
          maxLength={MAX_TITLE_LENGTH}
          placeholder="Checkout database unreachable"
          className="mt-1 w-full rounded-md border border-slate-300 px-3 py-2"
        />
      </label>

      <fieldset>
        <legend className="mb-2 text-sm font-semibold text-slate-800">Severity</legend>
        <div className="grid gap-3 md:grid-cols-3">
          {runbook.severities.map((severity, index) => (
            <label key={severity.level} className="cursor-pointer rounded-lg border border-slate-200 bg-white p-4 has-[:checked]:border-red-500 has-[:checked]:ring-2 has-[:checked]:ring-red-200">
              <span className="flex items-center gap-2 font-medium">
                <input type="radio" name="severityLevel" value={severity.level} defaultChecked={index === 0} required />
                SEV{severity.level} · {severity.label}
              </span>
              <ul className="mt-2 list-disc pl-5 text-sm text-slate-600">
                {severity.criteria.map((criterion) => (
                  <li key={criterion}>{criterion}</li>
                ))}
              </ul>
            </label>
          ))}
        </div>
      </fieldset>

      <fieldset>
        <legend className="mb-2 text-sm font-semibold text-slate-800">Scenario</legend>
        <div className="grid gap-3 md:grid-cols-2">
          {runbook.scenarios.map((scenario) => (
            <label key={scenario.key} className="cursor-pointer rounded-lg border border-slate-200 bg-white p-4 has-[:checked]:border-slate-900 has-[:checked]:ring-2 has-[:checked]:ring-slate-300">
              <span className="flex items-center gap-2 font-medium">
                <input type="radio" name="scenarioKey" value={scenario.key} required />
                {scenario.title}
              </span>
              <span className="mt-1 block text-sm text-slate-600">
                {plural(scenario.phaseCount, "phase")} · {plural(scenario.stepCount, "step")}
              </span>
            </label>
          ))}
        </div>
      </fieldset>

      {error && (
        <p role="alert" className="rounded-md bg-red-50 px-3 py-2 text-sm text-red-800">
          {error}
        </p>
      )}
      <button type="submit" disabled={pending} className="rounded-md bg-red-600 px-5 py-2 font-medium text-white hover:bg-red-700 disabled:opacity-60">
        {pending ? "Declaring…" : "Declare incident"}
      </button>
    </form>
  );
}

function plural(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? "" : "s"}`;
}
