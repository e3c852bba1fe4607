"use server";

import { defineAction } from "@/app/_lib/action-client";
import { requestStepApproval, requestStepApprovalInput } from "@/lib/incident/request-step-approval";
import { publishEvents } from "@/lib/realtime/publish-events";

export const requestStepApprovalAction = defineAction(
  { name: "requestStepApproval", permission: "step.execute", schema: requestStepApprovalInput },
  async (input, { user, prisma }) => {
    const result = await requestStepApproval(prisma, input, { id: user.id, name: user.name });
    publishEvents(result.events);
    return result;
  },
);
