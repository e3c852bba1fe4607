"use client";

import { useState } from "react";
import type { Phase, RunbookModel, Step, SubStep } from "@/lib/runbook/model";

// Lines shown above and below a warning's line in the source excerpt.
const EXCERPT_CONTEXT = 3;

/**
 * Shows a parsed runbook as the importer read it: metadata, objectives, severities, contacts,
 * scenarios with phases and steps, context sections and warnings, each with its source line.
 * Clicking a warning shows the source lines around it. All text is rendered as text, so HTML
 * in a runbook is shown, never run.
 */
export function RunbookPreview({ model, source }: { model: RunbookModel; source: string }) {
  const [selectedLine, setSelectedLine] = useState<number | null>(null);
  const sourceLines = source.split(/\r\n|\r|\n/u);
  const steps = model.scenarios.flatMap((scenario) => scenario.phases.flatMap((phase) => phase.steps));
  const commandCount = steps.reduce((sum, step) => sum + step.commands.length, 0);

  return (
    <div className="space-y-6" data-testid="runbook-preview">
      <section>
        <h2 className="text-xl font-semibold">{model.title || "Untitled runbook"}</h2>
        <p className="mt-1 text-sm text-slate-600" data-testid="preview-counts">
          {plural(model.scenarios.length, "scenario")} · {plural(model.scenarios.reduce((sum, scenario) => sum + scenario.phases.length, 0), "phase")} ·{" "}
          {plural(steps.length, "step")} · {plural(commandCount, "command")} · {plural(model.objectives.length, "objective")} · {plural(model.warnings.length, "warning")}
        </p>
        {Object.keys(model.metadata).length > 0 && (
          <dl className="mt-3 grid grid-cols-[max-content_1fr] gap-x-4 gap-y-1 text-sm">
            {Object.entries(model.metadata).map(([key, value]) => (
              <div key={key} className="contents">
                <dt className="font-medium text-slate-700">{key}</dt>
                <dd className="text-slate-600">{value}</dd>
              </div>
            ))}
          </dl>
        )}
      </section>

      {model.warnings.length > 0 && (
        <section aria-labelledby="warnings-heading" className="rounded-lg border border-amber-300 bg-amber-50 p-4">
          <h3 id="warnings-heading" className="font-semibold text-amber-900">
            Warnings
          </h3>
          <ul className="mt-2 space-y-1 text-sm" aria-label="Import warnings">
            {model.warnings.map((warning, index) => (
              <li key={`${warning.line}-${index}`}>
                <button
                  type="button"
                  onClick={() => setSelectedLine(selectedLine === warning.line ? null : warning.line)}
                  aria-expanded={selectedLine === warning.line}
                  className="text-left text-amber-900 underline decoration-amber-400 underline-offset-2 hover:decoration-amber-700"
                >
                  Line {warning.line}: {warning.message}
                </button>
              </li>
            ))}
          </ul>
          {selectedLine !== null && <SourceExcerpt lines={sourceLines} line={selectedLine} />}
        </section>
      )}

      <div className="grid gap-4 md:grid-cols-3">
        <ReferenceList
          title="Objectives"
          empty="No RTO or RPO objectives found."
          items={model.objectives.map((objective) => ({ key: `${objective.kind}-${objective.key}`, line: objective.line, text: `${objective.kind} · ${objective.name}: ${formatMinutes(objective.minutes)}` }))}
        />
        <ReferenceList
          title="Severities"
          empty="No severity levels found; SEV1 to SEV3 defaults apply."
          items={model.severities.map((severity) => ({ key: String(severity.level), line: severity.line, text: `SEV${severity.level} · ${severity.label}${severity.criteria.length ? `: ${severity.criteria.join("; ")}` : ""}` }))}
        />
        <ReferenceList
          title="Contacts"
          empty="No contacts found."
          items={model.contacts.map((contact, index) => ({ key: String(index), line: contact.line, text: `${contact.role ? `${contact.role}: ` : ""}${contact.value} (${contact.group})` }))}
        />
      </div>

      {model.scenarios.map((scenario) => (
        <section key={scenario.key} className="rounded-lg border border-slate-200 bg-white p-4" data-testid="preview-scenario">
          <h3 className="text-lg font-semibold">
            {scenario.title} <LineTag line={scenario.line} />
          </h3>
          {scenario.phases.map((phase, index) => (
            <PhasePreview key={`${phase.title}-${index}`} phase={phase} />
          ))}
        </section>
      ))}

      {(model.context?.length ?? 0) > 0 && (
        <section>
          <h3 className="font-semibold">Context sections</h3>
          <p className="text-sm text-slate-600">Prose kept for reference, not imported as steps.</p>
          {model.context?.map((section, index) => (
            <details key={`${section.line}-${index}`} className="mt-2 rounded border border-slate-200 bg-white p-2 text-sm">
              <summary className="cursor-pointer">
                {section.title} <LineTag line={section.line} />
              </summary>
              <p className="mt-2 whitespace-pre-wrap text-slate-700">{section.text}</p>
            </details>
          ))}
        </section>
      )}
    </div>
  );
}

