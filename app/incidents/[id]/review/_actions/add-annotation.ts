"use server";

import { revalidatePath } from "next/cache";
import { defineAction } from "@/app/_lib/action-client";
import { publishEvents } from "@/lib/realtime/publish-events";
import { addAnnotation, addAnnotationInput } from "@/lib/review/add-annotation";

export const addAnnotationAction = defineAction({ name: "addAnnotation", permission: "review.edit", schema: addAnnotationInput }, async (input, { user, prisma }) => {
  const result = await addAnnotation(prisma, input, user);
  publishEvents(result.events);
  revalidatePath(`/incidents/${input.incidentId}/review`);
  return { seq: result.events[0].seq };
});
