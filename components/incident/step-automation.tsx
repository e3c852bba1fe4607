"use client";

import { useState, useTransition } from "react";
import { cancelStepRunAction } from "@/app/incidents/_actions/cancel-step-run";
import { configureStepAction } from "@/app/incidents/_actions/configure-step";
import { decideStepApprovalAction } from "@/app/incidents/_actions/decide-step-approval";
import { requestStepApprovalAction } from "@/app/incidents/_actions/request-step-approval";
import { runStepAction } from "@/app/incidents/_actions/run-step";
import type { ActionResult } from "@/app/_lib/action-client";
import { describeBackupFreshness, describeCommand, describeDatabaseCheck, describeHttpCheck } from "@/lib/executors/describe-step";
import { isAutomated, isStepKind, parseStepParams, STEP_KIND_LABELS, type StepKind } from "@/lib/executors/step-kinds";
import type { TimelineEvent } from "@/lib/incident/events";
import type { RunView, StepView } from "@/lib/incident/step-view";
import { useAutomationPermissions } from "./automation-context";
import { StepKindEditor } from "./step-kind-editor";

const RUN_STATUS_STYLES: Record<RunView["status"], string> = {
  running: "bg-blue-100 text-blue-800",
  succeeded: "bg-emerald-100 text-emerald-800",
  failed: "bg-red-100 text-red-800",
  cancelled: "bg-slate-200 text-slate-700",
  interrupted: "bg-amber-100 text-amber-900",
};

interface StepAutomationProps {
  incidentId: string;
  step: StepView;
  /** False once the incident is resolved. */
  open: boolean;
  onEvents: (events: TimelineEvent[]) => void;
  /** Receives the step as it is now when another responder changed it first. */
  onConflict: (current: StepView) => void;
}

