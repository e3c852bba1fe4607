import { z } from "zod";
import { recordAudit } from "../audit/record-audit";
import type { SessionUser } from "../auth/load-session-user";
import type { PrismaClient } from "../db/types";
import { RunbridgeError } from "../errors";
import { toShareLinkView, type ShareLinkView } from "./share-link-view";

export const revokeShareLinkInput = z.object({
  incidentId: z.string().trim().min(1, "Incident id is missing."),
  shareLinkId: z.string().trim().min(1, "Share link id is missing."),
});
export type RevokeShareLinkInput = z.input<typeof revokeShareLinkInput>;

export interface RevokedShareLink {
  link: ShareLinkView;
  /** True when someone had revoked the link already: nothing changed and nothing was recorded. */
  alreadyRevoked: boolean;
}

/**
 * Revokes a share link and records it in the audit log in the same transaction. The caller
 * must then end the link's open sockets (lib/realtime/end-share-link-sockets.ts); every
 * later request with the token fails because the gate reads the link again. Revoking a
 * revoked link changes nothing, because two commanders may revoke it at the same time.
 */
export async function revokeShareLink(prisma: PrismaClient, rawInput: RevokeShareLinkInput, actor: SessionUser, address: string | null = null): Promise<RevokedShareLink> {
  const input = revokeShareLinkInput.parse(rawInput);

  return prisma.$transaction(async (tx) => {
    const link = await tx.shareLink.findUnique({ where: { id: input.shareLinkId } });
    // A link of another incident is reported as missing: the permission was checked on this one.
    if (!link || link.incidentId !== input.incidentId) {
      throw new RunbridgeError("NOT_FOUND", `Share link "${input.shareLinkId}" was not found on this incident: reload the page to see its links.`);
    }
    if (link.revokedAt) return { link: toShareLinkView(link, Date.now()), alreadyRevoked: true };

    // The condition on revokedAt makes a concurrent second revoke update no row instead of
    // overwriting who revoked it.
    const { count } = await tx.shareLink.updateMany({ where: { id: link.id, revokedAt: null }, data: { revokedAt: new Date(), revokedByName: actor.name } });
    const row = await tx.shareLink.findUniqueOrThrow({ where: { id: link.id } });
    if (count === 0) return { link: toShareLinkView(row, Date.now()), alreadyRevoked: true };

    await recordAudit(tx, {
      action: "share_link_revoked",
      actorId: actor.id,
      actorEmail: actor.email,
      incidentId: input.incidentId,
      address,
      details: { shareLinkId: row.id, label: row.label },
    });

    return { link: toShareLinkView(row, Date.now()), alreadyRevoked: false };
  });
}
