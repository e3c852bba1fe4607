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

/**
 * Revokes a share link and records it in the audit log in the same transaction. The caller
 * must then end the link's open sockets (lib/realtime/end-share-link-sockets.ts); every
 * later request with the token fails because the gate reads the link again.
 */
export async function revokeShareLink(prisma: PrismaClient, rawInput: RevokeShareLinkInput, actor: SessionUser, address: string | null = null): Promise<ShareLinkView> {
  const input = revokeShareLinkInput.parse(rawInput);

  return prisma.$transaction(async (tx) => {
    const link = await tx.shareLink.findUnique({ where: { id: input.shareLinkId } });
    // A link of another incident is reported as missing: the permission was checked on this one.
    if (!link || link.incidentId !== input.incidentId) {
      throw new RunbridgeError("NOT_FOUND", `Share link "${input.shareLinkId}" was not found on this incident: reload the page to see its links.`);
    }
    if (link.revokedAt) {
      throw new RunbridgeError("INVALID_TRANSITION", `The share link “${link.label}” was already revoked by ${link.revokedByName ?? "someone"}.`);
    }

    const row = await tx.shareLink.update({ where: { id: link.id }, data: { revokedAt: new Date(), revokedByName: actor.name } });
    await recordAudit(tx, {
      action: "share_link_revoked",
      actorId: actor.id,
      actorEmail: actor.email,
      incidentId: input.incidentId,
      address,
      details: { shareLinkId: row.id, label: row.label },
    });

    return toShareLinkView(row, Date.now());
  });
}
