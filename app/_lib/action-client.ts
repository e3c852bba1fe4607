import "server-only";
import type { z } from "zod";
import { can, type Permission } from "@/lib/auth/roles";
import { getPrisma } from "@/lib/db/database";
import type { PrismaClient } from "@/lib/db/types";
import { isRunbridgeError, type ErrorCode } from "@/lib/errors";
import { logger } from "@/lib/logger";
import { getCurrentUser, type CurrentUser } from "./session";

export type ActionResult<T> = { ok: true; data: T } | { ok: false; error: { code: ErrorCode; message: string; details?: unknown } };

export interface ActionContext {
  user: CurrentUser;
  prisma: PrismaClient;
}

interface ActionDefinition<Schema extends z.ZodType> {
  /** Name used in logs. */
  name: string;
  permission: Permission;
  schema: Schema;
}

/**
 * Builds a server action that loads the session, checks the permission, validates the input
 * and maps domain errors to messages the UI shows as they are. Every server action is built
 * with it, so none can skip a step.
 */
export function defineAction<Schema extends z.ZodType, Output>(
  definition: ActionDefinition<Schema>,
  handler: (input: z.output<Schema>, context: ActionContext) => Promise<Output>,
): (input: z.input<Schema>) => Promise<ActionResult<Output>> {
  return async (rawInput) => {
    let user: CurrentUser | null;
    try {
      user = await getCurrentUser();
    } catch (error) {
      // Loading the session reads the user from the database, so a database outage lands here.
      logger.error({ err: error, action: definition.name }, "loading the session failed");
      return fail("INTERNAL", SERVER_FAILURE_MESSAGE);
    }
    if (!user) {
      return fail("UNAUTHENTICATED", "Your session has ended or your account was deactivated: sign in again.");
    }

    if (!can(user.role, definition.permission)) {
      logger.warn({ action: definition.name, userId: user.id, role: user.role }, "action denied");
      return fail("FORBIDDEN", `Your role (${user.role}) may not do this.`);
    }

    const parsed = definition.schema.safeParse(rawInput);
    if (!parsed.success) {
      const message = parsed.error.issues.map((issue) => (issue.path.length ? `${issue.path.join(".")}: ${issue.message}` : issue.message)).join(" ");
      return fail("INVALID_INPUT", message);
    }

    try {
      return { ok: true, data: await handler(parsed.data, { user, prisma: getPrisma() }) };
    } catch (error) {
      if (isRunbridgeError(error)) {
        return fail(error.code, error.message, error.details);
      }
      logger.error({ err: error, action: definition.name, userId: user.id }, "action failed");
      return fail("INTERNAL", SERVER_FAILURE_MESSAGE);
    }
  };
}

const SERVER_FAILURE_MESSAGE =
  "The server failed to process the request (it may have lost its database), so nothing was saved. Try again; if it keeps failing, check /api/health/database or tell your admin.";

function fail(code: ErrorCode, message: string, details?: unknown): { ok: false; error: { code: ErrorCode; message: string; details?: unknown } } {
  return { ok: false, error: { code, message, details } };
}
