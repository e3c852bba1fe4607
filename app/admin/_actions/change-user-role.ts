"use server";

import { revalidatePath } from "next/cache";
import { defineAction } from "@/app/_lib/action-client";
import { changeUserRole, changeUserRoleInput } from "@/lib/auth/manage-user";

export const changeUserRoleAction = defineAction(
  { name: "changeUserRole", permission: "user.manage", schema: changeUserRoleInput },
  async (input, { user, prisma, address }) => {
    const changed = await changeUserRole(prisma, input, { id: user.id, email: user.email, address });
    revalidatePath("/admin/users");
    return changed;
  },
);
