import { NextResponse } from "next/server";
import { guardRoute } from "@/app/_lib/route-guard";
import { getPrisma } from "@/lib/db/database";
import { loadReview } from "@/lib/review/load-review";

export const dynamic = "force-dynamic";

/** Returns the review of a resolved incident: its stored facts and the metrics computed from them. */
export async function GET(_request: Request, { params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  return guardRoute({ permission: "review.view", incidentId: id, operation: "GET /api/incidents/[id]/review" }, async () =>
    NextResponse.json(await loadReview(getPrisma(), id)),
  );
}
