"use client";

import { useState, useTransition } from "react";
import { saveAutomationSettingsAction } from "@/app/admin/_actions/save-automation-settings";
import type { AutomationSettings } from "@/lib/executors/automation-settings";

function lines(text: string): string[] {
  return text
    .split("\n")
    .map((line) => line.trim())
    .filter(Boolean);
}

/** Parses "name url" lines into database targets; returns the first bad line's number. */
function parseTargets(text: string): { targets: AutomationSettings["databaseTargets"] } | { badLine: number } {
  const targets: AutomationSettings["databaseTargets"] = [];
  const rows = text.split("\n");
  for (let index = 0; index < rows.length; index += 1) {
    const row = rows[index]!.trim();
    if (!row) continue;
    const [name, url, ...rest] = row.split(/\s+/);
    if (!name || !url || rest.length) return { badLine: index + 1 };
    targets.push({ name, url });
  }
  return { targets };
}

const FIELD = "mt-1 w-full rounded-md border border-slate-300 px-2 py-1 font-mono text-sm";

export function AutomationSettingsForm({ initial }: { initial: AutomationSettings }) {
  const [hosts, setHosts] = useState(initial.httpAllowedHosts.join("\n"));
  const [executables, setExecutables] = useState(initial.commandAllowedExecutables.join("\n"));
  const [targets, setTargets] = useState(initial.databaseTargets.map((target) => `${target.name} ${target.url}`).join("\n"));
  const [s3, setS3] = useState(initial.s3);
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  const [pending, startTransition] = useTransition();

  function save(event: React.FormEvent) {
    event.preventDefault();
    const parsedTargets = parseTargets(targets);
    if ("badLine" in parsedTargets) {
      setMessage({ ok: false, text: `Database targets line ${parsedTargets.badLine} must be "name url", for example "orders postgresql://checker:$ORDERS_PASSWORD@db.internal/orders".` });
      return;
    }
    startTransition(async () => {
      const result = await saveAutomationSettingsAction({
        httpAllowedHosts: lines(hosts),
        commandAllowedExecutables: lines(executables),
        databaseTargets: parsedTargets.targets,
        s3,
      });
      setMessage(result.ok ? { ok: true, text: "Saved." } : { ok: false, text: result.error.message });
    });
  }

  return (
    <form onSubmit={save} className="mt-6 space-y-5 rounded-lg border border-slate-200 bg-white p-4">
      <label className="block">
        <span className="font-medium">HTTP check hosts</span>
        <span className="block text-sm text-slate-600">One host name or IP address per line. Link-local and cloud metadata addresses are refused even when listed.</span>
        <textarea aria-label="HTTP check hosts" value={hosts} onChange={(event) => setHosts(event.target.value)} rows={3} className={FIELD} />
      </label>
      <label className="block">
        <span className="font-medium">Command executables</span>
        <span className="block text-sm text-slate-600">One absolute path per line. Commands run without a shell, with arguments as given.</span>
        <textarea aria-label="Command executables" value={executables} onChange={(event) => setExecutables(event.target.value)} rows={3} className={FIELD} />
      </label>
      <label className="block">
        <span className="font-medium">Database check targets</span>
        <span className="block text-sm text-slate-600">
          One target per line: a name, a space, a PostgreSQL connection URL. Write passwords as <code>$NAME</code> secret references.
        </span>
        <textarea aria-label="Database check targets" value={targets} onChange={(event) => setTargets(event.target.value)} rows={3} className={FIELD} />
      </label>
      <fieldset className="grid gap-3 sm:grid-cols-2">
        <legend className="font-medium">S3 for backup freshness and evidence</legend>
        <label className="text-sm">
          Endpoint (empty for AWS S3)
          <input aria-label="S3 endpoint" value={s3.endpoint} onChange={(event) => setS3({ ...s3, endpoint: event.target.value })} className={FIELD} />
        </label>
        <label className="text-sm">
          Region
          <input aria-label="S3 region" value={s3.region} onChange={(event) => setS3({ ...s3, region: event.target.value })} className={FIELD} />
        </label>
        <label className="text-sm">
          Backup bucket
          <input aria-label="Backup bucket" value={s3.backupBucket} onChange={(event) => setS3({ ...s3, backupBucket: event.target.value })} className={FIELD} />
        </label>
        <label className="text-sm">
          Evidence bucket
          <input aria-label="Evidence bucket" value={s3.evidenceBucket} onChange={(event) => setS3({ ...s3, evidenceBucket: event.target.value })} className={FIELD} />
        </label>
        <label className="flex items-center gap-2 text-sm">
          <input type="checkbox" checked={s3.forcePathStyle} onChange={(event) => setS3({ ...s3, forcePathStyle: event.target.checked })} />
          Path-style addressing (S3-compatible servers)
        </label>
      </fieldset>
      <div className="flex items-center gap-3">
        <button type="submit" disabled={pending} className="rounded-md bg-slate-900 px-4 py-1.5 text-sm font-medium text-white disabled:opacity-50">
          Save settings
        </button>
        {message && (
          <p role={message.ok ? "status" : "alert"} className={message.ok ? "text-sm text-emerald-700" : "text-sm text-red-800"}>
            {message.text}
          </p>
        )}
      </div>
    </form>
  );
}