/** Shows the automated part of a step card: what runs, Run and Cancel, approval, output and settings. */
export function StepAutomation({ incidentId, step, open, onEvents, onConflict }: StepAutomationProps) {
  const permissions = useAutomationPermissions();
  const [pending, startTransition] = useTransition();
  const [error, setError] = useState<string | null>(null);
  const kind: StepKind = isStepKind(step.kind) ? step.kind : "manual";
  const running = step.lastRun?.status === "running";
  const approval = step.approval;
  const approved = !step.dangerous || approval?.status === "approved";

  function call<T extends { events: TimelineEvent[] }>(action: () => Promise<ActionResult<T>>) {
    setError(null);
    startTransition(async () => {
      let result: ActionResult<T>;
      try {
        result = await action();
      } catch {
        setError("The server could not be reached, so nothing was done. Check your connection and try again.");
        return;
      }
      if (result.ok) {
        onEvents(result.data.events);
        return;
      }
      setError(result.error.message);
      const current = (result.error.details as { step?: StepView } | undefined)?.step;
      if (result.error.code === "CONFLICT" && current) onConflict(current);
    });
  }

  const summary = describeParams(kind, step.params);
  const showSection = kind !== "manual" || step.dangerous || permissions.canConfigure;
  if (!showSection) return null;

  return (
    <div data-testid="step-automation" className="mt-3 space-y-2">
      <div className="flex flex-wrap items-center gap-2 text-xs">
        {kind !== "manual" && <span className="rounded bg-indigo-100 px-2 py-0.5 font-semibold text-indigo-800">{STEP_KIND_LABELS[kind]}</span>}
        {step.dangerous && <span data-testid="dangerous-badge" className="rounded bg-red-600 px-2 py-0.5 font-semibold text-white">Dangerous: needs a second commander&apos;s approval</span>}
        {summary && <code className="break-all text-slate-700">{summary}</code>}
      </div>

      {step.dangerous && (
        <div data-testid="approval" data-status={approval?.status ?? "none"} className="rounded-md border border-amber-300 bg-amber-50 px-3 py-2 text-sm">
          {!approval && <p>Not approved yet.</p>}
          {approval?.status === "requested" && (
            <p>
              Approval requested by {approval.requestedBy.name} at {new Date(approval.requestedAt).toLocaleTimeString()}
              {approval.note ? ` — “${approval.note}”` : ""}. Waiting for a second commander.
            </p>
          )}
          {approval?.status === "approved" && (
            <p className="text-emerald-800">
              Approved by {approval.decidedBy?.name} (requested by {approval.requestedBy.name}){approval.note ? ` — “${approval.note}”` : ""}.
            </p>
          )}
          {approval?.status === "rejected" && (
            <p className="text-red-800">
              Rejected by {approval.decidedBy?.name}
              {approval.note ? ` — “${approval.note}”` : ""}.
            </p>
          )}
          {open && (
            <div className="mt-2 flex flex-wrap gap-2">
              {permissions.canExecute && (!approval || approval.status === "rejected") && (
                <button type="button" disabled={pending} onClick={() => call(() => requestStepApprovalAction({ incidentId, stepId: step.id }))} className={BUTTON}>
                  Request approval
                </button>
              )}
              {permissions.canApprove && approval?.status === "requested" && approval.requestedBy.id !== permissions.userId && (
                <>
                  <button type="button" disabled={pending} onClick={() => call(() => decideStepApprovalAction({ incidentId, stepId: step.id, decision: "approve" }))} className={BUTTON}>
                    Approve
                  </button>
                  <button type="button" disabled={pending} onClick={() => call(() => decideStepApprovalAction({ incidentId, stepId: step.id, decision: "reject" }))} className={BUTTON}>
                    Reject
                  </button>
                </>
              )}
            </div>
          )}
        </div>
      )}

      {open && permissions.canExecute && isAutomated(kind) && (
        <div className="flex flex-wrap gap-2">
          {!running && (
            <button
              type="button"
              disabled={pending || !approved}
              title={approved ? undefined : "A second commander must approve this step first."}
              onClick={() => call(() => runStepAction({ incidentId, stepId: step.id, expectedVersion: step.version }))}
              className="rounded-md bg-slate-900 px-3 py-1 text-sm font-medium text-white hover:bg-slate-700 disabled:opacity-50"
            >
              Run
            </button>
          )}
          {running && (
            <button type="button" disabled={pending} onClick={() => call(() => cancelStepRunAction({ incidentId, stepId: step.id }))} className={BUTTON}>
              Cancel run
            </button>
          )}
        </div>
      )}

      {open && permissions.canExecute && kind === "evidence" && <EvidenceForm incidentId={incidentId} step={step} onEvents={onEvents} />}

      {step.lastRun && <RunPanel run={step.lastRun} />}

      {open && permissions.canConfigure && <StepSettingsForm key={step.version} incidentId={incidentId} step={step} kind={kind} onSaved={call} />}

      {error && (
        <p role="alert" className="rounded-md bg-red-50 px-3 py-2 text-sm text-red-800">
          {error}
        </p>
      )}
    </div>
  );
}

const BUTTON = "rounded-md border border-slate-300 bg-white px-3 py-1 text-sm font-medium hover:bg-slate-100 disabled:opacity-50";

function describeParams(kind: StepKind, params: unknown): string | null {
  if (kind === "http_check") {
    const parsed = parseStepParams("http_check", params);
    return parsed.ok ? describeHttpCheck(parsed.params) : null;
  }
  if (kind === "command") {
    const parsed = parseStepParams("command", params);
    return parsed.ok ? describeCommand(parsed.params) : null;
  }
  if (kind === "database_check") {
    const parsed = parseStepParams("database_check", params);
    return parsed.ok ? describeDatabaseCheck(parsed.params) : null;
  }
  if (kind === "backup_freshness") {
    const parsed = parseStepParams("backup_freshness", params);
    return parsed.ok ? describeBackupFreshness(parsed.params) : null;
  }
  return null;
}

