import { NextResponse } from "next/server";
import { guardCallerRoute } from "@/app/_lib/route-guard";
import { getCaller } from "@/app/_lib/session";
import { getPrisma } from "@/lib/db/database";
import { getStakeholderView } from "@/lib/incident/get-stakeholder-view";

export const dynamic = "force-dynamic";

/**
 * Returns the incident's stakeholder view to signed-in users and for share-link visitors who send
 * their token in the x-runbridge-share-token header.
 */
export async function GET(_request: Request, { params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  return guardCallerRoute({ permission: "incident.watch", incidentId: id, operation: "GET /api/incidents/[id]/status" }, getCaller, async (caller) => {
    const view = await getStakeholderView(getPrisma(), id, { showNames: caller.kind === "share" ? caller.showNames : true });
    return NextResponse.json(view, { headers: { "Cache-Control": "no-store" } });
  });
}
