"use server";

import { revalidatePath } from "next/cache";
import { defineAction } from "@/app/_lib/action-client";
import { resetUserPassword, resetUserPasswordInput } from "@/lib/auth/manage-user";
import { disconnectUserSockets } from "@/lib/realtime/disconnect-user";

export const resetUserPasswordAction = defineAction(
  { name: "resetUserPassword", permission: "user.manage", schema: resetUserPasswordInput },
  async (input, { user, prisma, address }) => {
    const changed = await resetUserPassword(prisma, input, { id: user.id, email: user.email, address });
    disconnectUserSockets(changed.id);
    revalidatePath("/admin/users");
    return changed;
  },
);
