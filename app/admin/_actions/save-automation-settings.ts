"use server";

import { revalidatePath } from "next/cache";
import { defineAction } from "@/app/_lib/action-client";
import { automationSettingsSchema, saveAutomationSettings } from "@/lib/executors/automation-settings";

export const saveAutomationSettingsAction = defineAction(
  { name: "saveAutomationSettings", permission: "automation.configure", schema: automationSettingsSchema },
  async (input, { user, prisma }) => {
    const settings = await saveAutomationSettings(prisma, input, user.id);
    revalidatePath("/admin/automation");
    return settings;
  },
);
