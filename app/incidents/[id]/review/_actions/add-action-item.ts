"use server";

import { revalidatePath } from "next/cache";
import { defineAction } from "@/app/_lib/action-client";
import { addActionItem, addActionItemInput } from "@/lib/review/add-action-item";

export const addActionItemAction = defineAction({ name: "addActionItem", permission: "review.edit", schema: addActionItemInput }, async (input, { user, prisma }) => {
  const result = await addActionItem(prisma, input, user);
  revalidatePath(`/incidents/${input.incidentId}/review`);
  return result;
});
