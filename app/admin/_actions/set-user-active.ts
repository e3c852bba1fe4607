"use server";

import { revalidatePath } from "next/cache";
import { defineAction } from "@/app/_lib/action-client";
import { setUserActive, setUserActiveInput } from "@/lib/auth/manage-user";
import { disconnectUserSockets } from "@/lib/realtime/disconnect-user";

export const setUserActiveAction = defineAction(
  { name: "setUserActive", permission: "user.manage", schema: setUserActiveInput },
  async (input, { user, prisma, address }) => {
    const changed = await setUserActive(prisma, input, { id: user.id, email: user.email, address });
    if (changed.sessionsEnded) disconnectUserSockets(changed.id);
    revalidatePath("/admin/users");
    return changed;
  },
);
