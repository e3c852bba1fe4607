"use server";

import { defineAction } from "@/app/_lib/action-client";
import { endShareLinkSockets } from "@/lib/realtime/end-share-link-sockets";
import { revokeShareLink, revokeShareLinkInput } from "@/lib/share/revoke-share-link";

export const revokeShareLinkAction = defineAction(
  { name: "revokeShareLink", permission: "share.manage", schema: revokeShareLinkInput },
  async (input, { user, prisma, address }) => {
    const link = await revokeShareLink(prisma, input, user, address);
    // After the commit, so a socket that reconnects at once is refused by the gate.
    endShareLinkSockets(link.id);
    return link;
  },
);
