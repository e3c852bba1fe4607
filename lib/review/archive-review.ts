import type { S3Client } from "@aws-sdk/client-s3";
import type { PrismaClient } from "../db/types";
import { describeError } from "../db/logger";
import { RunbridgeError } from "../errors";
import { logger } from "../logger";
import { putVerifiedObject } from "../storage/put-verified-object";
import type { ReviewActor } from "./load-resolved-incident";
import { loadReview } from "./load-review";
import type { ReviewArchiveRecord } from "./review-data";
import { renderReviewExportFile } from "./render-review-export-file";

/**
 * Uploads a resolved incident's review, as JSON and as Markdown, to
 * reviews/<incident id>/<UTC time>/ in the bucket. Each object carries its SHA-256, is read back
 * and compared before the archive is recorded on the review.
 */
export async function archiveReview(
  prisma: PrismaClient,
  s3: { client: S3Client; bucket: string },
  incidentId: string,
  actor: Pick<ReviewActor, "name">,
  now: Date = new Date(),
): Promise<ReviewArchiveRecord[]> {
  const review = await loadReview(prisma, incidentId);
  const folder = `reviews/${incidentId}/${now.toISOString().replace(/[:.]/g, "-")}`;
  logger.info({ incidentId, bucket: s3.bucket, folder }, "archiving review");

  const records: ReviewArchiveRecord[] = [];
  for (const format of ["json", "markdown"] as const) {
    const file = renderReviewExportFile(review, format, now);
    const key = `${folder}/${file.fileName}`;
    const stored = await putVerifiedObject(s3.client, s3.bucket, key, file.body, file.contentType).catch((error: unknown) => {
      if (error instanceof RunbridgeError) throw error;
      logger.error({ err: error, incidentId, bucket: s3.bucket, key }, "review archive upload failed");
      throw new RunbridgeError(
        "INTERNAL",
        `Uploading s3://${s3.bucket}/${key} failed (${describeError(error)}): check the RUNBRIDGE_S3_* settings and that the bucket exists, then archive again.`,
      );
    });
    const row = await prisma.reviewArchive.create({ data: { incidentId, ...stored, createdByName: actor.name } });
    records.push({ ...stored, createdAt: row.createdAt.toISOString(), createdByName: row.createdByName });
  }

  logger.info({ incidentId, bucket: s3.bucket, keys: records.map((record) => record.key) }, "review archived");
  return records;
}
