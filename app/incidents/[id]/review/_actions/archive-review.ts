"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { defineAction } from "@/app/_lib/action-client";
import { archiveReview } from "@/lib/review/archive-review";
import { readArchiveSettings } from "@/lib/review/read-archive-settings";
import { createS3Client } from "@/lib/storage/s3-client";

const archiveReviewInput = z.object({ incidentId: z.string().trim().min(1, "Incident id is missing.") });

export const archiveReviewAction = defineAction({ name: "archiveReview", permission: "review.edit", schema: archiveReviewInput }, async (input, { user, prisma }) => {
  const settings = readArchiveSettings();
  const client = createS3Client(settings.connection);
  try {
    const records = await archiveReview(prisma, { client, bucket: settings.bucket }, input.incidentId, user);
    revalidatePath(`/incidents/${input.incidentId}/review`);
    return records;
  } finally {
    client.destroy();
  }
});
