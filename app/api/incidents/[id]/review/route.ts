import { NextResponse } from "next/server";
import { guardRoute } from "@/app/_lib/route-guard";
import { getPrisma } from "@/lib/db/database";
import { loadReview } from "@/lib/review/load-review";

export const dynamic = "force-dynamic";

/** Returns the review of a resolved incident: its stored facts and the metrics computed from them. */
export function GET(_request: Request, { params }: { params: Promise<{ id: string }> }) {
  return guardRoute("review.view", async () => {
    const { id } = await params;
    return NextResponse.json(await loadReview(getPrisma(), id));
  });
}
