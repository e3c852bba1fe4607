import { recordAudit, recordAuditSafely } from "../audit/record-audit";
import type { PrismaClient } from "../db/types";
import { logger } from "../logger";
import { hashPassword, verifyPassword } from "./passwords";
import type { SignInLimiter } from "./sign-in-limiter";

// Hash of a random password, compared against for unknown emails (see below).
let dummyHash: Promise<string> | null = null;

export interface SignedInUser {
  id: string;
  email: string;
  name: string;
  role: string;
  sessionVersion: number;
}

export type SignInOutcome =
  | { ok: true; user: SignedInUser }
  | { ok: false; reason: "invalid" }
  | { ok: false; reason: "rate_limited"; scope: "account" | "address"; retryAfterMs: number };

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
  return { id: user.id, email: user.email, name: user.name, role: user.role, sessionVersion: user.sessionVersion };
}

/**
 * Checks a sign-in attempt against the limiter and the stored password, and records the
 * outcome in the audit log: sign_in, sign_in_failed or sign_in_rate_limited. A blocked
 * attempt is rejected before the password is compared.
 */
export async function signInWithPassword(
  prisma: PrismaClient,
  limiter: SignInLimiter,
  attempt: { email: string; password: string; address: string },
): Promise<SignInOutcome> {
  const email = attempt.email.trim().toLowerCase();

  const block = limiter.check(email, attempt.address);
  if (block) {
    logger.warn({ email, address: attempt.address, scope: block.scope }, "sign-in blocked by the rate limit");
    await recordAuditSafely(prisma, { action: "sign_in_rate_limited", actorEmail: email, address: attempt.address, details: { scope: block.scope } });
    return { ok: false, reason: "rate_limited", ...block };
  }

  const user = await verifyCredentials(prisma, email, attempt.password);
  if (!user) {
    limiter.recordFailure(email, attempt.address);
    await recordAuditSafely(prisma, { action: "sign_in_failed", actorEmail: email, address: attempt.address });
    return { ok: false, reason: "invalid" };
  }

  limiter.recordSuccess(email);
  await recordAudit(prisma, { action: "sign_in", actorId: user.id, actorEmail: user.email, address: attempt.address });
  return { ok: true, user };
}

/** The message a person sees when sign-in is blocked. */
export function describeSignInBlock(scope: "account" | "address", retryAfterMs: number): string {
  const minutes = Math.max(1, Math.ceil(retryAfterMs / 60_000));
  const wait = `wait ${minutes} minute${minutes === 1 ? "" : "s"} and try again`;
  return scope === "account"
    ? `Too many failed sign-ins for this account: ${wait}, or ask an admin to reset your password.`
    : `Too many failed sign-ins from your network address: ${wait}.`;
}
