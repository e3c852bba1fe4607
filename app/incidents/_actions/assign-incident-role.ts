"use server";

import { defineAction } from "@/app/_lib/action-client";
import { assignIncidentRole, assignIncidentRoleInput } from "@/lib/incident/assign-incident-role";
import { publishEvents } from "@/lib/realtime/publish-events";

export const assignIncidentRoleAction = defineAction(
  { name: "assignIncidentRole", permission: "incident.command", schema: assignIncidentRoleInput },
  async (input, { user, prisma, address }) => {
    const result = await assignIncidentRole(prisma, input, { id: user.id, email: user.email, address });
    publishEvents(result.events);
    return result;
  },
);
