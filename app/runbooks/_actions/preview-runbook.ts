"use server";

import { z } from "zod";
import { defineAction } from "@/app/_lib/action-client";
import { MAX_RUNBOOK_BYTES } from "@/lib/runbook/decode-runbook-file";
import { previewRunbook } from "@/lib/runbook/import-runbook";

export const previewRunbookAction = defineAction(
  {
    name: "previewRunbook",
    permission: "runbook.manage",
    schema: z.object({ markdown: z.string().max(MAX_RUNBOOK_BYTES, `The runbook is longer than ${MAX_RUNBOOK_BYTES} characters: split it into one runbook per service or scenario.`) }),
  },
  async (input) => previewRunbook(input.markdown),
);
