import type { Caller } from "../auth/gate";
import { loadSessionUser } from "../auth/load-session-user";
import { readSessionCookie } from "../auth/session-token";
import type { PrismaClient } from "../db/types";
import type { AuthenticateSocket } from "./socket-server";

/** Resolves a socket handshake's session cookie to the signed-in user, or to an anonymous caller. */
export function createSocketAuthenticator(prisma: PrismaClient, authSecret: string): AuthenticateSocket {
  return async ({ cookie, address }): Promise<Caller> => {
    const claims = await readSessionCookie(cookie, authSecret);
    const user = claims ? await loadSessionUser(prisma, claims) : null;
    return user ? { kind: "user", user, address } : { kind: "anonymous", address };
  };
}
