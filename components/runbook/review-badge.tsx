import type { ReviewAge } from "@/lib/runbook/review-age";

/** Shows when a runbook was last reviewed, flagged when the review is older than a quarter or missing. */
export function ReviewBadge({ review }: { review: ReviewAge }) {
  const date = review.lastReviewedAt?.slice(0, 10);

  return (
    <span className="inline-flex items-center gap-2" data-testid="review-age" data-overdue={review.overdue}>
      <span>{date ? `${date} (${review.ageDays} days ago${review.source === "metadata" ? ", from the runbook" : ""})` : "Never"}</span>
      {review.overdue && <span className="rounded bg-red-100 px-2 py-0.5 text-xs font-medium text-red-800">Review overdue</span>}
    </span>
  );
}
