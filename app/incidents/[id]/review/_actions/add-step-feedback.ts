"use server";

import { revalidatePath } from "next/cache";
import { defineAction } from "@/app/_lib/action-client";
import { addStepFeedback, addStepFeedbackInput } from "@/lib/review/add-step-feedback";

export const addStepFeedbackAction = defineAction({ name: "addStepFeedback", permission: "review.edit", schema: addStepFeedbackInput }, async (input, { user, prisma }) => {
  const result = await addStepFeedback(prisma, input, user);
  revalidatePath(`/incidents/${input.incidentId}/review`);
  revalidatePath("/runbooks/feedback");
  return result;
});
