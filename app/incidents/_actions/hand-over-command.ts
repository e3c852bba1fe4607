"use server";

import { defineAction } from "@/app/_lib/action-client";
import { handOverCommand, handOverCommandInput } from "@/lib/incident/hand-over-command";
import { publishEvents } from "@/lib/realtime/publish-events";

export const handOverCommandAction = defineAction(
  { name: "handOverCommand", permission: "incident.command", schema: handOverCommandInput },
  async (input, { user, prisma, address }) => {
    const result = await handOverCommand(prisma, input, { id: user.id, email: user.email, address });
    publishEvents(result.events);
    return result;
  },
);
