"use server";

import { revalidatePath } from "next/cache";
import { defineAction } from "@/app/_lib/action-client";
import { declareIncident, declareIncidentInput } from "@/lib/incident/declare-incident";
import { publishEvents } from "@/lib/realtime/publish-events";

export const declareIncidentAction = defineAction(
  { name: "declareIncident", permission: "incident.declare", schema: declareIncidentInput },
  async (input, { user, prisma }) => {
    const { incidentId, events } = await declareIncident(prisma, input, user.id);
    publishEvents(events);
    revalidatePath("/incidents");
    return { incidentId };
  },
);
