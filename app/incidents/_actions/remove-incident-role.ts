"use server";

import { defineAction } from "@/app/_lib/action-client";
import { removeIncidentRole, removeIncidentRoleInput } from "@/lib/incident/remove-incident-role";
import { publishEvents } from "@/lib/realtime/publish-events";

export const removeIncidentRoleAction = defineAction(
  { name: "removeIncidentRole", permission: "incident.command", schema: removeIncidentRoleInput },
  async (input, { user, prisma, address }) => {
    const result = await removeIncidentRole(prisma, input, { id: user.id, email: user.email, address });
    publishEvents(result.events);
    return result;
  },
);
