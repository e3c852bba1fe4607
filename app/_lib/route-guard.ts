import "server-only";
import { NextResponse } from "next/server";
import { can, type Permission } from "@/lib/auth/roles";
import { isRunbridgeError } from "@/lib/errors";
import { logger } from "@/lib/logger";
import { getCurrentUser, type CurrentUser } from "./session";

const STATUS_BY_CODE: Record<string, number> = {
  INVALID_INPUT: 400,
  NOT_FOUND: 404,
  CONFLICT: 409,
  INVALID_TRANSITION: 409,
  FORBIDDEN: 403,
  UNAUTHENTICATED: 401,
  RATE_LIMITED: 429,
};

/** Runs a route handler only for a signed-in user with the permission; errors become JSON. */
export async function guardRoute(permission: Permission, handler: (user: CurrentUser) => Promise<Response>): Promise<Response> {
  let user: CurrentUser | null;
  try {
    user = await getCurrentUser();
  } catch (error) {
    logger.error({ err: error, permission }, "loading the session failed");
    return NextResponse.json({ error: "The server failed to load your session (it may have lost its database). Try again shortly." }, { status: 503 });
  }
  if (!user) {
    return NextResponse.json({ error: "Not signed in: sign in at /signin." }, { status: 401 });
  }
  if (!can(user.role, permission)) {
    logger.warn({ userId: user.id, permission }, "route denied");
    return NextResponse.json({ error: `Your role (${user.role}) may not do this.` }, { status: 403 });
  }

  try {
    return await handler(user);
  } catch (error) {
    if (isRunbridgeError(error)) {
      return NextResponse.json({ error: error.message, code: error.code }, { status: STATUS_BY_CODE[error.code] ?? 500 });
    }
    logger.error({ err: error, userId: user.id }, "route handler failed");
    return NextResponse.json({ error: "Internal error: nothing was changed. Try again." }, { status: 500 });
  }
}
