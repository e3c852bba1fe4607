"use server";

import { defineAction } from "@/app/_lib/action-client";
import { publishShareLinksChanged } from "@/lib/realtime/publish-share-links-changed";
import { createShareLink, createShareLinkInput } from "@/lib/share/create-share-link";
import { listShareLinks } from "@/lib/share/list-share-links";

export const createShareLinkAction = defineAction(
  { name: "createShareLink", permission: "share.manage", schema: createShareLinkInput },
  async (input, { user, prisma, address }) => {
    const created = await createShareLink(prisma, input, user, address);
    publishShareLinksChanged(input.incidentId);

    // The whole list, so the panel also shows links that others made meanwhile.
    return { token: created.token, links: await listShareLinks(prisma, input.incidentId) };
  },
);
