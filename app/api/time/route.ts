import { NextResponse } from "next/server";
import { guardRoute } from "@/app/_lib/route-guard";

export const dynamic = "force-dynamic";

/** Server clock in milliseconds, for the browser's clock-offset estimate. */
export function GET() {
  return guardRoute({ permission: "incident.view", operation: "GET /api/time" }, async () => NextResponse.json({ serverNow: Date.now() }));
}
