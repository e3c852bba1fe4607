import type { PrismaClient } from "../db/types";
import { logger } from "../logger";
import { hashPassword, verifyPassword } from "./passwords";

// Hash of a random password, compared against for unknown emails (see below).
let dummyHash: Promise<string> | null = null;

export interface SignedInUser {
  id: string;
  email: string;
  name: string;
  role: string;
}

/** Returns the active user whose email and password match, or null. */
export async function verifyCredentials(prisma: PrismaClient, email: string, password: string): Promise<SignedInUser | null> {
  const user = await prisma.user.findUnique({ where: { email: email.trim().toLowerCase() } });

  // Compare against a fixed hash for unknown users too, so response time does not reveal
  // which email addresses have accounts.
  dummyHash ??= hashPassword(crypto.randomUUID());
  const hash = user?.passwordHash ?? (await dummyHash);
  const valid = await verifyPassword(password, hash);

  if (!user || !valid || !user.active) {
    logger.info({ email: email.trim().toLowerCase(), reason: !user ? "unknown user" : !user.active ? "inactive" : "wrong password" }, "sign-in rejected");
    return null;
  }
  return { id: user.id, email: user.email, name: user.name, role: user.role };
}
