import { NextResponse } from "next/server";
import { guardRoute } from "@/app/_lib/route-guard";
import { getPrisma } from "@/lib/db/database";
import { can } from "@/lib/auth/roles";
import { withoutRunOutput } from "@/lib/executors/to-run-view";
import { getIncidentView } from "@/lib/incident/get-incident-view";

export const dynamic = "force-dynamic";

/** The incident's snapshot: steps, plan, recent events and the sequence number they reach. */
export function GET(_request: Request, { params }: { params: Promise<{ id: string }> }) {
  return guardRoute("incident.view", async (user) => {
    const { id } = await params;
    const view = await getIncidentView(getPrisma(), id);
    // Command output is for responders; viewers and stakeholders see runs without it.
    return NextResponse.json(can(user.role, "step.execute") ? view : withoutRunOutput(view));
  });
}
