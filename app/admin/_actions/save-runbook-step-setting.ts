"use server";

import { revalidatePath } from "next/cache";
import { defineAction } from "@/app/_lib/action-client";
import { saveRunbookStepSetting, saveRunbookStepSettingInput } from "@/lib/executors/runbook-step-settings";

export const saveRunbookStepSettingAction = defineAction(
  { name: "saveRunbookStepSetting", permission: "automation.configure", schema: saveRunbookStepSettingInput },
  async (input, { user, prisma }) => {
    await saveRunbookStepSetting(prisma, input, user.id);
    revalidatePath("/admin/automation/steps");
    return { saved: true };
  },
);
