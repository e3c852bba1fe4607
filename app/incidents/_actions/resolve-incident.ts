"use server";

import { revalidatePath } from "next/cache";
import { defineAction } from "@/app/_lib/action-client";
import { resolveIncident, resolveIncidentInput } from "@/lib/incident/resolve-incident";
import { publishEvents } from "@/lib/realtime/publish-events";

export const resolveIncidentAction = defineAction(
  { name: "resolveIncident", permission: "incident.resolve", schema: resolveIncidentInput },
  async (input, { user, prisma }) => {
    const result = await resolveIncident(prisma, input, user.id);
    publishEvents(result.events);
    revalidatePath("/incidents");
    return result;
  },
);
