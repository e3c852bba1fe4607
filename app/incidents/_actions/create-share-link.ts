"use server";

import { defineAction } from "@/app/_lib/action-client";
import { createShareLink, createShareLinkInput } from "@/lib/share/create-share-link";

export const createShareLinkAction = defineAction(
  { name: "createShareLink", permission: "share.manage", schema: createShareLinkInput },
  async (input, { user, prisma, address }) => createShareLink(prisma, input, user, address),
);
