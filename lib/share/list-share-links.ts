import type { Db } from "../db/types";
import { toShareLinkView, type ShareLinkView } from "./share-link-view";

/** Lists an incident's share links, newest first, revoked and expired ones included. */
export async function listShareLinks(db: Db, incidentId: string, nowMs = Date.now()): Promise<ShareLinkView[]> {
  const rows = await db.shareLink.findMany({ where: { incidentId }, orderBy: { createdAt: "desc" } });
  return rows.map((row) => toShareLinkView(row, nowMs));
}
