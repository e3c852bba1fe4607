import type { Caller } from "../auth/gate";
import { loadSessionUser } from "../auth/load-session-user";
import { readSessionCookie } from "../auth/session-token";
import type { PrismaClient } from "../db/types";
import { resolveShareToken } from "../share/resolve-share-token";
import type { AuthenticateSocket } from "./socket-server";

/**
 * Resolves a socket handshake to the signed-in user of its session cookie, else to the share
 * link of its token, else to an anonymous caller.
 */
export function createSocketAuthenticator(prisma: PrismaClient, authSecret: string): AuthenticateSocket {
  return async ({ cookie, shareToken, address }): Promise<Caller> => {
    const claims = await readSessionCookie(cookie, authSecret);
    const user = claims ? await loadSessionUser(prisma, claims) : null;
    if (user) return { kind: "user", user, address };

    const share = shareToken ? await resolveShareToken(prisma, shareToken, address) : null;
    return share ?? { kind: "anonymous", address };
  };
}
