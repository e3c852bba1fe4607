import { NextResponse } from "next/server";
import { findDatabase } from "@/lib/db/database";
import { logger } from "@/lib/logger";

export const dynamic = "force-dynamic";

const PING_TIMEOUT_MS = 3000;

/** Readiness of the database: 200 when a query succeeds, 503 with the reason otherwise. */
export async function GET() {
  const database = findDatabase();
  if (!database) {
    return NextResponse.json({ status: "unavailable", reason: "The database is not open yet." }, { status: 503 });
  }

  const startedAt = performance.now();
  try {
    await Promise.race([
      database.ping(),
      new Promise((_, reject) => setTimeout(() => reject(new Error(`timed out after ${PING_TIMEOUT_MS} ms`)), PING_TIMEOUT_MS)),
    ]);
    return NextResponse.json({ status: "ok", kind: database.kind, latencyMs: Math.round(performance.now() - startedAt) });
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    logger.error({ err: error, kind: database.kind }, "database health check failed");
    return NextResponse.json({ status: "unavailable", kind: database.kind, reason: `Database query failed: ${reason}` }, { status: 503 });
  }
}
