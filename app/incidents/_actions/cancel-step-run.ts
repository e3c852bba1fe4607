"use server";

import { defineAction } from "@/app/_lib/action-client";
import { cancelStepRun, cancelStepRunInput } from "@/lib/executors/cancel-step-run";
import { publishEvents } from "@/lib/realtime/publish-events";

export const cancelStepRunAction = defineAction(
  { name: "cancelStepRun", permission: "step.execute", schema: cancelStepRunInput },
  async (input, { user, prisma }) => {
    const events = await cancelStepRun(prisma, input, { id: user.id, name: user.name });
    publishEvents(events);
    return { events };
  },
);
