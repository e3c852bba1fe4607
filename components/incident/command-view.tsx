"use client";

import { useRouter } from "next/navigation";
import { useEffect, useRef } from "react";
import { changesRolesOf } from "@/lib/incident/changes-roles-of";
import type { IncidentView } from "@/lib/incident/incident-view";
import type { ShareLinkView } from "@/lib/share/share-link-view";
import type { AssignableUser } from "@/lib/incident/load-assignable-user";
import { computeProgress } from "@/lib/incident/progress";
import { formatDuration } from "@/lib/timers/timer-status";
import { useServerNow } from "../use-server-clock";
import { AutomationContext, type AutomationPermissions } from "./automation-context";
import { CommanderLine } from "./commander-line";
import { IncidentRolesPanel } from "./incident-roles-panel";
import { IncidentControls } from "./incident-controls";
import { IncidentStatusLine, type ConnectionStyle } from "./incident-status-line";
import { ObjectivesPanel } from "./objectives-panel";
import { PhaseSection } from "./phase-section";
import { ProgressBar } from "./progress-bar";
import { PublicUpdateForm } from "./public-update-form";
import { ShareLinksPanel } from "./share-links-panel";
import { TimelineList } from "./timeline-list";
import { useIncidentLive, type ConnectionState } from "./use-incident-live";

export interface CommandViewPermissions {
  canRecord: boolean;
  canResolve: boolean;
  canAddNote: boolean;
  canPostUpdate: boolean;
  /** The incident's share links when the user may manage them, else null. */
  shareLinks: ShareLinkView[] | null;
  /** Permission to assign incident roles and steps and to hand over command. */
  canCommand?: boolean;
  automation?: AutomationPermissions;
}

const CONNECTION_LABELS: Record<ConnectionState, ConnectionStyle> = {
  connecting: { label: "Connecting…", className: "bg-slate-200 text-slate-700" },
  live: { label: "Live", className: "bg-emerald-100 text-emerald-800" },
  offline: { label: "Offline — changes will catch up on reconnect", className: "bg-amber-100 text-amber-900" },
};

interface CommandViewProps {
  initial: IncidentView;
  renderedAt: number;
  permissions: CommandViewPermissions;
  /** The people who may get roles, steps or command; empty unless the user may command. */
  assignableUsers?: AssignableUser[];
}

export function CommandView({ initial, renderedAt, permissions, assignableUsers = [] }: CommandViewProps) {
  const { view, connection, liveError, apply, showCurrentStep, shareLinksVersion } = useIncidentLive(initial);
  const nowMs = useServerNow(renderedAt);

  const declaredAtMs = Date.parse(view.declaredAt);
  const resolvedAtMs = view.resolvedAt ? Date.parse(view.resolvedAt) : null;
  const progress = computeProgress(view.steps, view.plan.phases.length);
  const open = view.status === "open";

  const canCommand = Boolean(permissions.canCommand) && open;
  const automation = permissions.automation ?? { userId: "", canExecute: false, canApprove: false, canConfigure: false };
  useControlsFollowRoles(view, automation.userId);

  return (
    <AutomationContext value={automation}>
    <main className="mx-auto max-w-7xl px-6 py-6">
      <div className="mb-6 flex flex-wrap items-start justify-between gap-4">
        <div>
          <IncidentStatusLine
            severityLevel={view.severityLevel}
            severityLabel={view.severityLabel}
            open={open}
            openLabel="Open"
            connectionState={connection}
            connection={CONNECTION_LABELS[connection]}
          />
          <h1 className="mt-2 text-2xl font-semibold">{view.title}</h1>
          <p className="text-sm text-slate-600">
            {view.scenarioTitle} · declared by {view.declaredBy.name} at {new Date(view.declaredAt).toLocaleTimeString()} ·{" "}
            <span data-testid="incident-elapsed" className="tabular-nums">
              {formatDuration((resolvedAtMs ?? nowMs) - declaredAtMs)}
            </span>{" "}
            {open ? "elapsed" : "to resolve"}
          </p>
          <a href={`/incidents/${view.id}/status`} className="mt-1 mr-4 inline-block text-sm font-medium text-blue-700 hover:underline">
            Stakeholder view
          </a>
          <CommanderLine incidentId={view.id} roles={view.roles} canCommand={canCommand} assignableUsers={assignableUsers} onEvents={apply} />
          {!open && (
            <a href={`/incidents/${view.id}/review`} className="mt-1 inline-block text-sm font-medium text-blue-700 hover:underline">
              Open the post-incident review
            </a>
          )}
          {liveError && (
            <p role="alert" className="mt-2 text-sm text-red-700">
              {liveError}
            </p>
          )}
        </div>
        <div className="w-72">
          <ProgressBar completed={progress.completed} total={progress.total} label="Overall progress" />
        </div>
      </div>

      <div className="grid gap-6 lg:grid-cols-[1fr_22rem]">
        <div className="space-y-8">
          {view.plan.phases.map((phase, phaseIndex) => (
            <PhaseSection
              key={phaseIndex}
              incidentId={view.id}
              phaseIndex={phaseIndex}
              phase={phase}
              progress={progress.phases[phaseIndex]}
              steps={view.steps.filter((step) => step.phaseIndex === phaseIndex)}
              declaredAtMs={declaredAtMs}
              nowMs={resolvedAtMs ?? nowMs}
              resolvedAtMs={resolvedAtMs}
              canRecord={permissions.canRecord && open}
              canAssign={canCommand}
              assignableUsers={assignableUsers}
              onEvents={apply}
              onConflict={showCurrentStep}
            />
          ))}
        </div>
        <aside className="space-y-4">
          <ObjectivesPanel objectives={view.plan.objectives} declaredAtMs={declaredAtMs} resolvedAtMs={resolvedAtMs} nowMs={nowMs} />
          {open && (permissions.canResolve || permissions.canAddNote) && (
            <IncidentControls incidentId={view.id} canResolve={permissions.canResolve} canAddNote={permissions.canAddNote} onEvents={apply} />
          )}
          {open && permissions.canPostUpdate && <PublicUpdateForm incidentId={view.id} onEvents={apply} />}
          {permissions.shareLinks && <ShareLinksPanel incidentId={view.id} initialLinks={permissions.shareLinks} changeCount={shareLinksVersion} />}
          <IncidentRolesPanel incidentId={view.id} roles={view.roles} canCommand={canCommand} assignableUsers={assignableUsers} onEvents={apply} />
          <TimelineList events={view.events} />
        </aside>
      </div>
    </main>
    </AutomationContext>
  );
}

/**
 * Reloads the server-computed permissions when an event gives the user an incident role or
 * takes one away, so controls appear or disappear without a page reload.
 */
function useControlsFollowRoles(view: IncidentView, userId: string) {
  const router = useRouter();
  const seenSeq = useRef(view.lastSeq);

  useEffect(() => {
    const fresh = view.events.filter((event) => event.seq > seenSeq.current);
    if (fresh.length === 0) return;
    seenSeq.current = view.lastSeq;
    if (userId && fresh.some((event) => changesRolesOf(event, userId))) router.refresh();
  }, [view.events, view.lastSeq, userId, router]);
}
