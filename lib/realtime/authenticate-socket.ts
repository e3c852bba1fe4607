import type { Caller } from "../auth/gate";
import { loadSessionUser } from "../auth/load-session-user";
import { readSessionCookie } from "../auth/session-token";
import type { PrismaClient } from "../db/types";
import { resolveShareToken } from "../share/resolve-share-token";
import type { AuthenticateSocket } from "./socket-server";

/**
 * Resolves a socket handshake to the share link of its token when it carries one, else to the
 * signed-in user of its session cookie, else to an anonymous caller.
 */
export function createSocketAuthenticator(prisma: PrismaClient, authSecret: string): AuthenticateSocket {
  return async ({ cookie, shareToken, address }): Promise<Caller> => {
    // The share page sends the token even when its visitor is signed in. The token decides, so
    // the page shows what the link allows and ends when the link is revoked.
    if (shareToken) return (await resolveShareToken(prisma, shareToken, address)) ?? { kind: "anonymous", address };

    const claims = await readSessionCookie(cookie, authSecret);
    const user = claims ? await loadSessionUser(prisma, claims) : null;
    return user ? { kind: "user", user, address } : { kind: "anonymous", address };
  };
}
