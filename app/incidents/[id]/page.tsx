import { notFound } from "next/navigation";
import { AppHeader } from "@/app/_components/app-header";
import { requireUser } from "@/app/_lib/session";
import { CommandView } from "@/components/incident/command-view";
import { can } from "@/lib/auth/roles";
import { getPrisma } from "@/lib/db/database";
import { isRunbridgeError } from "@/lib/errors";
import { withoutRunOutput } from "@/lib/executors/to-run-view";
import { getIncidentView } from "@/lib/incident/get-incident-view";

export const dynamic = "force-dynamic";

export default async function IncidentPage({ params }: { params: Promise<{ id: string }> }) {
  const user = await requireUser();
  const { id } = await params;

  let view;
  try {
    view = await getIncidentView(getPrisma(), id);
    if (!can(user.role, "step.execute")) view = withoutRunOutput(view);
  } catch (error) {
    if (isRunbridgeError(error) && error.code === "NOT_FOUND") notFound();
    throw error;
  }

  return (
    <>
      <AppHeader user={user} />
      <CommandView
        initial={view}
        renderedAt={Date.now()}
        permissions={{
          canRecord: can(user.role, "step.record"),
          canResolve: can(user.role, "incident.resolve"),
          canAddNote: can(user.role, "note.add"),
          automation: {
            userId: user.id,
            canExecute: can(user.role, "step.execute"),
            canApprove: can(user.role, "step.approve"),
            canConfigure: can(user.role, "automation.configure"),
          },
        }}
      />
    </>
  );
}
