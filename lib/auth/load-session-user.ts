import type { Db } from "../db/types";
import type { SessionClaims } from "./session-token";

export interface SessionUser {
  id: string;
  email: string;
  name: string;
  role: string;
}

/**
 * Loads the user a session cookie names, or null when the user is gone, deactivated, or
 * ended their sessions after this cookie was issued (the session version moved on).
 * Every request and every socket event calls it, so such a cookie stops working at once.
 */
export async function loadSessionUser(db: Db, claims: SessionClaims): Promise<SessionUser | null> {
  const user = await db.user.findUnique({
    where: { id: claims.userId },
    select: { id: true, email: true, name: true, role: true, active: true, sessionVersion: true },
  });
  if (!user || !user.active || user.sessionVersion !== claims.sessionVersion) return null;
  return { id: user.id, email: user.email, name: user.name, role: user.role };
}
