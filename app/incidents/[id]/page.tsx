import { notFound } from "next/navigation";
import { AppHeader } from "@/app/_components/app-header";
import { pageAllows, requireUser } from "@/app/_lib/session";
import { CommandView } from "@/components/incident/command-view";
import { loadIncidentRoles } from "@/lib/auth/gate";
import { canOnIncident } from "@/lib/auth/incident-roles";
import type { Permission } from "@/lib/auth/roles";
import { getPrisma } from "@/lib/db/database";
import { isRunbridgeError } from "@/lib/errors";
import { withoutRunOutput } from "@/lib/executors/to-run-view";
import { getIncidentView } from "@/lib/incident/get-incident-view";
import { listShareLinks } from "@/lib/share/list-share-links";
import { listAssignableUsers } from "@/lib/incident/list-assignable-users";

export const dynamic = "force-dynamic";

export default async function IncidentPage({ params }: { params: Promise<{ id: string }> }) {
  const user = await requireUser();
  const { id } = await params;
  if (!(await pageAllows(user, "incident.view", "page /incidents/[id]", id))) notFound();

  const incidentRoles = await loadIncidentRoles(getPrisma(), id, user.id);
  const allows = (permission: Permission) => canOnIncident(user.role, incidentRoles, permission);

  let view;
  try {
    view = await getIncidentView(getPrisma(), id);
    if (!allows("step.execute")) view = withoutRunOutput(view);
  } catch (error) {
    if (isRunbridgeError(error) && error.code === "NOT_FOUND") notFound();
    throw error;
  }

  const canCommand = allows("incident.command");
  // Only users who command the incident pick people, so only they receive the user list.
  const assignableUsers = canCommand ? await listAssignableUsers(getPrisma()) : [];

  return (
    <>
      <AppHeader user={user} />
      <CommandView
        initial={view}
        renderedAt={Date.now()}
        assignableUsers={assignableUsers}
        permissions={{
          canRecord: allows("step.record"),
          canResolve: allows("incident.resolve"),
          canAddNote: allows("note.add"),
          canPostUpdate: allows("update.post"),
          shareLinks: allows("share.manage") ? await listShareLinks(getPrisma(), id) : null,
          canCommand,
          automation: {
            userId: user.id,
            canExecute: allows("step.execute"),
            canApprove: allows("step.approve"),
            canConfigure: allows("automation.configure"),
          },
        }}
      />
    </>
  );
}
