import "server-only";
import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { auth } from "@/app/auth";
import { readClientAddress } from "@/lib/auth/client-address";
import { authorize, type Caller } from "@/lib/auth/gate";
import { loadSessionUser, type SessionUser } from "@/lib/auth/load-session-user";
import type { Permission } from "@/lib/auth/roles";
import { getPrisma } from "@/lib/db/database";
import { isRunbridgeError } from "@/lib/errors";

export type CurrentUser = SessionUser;

/**
 * Loads the signed-in, active user for this request, or null, also when the user ended
 * their sessions after this cookie was issued.
 */
export async function getCurrentUser(): Promise<CurrentUser | null> {
  const session = await auth();
  const userId = session?.user?.id;
  if (!userId) return null;

  const sessionVersion = (session.user as { sessionVersion?: number }).sessionVersion ?? -1;
  return loadSessionUser(getPrisma(), { userId, sessionVersion });
}

/** The caller of this request for the gate in lib/auth/gate.ts: a user or nobody. */
export async function getCaller(): Promise<Caller> {
  const address = readClientAddress(await headers());
  const user = await getCurrentUser();
  return user ? { kind: "user", user, address } : { kind: "anonymous", address };
}

/** For pages: the signed-in user, or a redirect to the sign-in page. */
export async function requireUser(): Promise<CurrentUser> {
  const user = await getCurrentUser();
  if (!user) redirect("/signin");
  return user;
}

/**
 * For pages: true when the user passes the gate in lib/auth/gate.ts for the permission (on
 * the incident, when given). A denial is recorded in the audit log like any other.
 */
export async function pageAllows(user: CurrentUser, permission: Permission, operation: string, incidentId: string | null = null): Promise<boolean> {
  try {
    await authorize(getPrisma(), { kind: "user", user, address: readClientAddress(await headers()) }, { permission, incidentId, operation });
    return true;
  } catch (error) {
    if (isRunbridgeError(error)) return false;
    throw error;
  }
}
