"use server";

import { revalidatePath } from "next/cache";
import { defineAction } from "@/app/_lib/action-client";
import { saveWriteUp, saveWriteUpInput } from "@/lib/review/save-write-up";

export const saveWriteUpAction = defineAction({ name: "saveWriteUp", permission: "review.edit", schema: saveWriteUpInput }, async (input, { user, prisma }) => {
  const result = await saveWriteUp(prisma, input, user);
  revalidatePath(`/incidents/${input.incidentId}/review`);
  return result;
});
