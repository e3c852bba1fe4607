"use client";

import { useState } from "react";
import { handOverCommandAction } from "@/app/incidents/_actions/hand-over-command";
import type { TimelineEvent } from "@/lib/incident/events";
import type { IncidentRoleHolder } from "@/lib/incident/incident-view";
import type { AssignableUser } from "@/lib/incident/load-assignable-user";
import { useCommandAction } from "./use-command-action";

interface CommanderLineProps {
  incidentId: string;
  roles: IncidentRoleHolder[];
  /** True when the user may hand over command, which also needs an open incident. */
  canCommand: boolean;
  assignableUsers: AssignableUser[];
  onEvents: (events: TimelineEvent[]) => void;
}

/** Names the incident commander and, for users who command the incident, hands command to someone else. */
export function CommanderLine({ incidentId, roles, canCommand, assignableUsers, onEvents }: CommanderLineProps) {
  const { pending, error, run } = useCommandAction(onEvents);
  const [toUserId, setToUserId] = useState("");
  const commanders = roles.filter((holder) => holder.role === "incident_commander").map((holder) => holder.user);
  const candidates = assignableUsers.filter((user) => !commanders.some((commander) => commander.id === user.id));

  return (
    <div className="mt-1 text-sm">
      <p data-testid="incident-commander" className="font-medium text-slate-800">
        Commander: {commanders.length > 0 ? commanders.map((commander) => commander.name).join(", ") : "none assigned"}
      </p>
      {canCommand && (
        <form
          aria-label="Hand over command"
          onSubmit={(event) => {
            event.preventDefault();
            run(() => handOverCommandAction({ incidentId, toUserId, expectedCommanderIds: commanders.map((commander) => commander.id) }), () => setToUserId(""));
          }}
          className="mt-1 flex flex-wrap items-center gap-2"
        >
          <select
            value={toUserId}
            onChange={(event) => setToUserId(event.target.value)}
            aria-label="New incident commander"
            className="rounded-md border border-slate-300 px-2 py-1"
          >
            <option value="">Choose the new commander</option>
            {candidates.map((user) => (
              <option key={user.id} value={user.id}>
                {user.name}
              </option>
            ))}
          </select>
          <button type="submit" disabled={pending || !toUserId} className="rounded-md border border-slate-300 px-3 py-1 font-medium hover:bg-slate-100 disabled:opacity-50">
            Hand over command
          </button>
        </form>
      )}
      {error && (
        <p role="alert" className="mt-1 rounded-md bg-red-50 px-3 py-2 text-red-800">
          {error}
        </p>
      )}
    </div>
  );
}
