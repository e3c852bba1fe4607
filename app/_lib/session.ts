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
import { resolveShareToken } from "@/lib/share/resolve-share-token";

/** Header that carries a share link's token on requests from the stakeholder page. */
export const SHARE_TOKEN_HEADER = "x-runbridge-share-token";

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

/**
 * The caller of this request for the gate in lib/auth/gate.ts: the signed-in user, else the
 * share link whose token the request carries, else an anonymous caller.
 */
export async function getCaller(): Promise<Caller> {
  const requestHeaders = await headers();
  const address = readClientAddress(requestHeaders);
  const user = await getCurrentUser();
  if (user) return { kind: "user", user, address };

  const token = requestHeaders.get(SHARE_TOKEN_HEADER);
  if (!token) return { kind: "anonymous", address };
  return (await resolveShareToken(getPrisma(), token, address)) ?? { kind: "anonymous", address, shareLinkRejected: true };
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
