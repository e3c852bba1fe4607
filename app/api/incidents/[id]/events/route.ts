import { NextResponse, type NextRequest } from "next/server";
import { guardRoute } from "@/app/_lib/route-guard";
import { getPrisma } from "@/lib/db/database";
import { RunbridgeError } from "@/lib/errors";
import { MAX_INT32 } from "@/lib/incident/limits";
import { listEventsAfter } from "@/lib/incident/list-events-after";

export const dynamic = "force-dynamic";

/** Timeline events after ?after=N, in order: how a client fills a gap it noticed. */
export async function GET(request: NextRequest, { params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  return guardRoute({ permission: "incident.view", incidentId: id, operation: "GET /api/incidents/[id]/events" }, async () => {
    const afterText = request.nextUrl.searchParams.get("after") ?? "0";
    const after = Number(afterText);
    if (!Number.isInteger(after) || after < 0 || after > MAX_INT32) {
      throw new RunbridgeError("INVALID_INPUT", `Query parameter "after" must be a whole number from 0 to ${MAX_INT32}; got "${afterText}".`);
    }

    const incident = await getPrisma().incident.findUnique({ where: { id }, select: { id: true } });
    if (!incident) {
      throw new RunbridgeError("NOT_FOUND", `Incident "${id}" was not found.`);
    }
    return NextResponse.json({ events: await listEventsAfter(getPrisma(), id, after) });
  });
}
