import type { PrismaClient } from "../db/types";
import { logger } from "../logger";
import { assertResolved, buildReview, type Review } from "./build-review";
import { getReviewData } from "./get-review-data";

/** Loads a resolved incident's review. Throws NOT_FOUND for an unknown id and CONFLICT while it is open. */
export async function loadReview(prisma: PrismaClient, incidentId: string): Promise<Review> {
  const startedAt = performance.now();
  const data = await getReviewData(prisma, incidentId);
  assertResolved(data);
  const review = buildReview(data);
  logger.debug({ incidentId, events: data.events.length, durationMs: Math.round(performance.now() - startedAt) }, "review loaded");
  return review;
}
