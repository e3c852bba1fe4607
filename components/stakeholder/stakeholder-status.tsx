"use client";

import type { StakeholderView } from "@/lib/incident/stakeholder-view";
import { formatDuration, phaseTimer } from "@/lib/timers/timer-status";
import { ObjectivesPanel } from "../incident/objectives-panel";
import { ProgressBar } from "../incident/progress-bar";
import { IncidentStatusLine, type ConnectionStyle } from "../incident/incident-status-line";
import { TimerChip } from "../incident/timer-chip";
import { useOffsetClock } from "../use-server-clock";
import { useStakeholderLive, type StakeholderConnection } from "./use-stakeholder-live";

const CONNECTION_LABELS: Record<StakeholderConnection, ConnectionStyle> = {
  connecting: { label: "Connecting…", className: "bg-slate-200 text-slate-700" },
  live: { label: "Live", className: "bg-emerald-100 text-emerald-800" },
  offline: { label: "Offline — the status will refresh on reconnect", className: "bg-amber-100 text-amber-900" },
  ended: { label: "Access ended", className: "bg-red-100 text-red-800" },
};

/**
 * Renders the read-only status page for stakeholders and share-link visitors: severity, status,
 * progress per phase, RTO timers and public updates. It has no controls at all.
 */
export function StakeholderStatus({ initial, shareToken }: { initial: StakeholderView; shareToken: string | null }) {
  const { view, connection, message, clockOffsetMs } = useStakeholderLive(initial, shareToken);
  const nowMs = useOffsetClock(initial.serverNow, clockOffsetMs);

  // Once access ends, the page keeps nothing on screen that a revoked visitor should not see.
  if (connection === "ended") {
    return (
      <main className="mx-auto max-w-3xl px-6 py-16">
        <div role="alert" data-testid="access-ended" className="rounded-lg border border-red-200 bg-red-50 p-6 text-red-900">
          <h1 className="text-lg font-semibold">This status page is no longer available</h1>
          <p className="mt-2 text-sm">{message}</p>
        </div>
      </main>
    );
  }

  const declaredAtMs = Date.parse(view.declaredAt);
  const resolvedAtMs = view.resolvedAt ? Date.parse(view.resolvedAt) : null;
  const open = view.status === "open";
  const endMs = resolvedAtMs ?? nowMs;

  return (
    <main className="mx-auto max-w-5xl px-6 py-6" data-testid="stakeholder-view">
      <div className="mb-6 flex flex-wrap items-start justify-between gap-4">
        <div>
          <IncidentStatusLine
            severityLevel={view.severityLevel}
            severityLabel={view.severityLabel}
            open={open}
            openLabel="Recovery in progress"
            connectionState={connection}
            connection={CONNECTION_LABELS[connection]}
          />
          <h1 className="mt-2 text-2xl font-semibold">{view.title}</h1>
          <p className="text-sm text-slate-600">
            {view.scenarioTitle} · declared at {new Date(view.declaredAt).toLocaleString()} ·{" "}
            <span data-testid="incident-elapsed" className="tabular-nums">
              {formatDuration(endMs - declaredAtMs)}
            </span>{" "}
            {open ? "elapsed" : "to resolve"}
            {view.commander && (
              <>
                {" "}
                · commander <span data-testid="stakeholder-commander">{view.commander}</span>
              </>
            )}
          </p>
          {message && (
            <p role="alert" className="mt-2 text-sm text-red-700">
              {message}
            </p>
          )}
        </div>
        <div className="w-72">
          <ProgressBar completed={view.completed} total={view.total} label="Overall progress" />
        </div>
      </div>

      <div className="grid gap-6 lg:grid-cols-[1fr_20rem]">
        <div className="space-y-6">
          <section aria-labelledby="updates-heading" className="rounded-lg border border-slate-200 bg-white p-4">
            <h2 id="updates-heading" className="mb-3 text-sm font-semibold uppercase tracking-wide text-slate-500">
              Updates
            </h2>
            {view.updates.length === 0 && <p className="text-sm text-slate-500">No update has been posted yet.</p>}
            <ol className="space-y-3">
              {view.updates.map((update) => (
                <li key={update.id} data-testid="public-update" className="border-l-2 border-blue-300 pl-3">
                  <div className="text-xs tabular-nums text-slate-500">
                    {new Date(update.postedAt).toLocaleString()}
                    {update.author && ` · ${update.author}`}
                  </div>
                  <p className="whitespace-pre-wrap text-sm">{update.text}</p>
                </li>
              ))}
            </ol>
          </section>

          <section aria-labelledby="phases-heading" className="space-y-3">
            <h2 id="phases-heading" className="text-sm font-semibold uppercase tracking-wide text-slate-500">
              Recovery phases
            </h2>
            {view.phases.map((phase, index) => {
              const timer = phaseTimer({ declaredAtMs, nowMs: endMs, startMinute: phase.startMinute, endMinute: phase.endMinute, completedAtMs: phase.completedAtMs, resolvedAtMs });
              return (
                <div key={index} data-testid="stakeholder-phase" data-phase-title={phase.title} className="rounded-lg bg-slate-100 px-4 py-3">
                  <div className="flex flex-wrap items-center justify-between gap-2">
                    <h3 className="font-semibold">{phase.title}</h3>
                    <TimerChip status={timer.status} />
                  </div>
                  <div className="mt-2">
                    <ProgressBar completed={phase.completed} total={phase.total} label={`Progress of ${phase.title}`} />
                  </div>
                </div>
              );
            })}
          </section>
        </div>
        <aside>
          <ObjectivesPanel objectives={view.objectives} declaredAtMs={declaredAtMs} resolvedAtMs={resolvedAtMs} nowMs={nowMs} />
        </aside>
      </div>
    </main>
  );
}
