import { z } from "zod";
import { recordAudit } from "../audit/record-audit";
import type { SessionUser } from "../auth/load-session-user";
import type { PrismaClient } from "../db/types";
import { findIncident } from "../incident/find-incident";
import { MAX_SHARE_LABEL_LENGTH, MAX_SHARE_LINK_HOURS } from "./share-link-constants";
import { generateShareToken, hashShareToken } from "./share-token";
import { toShareLinkView, type ShareLinkView } from "./share-link-view";


export const createShareLinkInput = z.object({
  incidentId: z.string().trim().min(1, "Incident id is missing."),
  label: z
    .string()
    .trim()
    .min(1, "Say who the link is for, such as “Executive team”, so it can be found and revoked later.")
    .max(MAX_SHARE_LABEL_LENGTH, `The label is longer than ${MAX_SHARE_LABEL_LENGTH} characters: shorten it.`),
  expiresInHours: z
    .number({ error: "Choose how long the link stays valid, in hours." })
    .int("Hours must be a whole number.")
    .min(1, "A link must stay valid for at least 1 hour.")
    .max(MAX_SHARE_LINK_HOURS, `A link may stay valid for at most ${MAX_SHARE_LINK_HOURS} hours (14 days): choose fewer and make a new link later.`),
  showNames: z.boolean().default(false),
});
export type CreateShareLinkInput = z.input<typeof createShareLinkInput>;

export interface CreatedShareLink {
  link: ShareLinkView;
  /** The token for the link's URL. It is not stored, so this is the only time it is known. */
  token: string;
}

/** Creates a share link for an incident and records it in the audit log in the same transaction. */
export async function createShareLink(
  prisma: PrismaClient,
  rawInput: CreateShareLinkInput,
  actor: SessionUser,
  address: string | null = null,
  nowMs = Date.now(),
): Promise<CreatedShareLink> {
  const input = createShareLinkInput.parse(rawInput);
  const token = generateShareToken();

  return prisma.$transaction(async (tx) => {
    await findIncident(tx, input.incidentId);

    const row = await tx.shareLink.create({
      data: {
        incidentId: input.incidentId,
        tokenHash: hashShareToken(token),
        label: input.label,
        showNames: input.showNames,
        createdById: actor.id,
        createdByName: actor.name,
        expiresAt: new Date(nowMs + input.expiresInHours * 3_600_000),
      },
    });

    await recordAudit(tx, {
      action: "share_link_created",
      actorId: actor.id,
      actorEmail: actor.email,
      incidentId: input.incidentId,
      address,
      details: { shareLinkId: row.id, label: row.label, showNames: row.showNames, expiresAt: row.expiresAt.toISOString() },
    });

    return { link: toShareLinkView(row, nowMs), token };
  });
}
