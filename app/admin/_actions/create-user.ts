"use server";

import { revalidatePath } from "next/cache";
import { defineAction } from "@/app/_lib/action-client";
import { createUser, createUserInput } from "@/lib/auth/create-user";

export const createUserAction = defineAction(
  { name: "createUser", permission: "user.manage", schema: createUserInput },
  async (input, { user, prisma, address }) => {
    const created = await createUser(prisma, input, { id: user.id, email: user.email, address });
    revalidatePath("/admin/users");
    return created;
  },
);
