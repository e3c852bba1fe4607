import { NextResponse } from "next/server";
import { guardRoute } from "@/app/_lib/route-guard";
import { getPrisma } from "@/lib/db/database";
import { can } from "@/lib/auth/roles";
import { withoutRunOutput } from "@/lib/executors/to-run-view";
import { getIncidentView } from "@/lib/incident/get-incident-view";

export const dynamic = "force-dynamic";

/** The incident's snapshot: steps, plan, recent events and the sequence number they reach. */
export async function GET(_request: Request, { params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  return guardRoute({ permission: "incident.view", incidentId: id, operation: "GET /api/incidents/[id]" }, async (user) => {
    const view = await getIncidentView(getPrisma(), id);
    // Command output is for responders; viewers and stakeholders see runs without it.
    return NextResponse.json(can(user.role, "step.execute") ? view : withoutRunOutput(view));
  });
}
