import { NextResponse } from "next/server";

export const dynamic = "force-dynamic";

/** Liveness: the process serves requests. Open to everyone, reveals nothing. */
export function GET() {
  return NextResponse.json({ status: "ok", uptimeSeconds: Math.round(process.uptime()) });
}
