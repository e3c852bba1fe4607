"use server";

import { revalidatePath } from "next/cache";
import { defineAction } from "@/app/_lib/action-client";
import { setActionItemDone, setActionItemDoneInput } from "@/lib/review/set-action-item-done";

export const setActionItemDoneAction = defineAction(
  { name: "setActionItemDone", permission: "review.edit", schema: setActionItemDoneInput },
  async (input, { prisma }) => {
    await setActionItemDone(prisma, input);
    revalidatePath(`/incidents/${input.incidentId}/review`);
    return null;
  },
);
