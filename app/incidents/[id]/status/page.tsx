import { notFound } from "next/navigation";
import { AppHeader } from "@/app/_components/app-header";
import { pageAllows, requireUser } from "@/app/_lib/session";
import { StakeholderStatus } from "@/components/stakeholder/stakeholder-status";
import { getPrisma } from "@/lib/db/database";
import { isRunbridgeError } from "@/lib/errors";
import { getStakeholderView } from "@/lib/incident/get-stakeholder-view";

export const dynamic = "force-dynamic";

/** Renders the stakeholder view for signed-in users: what a share link shows, with names. */
export default async function IncidentStatusPage({ params }: { params: Promise<{ id: string }> }) {
  const user = await requireUser();
  const { id } = await params;
  if (!(await pageAllows(user, "incident.watch", "page /incidents/[id]/status", id))) notFound();

  let view;
  try {
    view = await getStakeholderView(getPrisma(), id, { showNames: true });
  } catch (error) {
    if (isRunbridgeError(error) && error.code === "NOT_FOUND") notFound();
    throw error;
  }

  return (
    <>
      <AppHeader user={user} />
      <StakeholderStatus initial={view} shareToken={null} />
    </>
  );
}