function PhasePreview({ phase }: { phase: Phase }) {
  return (
    <div className="mt-3" data-testid="preview-phase">
      <h4 className="flex flex-wrap items-center gap-2 font-medium">
        {phase.title}
        {phase.startMinute === null ? (
          <span className="rounded bg-amber-100 px-2 py-0.5 text-xs text-amber-900">No time box</span>
        ) : (
          <span className="rounded bg-slate-100 px-2 py-0.5 text-xs text-slate-700">{formatTimeBox(phase.startMinute, phase.endMinute)}</span>
        )}
        <LineTag line={phase.line} />
      </h4>
      <ol className="ml-5 mt-1 list-decimal space-y-1 text-sm">
        {phase.steps.map((step, index) => (
          <StepPreview key={`${step.line}-${index}`} step={step} />
        ))}
      </ol>
    </div>
  );
}

function StepPreview({ step }: { step: Step }) {
  return (
    <li data-testid="preview-step">
      <span>{step.title}</span> <LineTag line={step.line} />
      {step.owner && <span className="ml-2 rounded bg-indigo-50 px-1.5 text-xs text-indigo-800">owner: {step.owner}</span>}
      {step.time && <span className="ml-2 rounded bg-slate-100 px-1.5 text-xs text-slate-700">{step.time}</span>}
      {step.commands.map((command, index) => (
        <pre key={`${command.line}-${index}`} className="mt-1 overflow-x-auto rounded bg-slate-900 p-2 text-xs text-slate-100">
          {command.code}
        </pre>
      ))}
      {step.substeps && <SubStepList substeps={step.substeps} />}
    </li>
  );
}

function SubStepList({ substeps }: { substeps: SubStep[] }) {
  return (
    <ul className="ml-5 list-disc text-slate-700">
      {substeps.map((substep, index) => (
        <li key={`${substep.line}-${index}`}>
          {substep.title} <LineTag line={substep.line} />
          {substep.substeps && <SubStepList substeps={substep.substeps} />}
        </li>
      ))}
    </ul>
  );
}

function ReferenceList({ title, empty, items }: { title: string; empty: string; items: { key: string; line: number; text: string }[] }) {
  return (
    <section className="rounded-lg border border-slate-200 bg-white p-3 text-sm">
      <h3 className="font-semibold">{title}</h3>
      {items.length === 0 ? (
        <p className="mt-1 text-slate-500">{empty}</p>
      ) : (
        <ul className="mt-1 space-y-1">
          {items.map((item) => (
            <li key={item.key}>
              {item.text} <LineTag line={item.line} />
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

function SourceExcerpt({ lines, line }: { lines: string[]; line: number }) {
  const first = Math.max(1, line - EXCERPT_CONTEXT);
  const last = Math.min(lines.length, line + EXCERPT_CONTEXT);
  const numbered = [];

  for (let number = first; number <= last; number++) {
    numbered.push({ number, text: lines[number - 1] ?? "" });
  }

  return (
    <pre aria-label={`Source lines ${first} to ${last}`} className="mt-3 overflow-x-auto rounded bg-white p-2 text-xs text-slate-800 ring-1 ring-amber-200">
      {numbered.map(({ number, text }) => (
        <div key={number} className={number === line ? "bg-amber-200 font-semibold" : undefined}>
          <span className="mr-3 inline-block w-10 select-none text-right text-slate-400">{number}</span>
          {text}
        </div>
      ))}
    </pre>
  );
}

function LineTag({ line }: { line: number }) {
  return <span className="text-xs font-normal text-slate-400">line {line}</span>;
}

export function formatTimeBox(start: number, end: number | null): string {
  if (end === null) return `${formatMinutes(start)}+`;

  if (start % 60 === 0 && end % 60 === 0 && end >= 60) return `${start / 60}–${end / 60} h`;

  return `${start}–${end} min`;
}

function formatMinutes(minutes: number): string {
  if (minutes >= 60 && minutes % 60 === 0) return `${minutes / 60} h`;

  return `${minutes} min`;
}

function plural(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? "" : "s"}`;
}
