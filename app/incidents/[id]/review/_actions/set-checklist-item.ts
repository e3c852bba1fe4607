"use server";

import { revalidatePath } from "next/cache";
import { defineAction } from "@/app/_lib/action-client";
import { setChecklistItem, setChecklistItemInput } from "@/lib/review/set-checklist-item";

export const setChecklistItemAction = defineAction({ name: "setChecklistItem", permission: "review.edit", schema: setChecklistItemInput }, async (input, { user, prisma }) => {
  await setChecklistItem(prisma, input, user);
  revalidatePath(`/incidents/${input.incidentId}/review`);
  return null;
});
