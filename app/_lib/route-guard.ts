import "server-only";
import { NextResponse } from "next/server";
import { authorize, type Caller } from "@/lib/auth/gate";
import type { Permission } from "@/lib/auth/roles";
import { getPrisma } from "@/lib/db/database";
import { isRunbridgeError, RunbridgeError } from "@/lib/errors";
import { logger } from "@/lib/logger";
import { getCaller, type CurrentUser } from "./session";

const STATUS_BY_CODE: Record<string, number> = {
  INVALID_INPUT: 400,
  NOT_FOUND: 404,
  CONFLICT: 409,
  INVALID_TRANSITION: 409,
  FORBIDDEN: 403,
  UNAUTHENTICATED: 401,
  RATE_LIMITED: 429,
};

export interface RouteGuard {
  permission: Permission;
  /** The incident the route reads or changes, so the caller's roles on it count. */
  incidentId?: string | null;
  /** Method and path pattern, for logs and the audit log, such as "GET /api/incidents/[id]". */
  operation?: string;
}

/**
 * Runs a route handler only for a signed-in user who passes the gate in lib/auth/gate.ts;
 * errors become JSON with the matching HTTP status.
 */
export function guardRoute(guard: Permission | RouteGuard, handler: (user: CurrentUser) => Promise<Response>): Promise<Response> {
  return guardCallerRoute(guard, getCaller, async (caller) => {
    if (caller.kind !== "user") throw new RunbridgeError("FORBIDDEN", "Only signed-in users may use this route.");
    return handler(caller.user);
  });
}

/**
 * Runs a route handler for any caller that passes the gate, as `loadCaller` resolves it
 * (routes that share links may call resolve their token there).
 */
export async function guardCallerRoute(guard: Permission | RouteGuard, loadCaller: () => Promise<Caller>, handler: (caller: Caller) => Promise<Response>): Promise<Response> {
  const { permission, incidentId = null, operation = `route ${permission}` } = typeof guard === "string" ? { permission: guard } : guard;

  let caller: Caller;
  try {
    caller = await loadCaller();
  } catch (error) {
    logger.error({ err: error, operation }, "loading the session failed");
    return NextResponse.json({ error: "The server failed to load your session (it may have lost its database). Try again shortly." }, { status: 503 });
  }

  try {
    await authorize(getPrisma(), caller, { permission, incidentId, operation });
    return await handler(caller);
  } catch (error) {
    if (isRunbridgeError(error)) {
      return NextResponse.json({ error: error.message, code: error.code }, { status: STATUS_BY_CODE[error.code] ?? 500 });
    }
    logger.error({ err: error, operation, caller: caller.kind }, "route handler failed");
    return NextResponse.json({ error: "Internal error: nothing was changed. Try again." }, { status: 500 });
  }
}
