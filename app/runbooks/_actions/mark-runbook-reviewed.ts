"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { defineAction } from "@/app/_lib/action-client";
import { markRunbookReviewed } from "@/lib/runbook/mark-runbook-reviewed";

export const markRunbookReviewedAction = defineAction(
  { name: "markRunbookReviewed", permission: "runbook.manage", schema: z.object({ runbookId: z.string().trim().min(1) }) },
  async (input, { user, prisma }) => {
    const reviewedAt = await markRunbookReviewed(prisma, input.runbookId, user.id);
    revalidatePath("/runbooks", "layout");
    return { reviewedAt: reviewedAt.toISOString() };
  },
);
