import { NextResponse } from "next/server";
import { guardRoute } from "@/app/_lib/route-guard";
import { getPrisma } from "@/lib/db/database";
import { getIncidentView } from "@/lib/incident/get-incident-view";

export const dynamic = "force-dynamic";

/** The incident's snapshot: steps, plan, recent events and the sequence number they reach. */
export function GET(_request: Request, { params }: { params: Promise<{ id: string }> }) {
  return guardRoute("incident.view", async () => {
    const { id } = await params;
    return NextResponse.json(await getIncidentView(getPrisma(), id));
  });
}
