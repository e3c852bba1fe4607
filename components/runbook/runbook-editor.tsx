"use client";

import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { editRunbookVersionAction } from "@/app/runbooks/_actions/edit-runbook-version";
import type { RunbookModel } from "@/lib/runbook/model";
import type { RunbookEdit } from "@/lib/runbook/runbook-edit";

/**
 * Renders forms for what the Markdown could not express: each phase's time box, the RTO objective each
 * scenario counts against, and each step's owner role. Each form saves one edit to the version.
 */
export function RunbookEditor({ runbookVersionId, model }: { runbookVersionId: string; model: RunbookModel }) {
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const [message, setMessage] = useState<{ kind: "error" | "saved"; text: string } | null>(null);
  const rtoObjectives = model.objectives.filter((objective) => objective.kind === "RTO");

  function save(edit: RunbookEdit, label: string) {
    setMessage(null);
    startTransition(async () => {
      const result = await editRunbookVersionAction({ runbookVersionId, edit });

      if (!result.ok) {
        setMessage({ kind: "error", text: result.error.message });
        return;
      }

      setMessage({ kind: "saved", text: `Saved: ${label}.` });
      router.refresh();
    });
  }

  return (
    <div className="space-y-4">
      {message && (
        <p role={message.kind === "error" ? "alert" : "status"} className={message.kind === "error" ? "rounded bg-red-50 px-3 py-2 text-sm text-red-800" : "rounded bg-emerald-50 px-3 py-2 text-sm text-emerald-900"}>
          {message.text}
        </p>
      )}
      {model.scenarios.map((scenario) => (
        <section key={scenario.key} className="rounded-lg border border-slate-200 bg-white p-4" data-testid="edit-scenario">
          <h3 className="font-semibold">{scenario.title}</h3>
          <form
            className="mt-2 flex flex-wrap items-end gap-2 text-sm"
            action={(formData) => {
              const objectiveKey = String(formData.get("objectiveKey") ?? "");
              save({ kind: "scenarioObjective", scenarioKey: scenario.key, objectiveKey: objectiveKey || null }, `objective of ${scenario.title}`);
            }}
          >
            <label>
              <span className="block text-slate-700">Counts against RTO objective</span>
              <select name="objectiveKey" defaultValue={scenario.objectiveKey ?? ""} className="mt-1 rounded border border-slate-300 px-2 py-1" aria-label={`RTO objective of ${scenario.title}`}>
                <option value="">Every RTO objective</option>
                {rtoObjectives.map((objective) => (
                  <option key={objective.key} value={objective.key}>
                    {objective.name} ({objective.minutes} min)
                  </option>
                ))}
              </select>
            </label>
            <button type="submit" disabled={pending} className="rounded border border-slate-300 px-3 py-1 hover:bg-slate-100">
              Save objective
            </button>
          </form>

          {scenario.phases.map((phase) => (
            <div key={`${phase.title}-${phase.line}`} className="mt-4 border-t border-slate-100 pt-3">
              <form
                className="flex flex-wrap items-end gap-2 text-sm"
                action={(formData) => {
                  const start = String(formData.get("startMinute") ?? "").trim();
                  const end = String(formData.get("endMinute") ?? "").trim();
                  save(
                    { kind: "phaseTimeBox", scenarioKey: scenario.key, phaseTitle: phase.title, startMinute: start === "" ? null : Number(start), endMinute: end === "" ? null : Number(end) },
                    `time box of ${phase.title}`,
                  );
                }}
              >
                <span className="min-w-48 font-medium">{phase.title}</span>
                <label>
                  <span className="block text-slate-700">Starts at minute</span>
                  <input name="startMinute" type="number" min={0} defaultValue={phase.startMinute ?? ""} aria-label={`Start minute of ${phase.title}`} className="mt-1 w-24 rounded border border-slate-300 px-2 py-1" />
                </label>
                <label>
                  <span className="block text-slate-700">Ends at minute</span>
                  <input name="endMinute" type="number" min={0} defaultValue={phase.endMinute ?? ""} aria-label={`End minute of ${phase.title}`} className="mt-1 w-24 rounded border border-slate-300 px-2 py-1" />
                </label>
                <button type="submit" disabled={pending} className="rounded border border-slate-300 px-3 py-1 hover:bg-slate-100">
                  Save time box
                </button>
              </form>
              <ul className="mt-2 space-y-1 text-sm">
                {phase.steps.map((step, index) => (
                  <li key={`${step.line}-${index}`}>
                    <form
                      className="flex flex-wrap items-center gap-2"
                      action={(formData) => save({ kind: "stepOwner", scenarioKey: scenario.key, phaseTitle: phase.title, stepTitle: step.title, owner: String(formData.get("owner") ?? "") }, `owner of ${step.title}`)}
                    >
                      <span className="min-w-64 flex-1 text-slate-800">{step.title}</span>
                      <input name="owner" defaultValue={step.owner ?? ""} placeholder="Owner role" aria-label={`Owner of ${step.title}`} className="w-48 rounded border border-slate-300 px-2 py-1" />
                      <button type="submit" disabled={pending} className="rounded border border-slate-300 px-3 py-1 hover:bg-slate-100">
                        Save owner
                      </button>
                    </form>
                  </li>
                ))}
              </ul>
            </div>
          ))}
        </section>
      ))}
    </div>
  );
}
