"use server";

import { revalidatePath } from "next/cache";
import { defineAction } from "@/app/_lib/action-client";
import { endUserSessions, userIdInput } from "@/lib/auth/manage-user";
import { disconnectUserSockets } from "@/lib/realtime/disconnect-user";

export const endUserSessionsAction = defineAction(
  { name: "endUserSessions", permission: "user.manage", schema: userIdInput },
  async (input, { user, prisma, address }) => {
    const changed = await endUserSessions(prisma, input, { id: user.id, email: user.email, address });
    disconnectUserSockets(changed.id);
    revalidatePath("/admin/users");
    return changed;
  },
);
