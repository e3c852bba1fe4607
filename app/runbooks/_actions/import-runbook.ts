"use server";

import { revalidatePath } from "next/cache";
import { defineAction } from "@/app/_lib/action-client";
import { importRunbook, importRunbookInput } from "@/lib/runbook/import-runbook";

export const importRunbookAction = defineAction(
  { name: "importRunbook", permission: "runbook.manage", schema: importRunbookInput },
  async (input, { user, prisma }) => {
    const saved = await importRunbook(prisma, input, user.id);
    revalidatePath("/runbooks");
    revalidatePath("/incidents/new");
    return { runbookId: saved.runbookId, version: saved.version, created: saved.created };
  },
);