function RunPanel({ run }: { run: RunView }) {
  return (
    <div data-testid="run" data-status={run.status} className="overflow-hidden rounded-md border border-slate-200">
      <div className="flex flex-wrap items-center gap-2 bg-slate-50 px-3 py-1 text-xs">
        <span data-testid="run-status" className={`rounded px-2 py-0.5 font-semibold ${RUN_STATUS_STYLES[run.status]}`}>
          {run.status}
        </span>
        <span className="text-slate-600">
          started by {run.startedBy.name} at {new Date(run.startedAt).toLocaleTimeString()}
        </span>
        {run.verdict && (
          <span data-testid="run-verdict" className="font-medium text-slate-800">
            {run.verdict}
          </span>
        )}
      </div>
      {run.output && (
        <pre data-testid="run-output" className="max-h-72 overflow-auto bg-slate-950 px-3 py-2 text-xs leading-relaxed whitespace-pre-wrap text-slate-100">
          {run.output}
        </pre>
      )}
      {run.outputTruncated && <p className="px-3 py-1 text-xs text-amber-800">Output was cut at the size limit; {run.outputBytes} bytes were printed in all.</p>}
    </div>
  );
}

function EvidenceForm({ incidentId, step, onEvents }: { incidentId: string; step: StepView; onEvents: (events: TimelineEvent[]) => void }) {
  const [log, setLog] = useState("");
  const [files, setFiles] = useState<FileList | null>(null);
  const [inputKey, setInputKey] = useState(0);
  const [pending, startTransition] = useTransition();
  const [stored, setStored] = useState<Extract<TimelineEvent, { type: "evidence.preserved" }>["payload"][]>([]);
  const [error, setError] = useState<string | null>(null);

  function upload() {
    const form = new FormData();
    for (const file of Array.from(files ?? [])) form.append("file", file);
    if (log.trim()) form.append("log", log);
    setError(null);
    startTransition(async () => {
      let response: Response;
      try {
        response = await fetch(`/api/incidents/${incidentId}/steps/${step.id}/evidence`, { method: "POST", body: form });
      } catch {
        setError("The server could not be reached, so nothing was stored. Check your connection and try again.");
        return;
      }
      const body = (await response.json().catch(() => ({}))) as { events?: TimelineEvent[]; error?: string };
      if (!response.ok || !body.events) {
        setError(body.error ?? `Storing the evidence failed with HTTP ${response.status}.`);
        return;
      }
      onEvents(body.events);
      setStored(body.events.flatMap((event) => (event.type === "evidence.preserved" ? [event.payload] : [])));
      setLog("");
      setFiles(null);
      setInputKey((key) => key + 1);
    });
  }

  return (
    <div data-testid="evidence-form" className="space-y-2 rounded-md border border-slate-200 p-3 text-sm">
      <input key={inputKey} type="file" multiple aria-label={`Evidence files for ${step.title}`} onChange={(event) => setFiles(event.target.files)} />
      <textarea
        aria-label={`Pasted log for ${step.title}`}
        value={log}
        onChange={(event) => setLog(event.target.value)}
        rows={3}
        placeholder="Paste a log to preserve it as a text file"
        className="w-full rounded border border-slate-300 px-2 py-1 font-mono text-xs"
      />
      <button type="button" disabled={pending} onClick={upload} className={BUTTON}>
        Preserve evidence
      </button>
      {stored.length > 0 && (
        <ul data-testid="evidence-stored" className="space-y-1 text-xs text-slate-700">
          {stored.map((object) => (
            <li key={object.key} className="break-all">
              s3://{object.bucket}/{object.key} · {object.size} bytes · SHA-256 {object.sha256}
            </li>
          ))}
        </ul>
      )}
      {error && (
        <p role="alert" className="rounded-md bg-red-50 px-3 py-2 text-red-800">
          {error}
        </p>
      )}
    </div>
  );
}

function StepSettingsForm({
  incidentId,
  step,
  kind,
  onSaved,
}: {
  incidentId: string;
  step: StepView;
  kind: StepKind;
  onSaved: (action: () => Promise<ActionResult<{ events: TimelineEvent[] }>>) => void;
}) {
  return (
    <details className="rounded-md border border-dashed border-slate-300 px-3 py-2 text-sm">
      <summary className="cursor-pointer text-slate-600">Step settings (admin)</summary>
      <StepKindEditor
        title={step.title}
        initial={{ kind, params: step.params, dangerous: step.dangerous }}
        onSave={(value) => onSaved(() => configureStepAction({ incidentId, stepId: step.id, expectedVersion: step.version, ...value }))}
      />
    </details>
  );
}
