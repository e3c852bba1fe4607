import { getToken } from "@auth/core/jwt";

export interface SessionClaims {
  userId: string;
}

/**
 * Reads the next-auth session cookie from a Cookie header and returns the user id in it, or
 * null when the cookie is missing, expired or not signed with this server's AUTH_SECRET.
 * Sockets use it because their handshake carries the same cookie as page requests.
 */
export async function readSessionCookie(cookieHeader: string | undefined, secret: string): Promise<SessionClaims | null> {
  if (!cookieHeader) {
    return null;
  }
  const headers = new Headers({ cookie: cookieHeader });

  // The cookie is named with a __Secure- prefix when the site is served over HTTPS.
  for (const secureCookie of [false, true]) {
    const token = await getToken({ req: { headers }, secret, secureCookie });
    if (token && typeof token.uid === "string") {
      return { userId: token.uid };
    }
  }
  return null;
}
