import { randomBytes } from "node:crypto";
import type { PrismaClient } from "../db/types";
import { logger } from "../logger";
import { createUser } from "./create-user";

export interface FirstAdmin {
  email: string;
  /** Set only when the password was generated here and must be shown once. */
  generatedPassword: string | null;
}

/**
 * Creates the first admin when there is no user at all, from RUNBRIDGE_ADMIN_EMAIL and
 * RUNBRIDGE_ADMIN_PASSWORD when set, otherwise with a generated password that the caller
 * prints once. Returns null when users already exist.
 */
export async function ensureFirstAdmin(prisma: PrismaClient, env: NodeJS.ProcessEnv = process.env): Promise<FirstAdmin | null> {
  if ((await prisma.user.count()) > 0) {
    return null;
  }

  const email = env.RUNBRIDGE_ADMIN_EMAIL?.trim() || "admin@runbridge.local";
  const configuredPassword = env.RUNBRIDGE_ADMIN_PASSWORD;
  const password = configuredPassword || randomBytes(12).toString("base64url");

  await createUser(prisma, { email, name: "Administrator", password, role: "admin" }, { id: null, email: null, address: null });
  logger.info({ email }, "first admin created");

  return { email, generatedPassword: configuredPassword ? null : password };
}
