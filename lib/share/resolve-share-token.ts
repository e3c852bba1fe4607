import type { Caller } from "../auth/gate";
import type { Db } from "../db/types";
import { hashShareToken, looksLikeShareToken } from "./share-token";

export type ShareCaller = Extract<Caller, { kind: "share" }>;

/**
 * Resolves a share token to the caller it stands for, or null when the token is malformed,
 * unknown, revoked or expired. It reads the link on every call, so a revoked link stops
 * working with the next request or socket event.
 */
export async function resolveShareToken(db: Db, token: string | null | undefined, address: string | null = null, nowMs = Date.now()): Promise<ShareCaller | null> {
  if (!token || !looksLikeShareToken(token)) return null;

  const link = await db.shareLink.findUnique({
    where: { tokenHash: hashShareToken(token) },
    select: { id: true, incidentId: true, showNames: true, expiresAt: true, revokedAt: true },
  });
  if (!link || link.revokedAt || link.expiresAt.getTime() <= nowMs) return null;

  return { kind: "share", shareLinkId: link.id, incidentId: link.incidentId, showNames: link.showNames, expiresAtMs: link.expiresAt.getTime(), address };
}
