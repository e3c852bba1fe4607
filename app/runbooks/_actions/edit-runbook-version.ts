"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { defineAction } from "@/app/_lib/action-client";
import { editRunbookVersion } from "@/lib/runbook/edit-runbook-version";
import { runbookEditSchema } from "@/lib/runbook/runbook-edit";

export const editRunbookVersionAction = defineAction(
  { name: "editRunbookVersion", permission: "runbook.manage", schema: z.object({ runbookVersionId: z.string().trim().min(1), edit: runbookEditSchema }) },
  async (input, { user, prisma }) => {
    await editRunbookVersion(prisma, input.runbookVersionId, input.edit, user.id);
    revalidatePath("/runbooks", "layout");
    return { runbookVersionId: input.runbookVersionId };
  },
);
