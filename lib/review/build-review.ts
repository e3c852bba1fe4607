import { RunbridgeError } from "../errors";
import { computeReviewMetrics, type ReviewMetrics } from "./compute-review-metrics";
import type { ReviewData } from "./review-data";

/** A review: the stored facts and the metrics computed from them. */
export interface Review {
  data: ReviewData;
  metrics: ReviewMetrics;
}

export function buildReview(data: ReviewData): Review {
  return { data, metrics: computeReviewMetrics(data) };
}

/** Throws a CONFLICT naming the incident when it is still open, because a review needs the whole run. */
export function assertResolved(data: ReviewData): void {
  if (data.incident.status !== "resolved") {
    throw new RunbridgeError(
      "CONFLICT",
      `Incident "${data.incident.title}" is still open: resolve it in the command view before reviewing or exporting it.`,
    );
  }
}
