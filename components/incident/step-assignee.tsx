"use client";

import { assignStepAction } from "@/app/incidents/_actions/assign-step";
import type { TimelineEvent } from "@/lib/incident/events";
import type { AssignableUser } from "@/lib/incident/load-assignable-user";
import type { StepView } from "@/lib/incident/step-view";
import { useCommandAction } from "./use-command-action";

interface StepAssigneeProps {
  incidentId: string;
  step: StepView;
  /** True when the user may assign the step, which also needs an open incident. */
  canAssign: boolean;
  assignableUsers: AssignableUser[];
  onEvents: (events: TimelineEvent[]) => void;
  /** Receives the step as it is now after someone else changed it first. */
  onConflict: (current: StepView) => void;
}

/** Shows who a step is assigned to and, for users who command the incident, a picker to change it. */
export function StepAssignee({ incidentId, step, canAssign, assignableUsers, onEvents, onConflict }: StepAssigneeProps) {
  const { pending, error, run } = useCommandAction(onEvents, onConflict);
  const { assignee } = step;
  // An assignee deactivated since is no longer assignable, but the picker still shows them.
  const options = assignee && !assignableUsers.some((user) => user.id === assignee.id) ? [assignee, ...assignableUsers] : assignableUsers;

  return (
    <div className="mt-2 flex flex-wrap items-center gap-2 text-sm">
      {assignee && (
        <span data-testid="step-assignee" className="rounded bg-indigo-50 px-2 py-0.5 text-indigo-900">
          Assigned to {assignee.name}
        </span>
      )}
      {canAssign && (
        <select
          value={assignee?.id ?? ""}
          disabled={pending}
          onChange={(event) => {
            const assigneeId = event.target.value || null;
            run(() => assignStepAction({ incidentId, stepId: step.id, expectedVersion: step.version, assigneeId }));
          }}
          aria-label={`Assignee of ${step.title}`}
          className="rounded-md border border-slate-300 px-2 py-0.5 text-xs disabled:opacity-50"
        >
          <option value="">Unassigned</option>
          {options.map((user) => (
            <option key={user.id} value={user.id}>
              {user.name}
            </option>
          ))}
        </select>
      )}
      {error && (
        <p role="alert" className="w-full rounded-md bg-red-50 px-3 py-2 text-red-800">
          {error}
        </p>
      )}
    </div>
  );
}
