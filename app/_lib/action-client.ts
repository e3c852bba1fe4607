import "server-only";
import type { z } from "zod";
import { authorize, authorizeBeforeInput, type Caller } from "@/lib/auth/gate";
import type { Permission } from "@/lib/auth/roles";
import { getPrisma } from "@/lib/db/database";
import type { PrismaClient } from "@/lib/db/types";
import { isRunbridgeError, type ErrorCode } from "@/lib/errors";
import { logger } from "@/lib/logger";
import { getCaller, type CurrentUser } from "./session";

export type ActionResult<T> = { ok: true; data: T } | { ok: false; error: { code: ErrorCode; message: string; details?: unknown } };

export interface ActionContext {
  user: CurrentUser;
  prisma: PrismaClient;
  /** Network address of the request, for the audit log. */
  address: string | null;
}

interface ActionDefinition<Schema extends z.ZodType> {
  /** Name used in logs and the audit log. */
  name: string;
  permission: Permission;
  schema: Schema;
  /**
   * The incident the action works on, so the caller's roles on it count. By default the
   * validated input's `incidentId` field, when it has one.
   */
  incidentId?: (input: z.output<Schema>) => string | null;
}

/**
 * Builds a server action that loads the session, checks the permission (on the incident the
 * input names), validates the input and maps domain errors to messages the UI shows as they
 * are. Every server action is built with it, so none can skip a step. The permission is
 * checked once before the input is parsed, so a caller who may never do this is denied
 * whatever they send, and again with the incident once the input is valid.
 */
export function defineAction<Schema extends z.ZodType, Output>(
  definition: ActionDefinition<Schema>,
  handler: (input: z.output<Schema>, context: ActionContext) => Promise<Output>,
): (input: z.input<Schema>) => Promise<ActionResult<Output>> {
  const operation = `action ${definition.name}`;

  return async (rawInput) => {
    const prisma = getPrisma();
    let caller: Caller;
    try {
      caller = await getCaller();
      await authorizeBeforeInput(prisma, caller, { permission: definition.permission, operation, claimedIncidentId: readIncidentId(rawInput) });
    } catch (error) {
      if (isRunbridgeError(error)) return fail(error.code, error.message);
      // Loading the session reads the user from the database, so a database outage lands here.
      logger.error({ err: error, action: definition.name }, "loading the session failed");
      return fail("INTERNAL", SERVER_FAILURE_MESSAGE);
    }
    if (caller.kind !== "user") return fail("FORBIDDEN", "Only signed-in users may do this.");
    const { user } = caller;

    const parsed = definition.schema.safeParse(rawInput);
    if (!parsed.success) {
      const message = parsed.error.issues.map((issue) => (issue.path.length ? `${issue.path.join(".")}: ${issue.message}` : issue.message)).join(" ");
      return fail("INVALID_INPUT", message);
    }

    try {
      const incidentId = definition.incidentId ? definition.incidentId(parsed.data) : readIncidentId(parsed.data);
      await authorize(prisma, caller, { permission: definition.permission, incidentId, operation });

      const data = await handler(parsed.data, { user, prisma, address: caller.address ?? null });
      logger.info({ action: definition.name, userId: user.id, incidentId }, "action done");
      return { ok: true, data };
    } catch (error) {
      if (isRunbridgeError(error)) {
        logger.info({ action: definition.name, userId: user.id, code: error.code }, "action rejected");
        return fail(error.code, error.message, error.details);
      }
      logger.error({ err: error, action: definition.name, userId: user.id }, "action failed");
      return fail("INTERNAL", SERVER_FAILURE_MESSAGE);
    }
  };
}

const SERVER_FAILURE_MESSAGE =
  "The server failed to process the request (it may have lost its database), so nothing was saved. Try again; if it keeps failing, check /api/health/database or tell your admin.";

function readIncidentId(input: unknown): string | null {
  if (typeof input === "object" && input !== null && "incidentId" in input) {
    const { incidentId } = input as { incidentId: unknown };
    if (typeof incidentId === "string") return incidentId;
  }
  return null;
}

function fail(code: ErrorCode, message: string, details?: unknown): { ok: false; error: { code: ErrorCode; message: string; details?: unknown } } {
  return { ok: false, error: { code, message, details } };
}
