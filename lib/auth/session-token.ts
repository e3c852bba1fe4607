import { getToken } from "@auth/core/jwt";

export interface SessionClaims {
  userId: string;
  /** The user's session version when the cookie was issued; see loadSessionUser. */
  sessionVersion: number;
}

/** Reads the user id and session version out of a decoded next-auth JWT, or null. */
export function claimsFromToken(token: Record<string, unknown> | null | undefined): SessionClaims | null {
  if (!token || typeof token.uid !== "string") return null;
  // Cookies issued before session versions existed carry none and match no user.
  return { userId: token.uid, sessionVersion: typeof token.sv === "number" ? token.sv : -1 };
}

/**
 * Reads the next-auth session cookie from a Cookie header and returns its claims, or null
 * when the cookie is missing, expired or not signed with this server's AUTH_SECRET.
 * Sockets use it because their handshake carries the same cookie as page requests.
 */
export async function readSessionCookie(cookieHeader: string | undefined, secret: string): Promise<SessionClaims | null> {
  if (!cookieHeader) {
    return null;
  }
  const headers = new Headers({ cookie: cookieHeader });

  // The cookie is named with a __Secure- prefix when the site is served over HTTPS.
  for (const secureCookie of [false, true]) {
    const claims = claimsFromToken(await getToken({ req: { headers }, secret, secureCookie }));
    if (claims) return claims;
  }
  return null;
}
