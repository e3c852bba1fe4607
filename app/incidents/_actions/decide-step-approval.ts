"use server";

import { defineAction } from "@/app/_lib/action-client";
import { decideStepApproval, decideStepApprovalInput } from "@/lib/incident/decide-step-approval";
import { publishEvents } from "@/lib/realtime/publish-events";

export const decideStepApprovalAction = defineAction(
  { name: "decideStepApproval", permission: "step.approve", schema: decideStepApprovalInput },
  async (input, { user, prisma }) => {
    const result = await decideStepApproval(prisma, input, user);
    publishEvents(result.events);
    return result;
  },
);
