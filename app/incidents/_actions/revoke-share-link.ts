"use server";

import { defineAction } from "@/app/_lib/action-client";
import { endShareLinkSockets } from "@/lib/realtime/end-share-link-sockets";
import { publishShareLinksChanged } from "@/lib/realtime/publish-share-links-changed";
import { listShareLinks } from "@/lib/share/list-share-links";
import { revokeShareLink, revokeShareLinkInput } from "@/lib/share/revoke-share-link";

export const revokeShareLinkAction = defineAction(
  { name: "revokeShareLink", permission: "share.manage", schema: revokeShareLinkInput },
  async (input, { user, prisma, address }) => {
    const revoked = await revokeShareLink(prisma, input, user, address);
    // After the commit, so a socket that reconnects at once is rejected by the gate.
    endShareLinkSockets(revoked.link.id);
    if (!revoked.alreadyRevoked) publishShareLinksChanged(input.incidentId);

    // The whole list, so the panel also shows what others changed meanwhile.
    return { ...revoked, links: await listShareLinks(prisma, input.incidentId) };
  },
);
