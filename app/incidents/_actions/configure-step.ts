"use server";

import { defineAction } from "@/app/_lib/action-client";
import { configureStep, configureStepInput } from "@/lib/incident/configure-step";
import { publishEvents } from "@/lib/realtime/publish-events";

export const configureStepAction = defineAction(
  { name: "configureStep", permission: "automation.configure", schema: configureStepInput },
  async (input, { user, prisma }) => {
    const result = await configureStep(prisma, input, user.id);
    publishEvents(result.events);
    return result;
  },
);
