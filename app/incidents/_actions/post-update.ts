"use server";

import { defineAction } from "@/app/_lib/action-client";
import { postUpdate, postUpdateInput } from "@/lib/incident/post-update";
import { publishEvents } from "@/lib/realtime/publish-events";

export const postUpdateAction = defineAction(
  { name: "postUpdate", permission: "update.post", schema: postUpdateInput },
  async (input, { user, prisma }) => {
    const result = await postUpdate(prisma, input, user.id);
    publishEvents(result.events);
    return result;
  },
);
