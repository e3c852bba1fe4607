"use client";

import { useState } from "react";
import { assignIncidentRoleAction } from "@/app/incidents/_actions/assign-incident-role";
import { removeIncidentRoleAction } from "@/app/incidents/_actions/remove-incident-role";
import { INCIDENT_ROLE_LABELS, INCIDENT_ROLES, isIncidentRole, type IncidentRole } from "@/lib/auth/incident-roles";
import { ROLE_LABELS, isRole } from "@/lib/auth/roles";
import type { TimelineEvent } from "@/lib/incident/events";
import type { IncidentRoleHolder } from "@/lib/incident/incident-view";
import type { AssignableUser } from "@/lib/incident/load-assignable-user";
import { useCommandAction } from "./use-command-action";

interface IncidentRolesPanelProps {
  incidentId: string;
  roles: IncidentRoleHolder[];
  /** True when the user may assign and remove roles, which also needs an open incident. */
  canCommand: boolean;
  assignableUsers: AssignableUser[];
  onEvents: (events: TimelineEvent[]) => void;
}

/** Lists the holders of each incident role. Users who command the incident also assign and remove roles here. */
export function IncidentRolesPanel({ incidentId, roles, canCommand, assignableUsers, onEvents }: IncidentRolesPanelProps) {
  const { pending, error, run } = useCommandAction(onEvents);
  const [userId, setUserId] = useState("");
  const [role, setRole] = useState<IncidentRole>("operations");

  return (
    <section aria-labelledby="roles-heading" data-testid="incident-roles" className="rounded-lg border border-slate-200 bg-white p-4">
      <h2 id="roles-heading" className="mb-3 text-sm font-semibold uppercase tracking-wide text-slate-500">
        Incident roles
      </h2>
      <dl className="space-y-2 text-sm">
        {INCIDENT_ROLES.map((incidentRole) => {
          const holders = roles.filter((holder) => holder.role === incidentRole);
          const label = INCIDENT_ROLE_LABELS[incidentRole];
          return (
            <div key={incidentRole} data-testid="incident-role" data-role={incidentRole}>
              <dt className="font-medium">{label}</dt>
              <dd>
                {holders.length === 0 && <span className="text-slate-400">Unassigned</span>}
                <ul>
                  {holders.map((holder) => (
                    <li key={holder.user.id} className="flex items-center justify-between gap-2">
                      <span data-testid="incident-role-holder" data-user-id={holder.user.id}>
                        {holder.user.name}
                      </span>
                      {canCommand && (
                        <button
                          type="button"
                          disabled={pending}
                          onClick={() => run(() => removeIncidentRoleAction({ incidentId, userId: holder.user.id, role: incidentRole }))}
                          aria-label={`Remove ${holder.user.name} as ${label}`}
                          className="rounded border border-slate-300 px-2 py-0.5 text-xs hover:bg-slate-100 disabled:opacity-50"
                        >
                          Remove
                        </button>
                      )}
                    </li>
                  ))}
                </ul>
              </dd>
            </div>
          );
        })}
      </dl>

      {canCommand && (
        <form
          aria-label="Assign incident role"
          onSubmit={(event) => {
            event.preventDefault();
            run(() => assignIncidentRoleAction({ incidentId, userId, role }), () => setUserId(""));
          }}
          className="mt-4 space-y-2 border-t border-slate-200 pt-3 text-sm"
        >
          <label className="block">
            <span className="text-xs text-slate-600">Person</span>
            <select value={userId} onChange={(event) => setUserId(event.target.value)} className="mt-1 w-full rounded-md border border-slate-300 px-2 py-1">
              <option value="">Choose a person</option>
              {assignableUsers.map((user) => (
                <option key={user.id} value={user.id}>
                  {user.name} ({isRole(user.role) ? ROLE_LABELS[user.role] : user.role})
                </option>
              ))}
            </select>
          </label>
          <label className="block">
            <span className="text-xs text-slate-600">Role</span>
            <select
              value={role}
              onChange={(event) => {
                if (isIncidentRole(event.target.value)) setRole(event.target.value);
              }}
              className="mt-1 w-full rounded-md border border-slate-300 px-2 py-1"
            >
              {INCIDENT_ROLES.map((incidentRole) => (
                <option key={incidentRole} value={incidentRole}>
                  {INCIDENT_ROLE_LABELS[incidentRole]}
                </option>
              ))}
            </select>
          </label>
          <button type="submit" disabled={pending || !userId} className="rounded-md border border-slate-300 px-3 py-1 font-medium hover:bg-slate-100 disabled:opacity-50">
            Assign
          </button>
        </form>
      )}

      {error && (
        <p role="alert" className="mt-2 rounded-md bg-red-50 px-3 py-2 text-sm text-red-800">
          {error}
        </p>
      )}
    </section>
  );
}
