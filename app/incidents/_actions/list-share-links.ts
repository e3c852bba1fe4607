"use server";

import { z } from "zod";
import { defineAction } from "@/app/_lib/action-client";
import { listShareLinks } from "@/lib/share/list-share-links";

const listShareLinksInput = z.object({ incidentId: z.string().trim().min(1, "Incident id is missing.") });

export const listShareLinksAction = defineAction(
  { name: "listShareLinks", permission: "share.manage", schema: listShareLinksInput },
  async (input, { prisma }) => listShareLinks(prisma, input.incidentId),
);
