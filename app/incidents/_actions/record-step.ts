"use server";

import { revalidatePath } from "next/cache";
import { defineAction } from "@/app/_lib/action-client";
import { recordStep, recordStepInput } from "@/lib/incident/record-step";
import { publishEvents } from "@/lib/realtime/publish-events";

export const recordStepAction = defineAction(
  { name: "recordStep", permission: "step.record", schema: recordStepInput },
  async (input, { user, prisma }) => {
    const result = await recordStep(prisma, input, user.id);
    publishEvents(result.events);
    revalidatePath("/incidents");
    return result;
  },
);
