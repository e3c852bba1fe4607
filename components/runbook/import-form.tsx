"use client";

import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { importRunbookAction } from "@/app/runbooks/_actions/import-runbook";
import { previewRunbookAction } from "@/app/runbooks/_actions/preview-runbook";
import { decodeRunbookFile } from "@/lib/runbook/decode-runbook-file";
import type { RunbookModel } from "@/lib/runbook/model";
import { RunbookPreview } from "./runbook-preview";

export interface ImportTarget {
  id: string;
  title: string;
  slug: string;
  version: number;
}

/**
 * Paste or upload a runbook, preview what the importer reads, and save it as a new runbook or
 * as the next version of one in the library. Files are checked in the browser (size, binary
 * data, UTF-8) before their text is shown.
 */
export function ImportForm({ targets }: { targets: ImportTarget[] }) {
  const router = useRouter();
  const [markdown, setMarkdown] = useState("");
  const [preview, setPreview] = useState<{ model: RunbookModel; source: string } | null>(null);
  const [target, setTarget] = useState("");
  const [error, setError] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();

  function showPreview(text: string) {
    setError(null);
    setNotice(null);
    startTransition(async () => {
      const result = await previewRunbookAction({ markdown: text });

      if (!result.ok) {
        setPreview(null);
        setError(result.error.message);
        return;
      }

      setPreview({ model: result.data, source: text });
      setTarget(matchTarget(targets, result.data.title));
    });
  }

  async function readFile(file: File) {
    const decoded = decodeRunbookFile(new Uint8Array(await file.arrayBuffer()));

    if (!decoded.ok) {
      setPreview(null);
      setError(`${file.name}: ${decoded.message}`);
      return;
    }

    setMarkdown(decoded.text);
    showPreview(decoded.text);
  }

  function save() {
    setError(null);
    startTransition(async () => {
      const result = await importRunbookAction({ markdown: preview?.source ?? markdown, runbookId: target || undefined });

      if (!result.ok) {
        setError(result.error.message);
        return;
      }

      if (!result.data.created) {
        setNotice(`This text is identical to version ${result.data.version}, so no new version was made.`);
        return;
      }

      router.push(`/runbooks/${result.data.runbookId}?saved=${result.data.version}`);
    });
  }

  return (
    <div className="space-y-6">
      <div className="space-y-3 rounded-lg border border-slate-200 bg-white p-4">
        <label className="block">
          <span className="text-sm font-semibold text-slate-800">Upload a Markdown file</span>
          <input
            type="file"
            accept=".md,.markdown,.txt,text/markdown,text/plain"
            className="mt-1 block text-sm"
            onChange={(event) => {
              const file = event.target.files?.[0];
              if (file) void readFile(file);
            }}
          />
        </label>
        <label className="block">
          <span className="text-sm font-semibold text-slate-800">Or paste Markdown</span>
          <textarea
            value={markdown}
            onChange={(event) => setMarkdown(event.target.value)}
            rows={14}
            spellCheck={false}
            placeholder={"# Database runbook\n\n## Scenario: Primary lost\n\n### Immediate actions (0-5 minutes)\n1. Confirm the alert"}
            className="mt-1 w-full rounded-md border border-slate-300 px-3 py-2 font-mono text-sm"
          />
        </label>
        <button
          type="button"
          disabled={pending || markdown.trim() === ""}
          onClick={() => showPreview(markdown)}
          className="rounded-md bg-slate-900 px-4 py-2 font-medium text-white hover:bg-slate-700 disabled:opacity-50"
        >
          {pending && preview === null ? "Reading…" : "Preview"}
        </button>
      </div>

      {error && (
        <p role="alert" className="whitespace-pre-wrap rounded-md bg-red-50 px-3 py-2 text-sm text-red-800">
          {error}
        </p>
      )}
      {notice && (
        <p role="status" className="rounded-md bg-sky-50 px-3 py-2 text-sm text-sky-900">
          {notice}
        </p>
      )}

      {preview && (
        <>
          <RunbookPreview model={preview.model} source={preview.source} />
          <div className="flex flex-wrap items-end gap-3 rounded-lg border border-slate-200 bg-white p-4">
            <label className="block">
              <span className="text-sm font-semibold text-slate-800">Save as</span>
              <select value={target} onChange={(event) => setTarget(event.target.value)} className="mt-1 block rounded-md border border-slate-300 px-3 py-2 text-sm">
                <option value="">A new runbook (or the next version of the runbook with this title)</option>
                {targets.map((candidate) => (
                  <option key={candidate.id} value={candidate.id}>
                    Version {candidate.version + 1} of “{candidate.title}”
                  </option>
                ))}
              </select>
            </label>
            <button
              type="button"
              disabled={pending || preview.model.scenarios.length === 0}
              onClick={save}
              className="rounded-md bg-red-600 px-5 py-2 font-medium text-white hover:bg-red-700 disabled:opacity-50"
            >
              {pending ? "Saving…" : "Save runbook"}
            </button>
            {preview.model.scenarios.length === 0 && <span className="text-sm text-slate-600">A runbook without steps cannot be saved.</span>}
          </div>
        </>
      )}
    </div>
  );
}

/** Picks the runbook whose title matches the preview's, so a re-import becomes its next version. */
function matchTarget(targets: ImportTarget[], title: string): string {
  const normalized = title.trim().toLowerCase();

  return targets.find((candidate) => candidate.title.trim().toLowerCase() === normalized)?.id ?? "";
}
