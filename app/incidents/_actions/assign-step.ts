"use server";

import { defineAction } from "@/app/_lib/action-client";
import { assignStep, assignStepInput } from "@/lib/incident/assign-step";
import { publishEvents } from "@/lib/realtime/publish-events";

export const assignStepAction = defineAction(
  { name: "assignStep", permission: "incident.command", schema: assignStepInput },
  async (input, { user, prisma }) => {
    const result = await assignStep(prisma, input, user.id);
    publishEvents(result.events);
    return result;
  },
);
