/** A runbook is due for review when its last review is older than a quarter: 92 days. */
export const REVIEW_INTERVAL_DAYS = 92;

// Metadata keys that carry a review or update date, as runbooks write them.
const REVIEW_KEY = /^(?:last[ _-]?(?:reviewed|review|updated|modified)(?:[ _-]?(?:on|at|date))?|reviewed(?:[ _-]?on)?|review[ _-]?date|updated|date)$/iu;

export interface ReviewAge {
  /** The last review as an ISO date-time, or null when nothing records one. */
  lastReviewedAt: string | null;
  /** Source of the date: an admin's "Mark as reviewed", the runbook's own metadata, or none. */
  source: "marked" | "metadata" | "none";
  overdue: boolean;
  /** Whole days since the last review, or null. */
  ageDays: number | null;
}

/**
 * Works out when a runbook was last reviewed: the later of the date an admin marked it reviewed
 * and a date in its metadata ("Last Updated", "last_reviewed_on"). A runbook with neither is overdue.
 */
export function getReviewAge(markedAt: Date | null, metadata: Record<string, string>, now: Date): ReviewAge {
  const metadataDate = readMetadataDate(metadata);
  const candidates: Array<{ date: Date; source: ReviewAge["source"] }> = [];

  if (markedAt !== null) candidates.push({ date: markedAt, source: "marked" });
  if (metadataDate !== null) candidates.push({ date: metadataDate, source: "metadata" });

  if (candidates.length === 0) {
    return { lastReviewedAt: null, source: "none", overdue: true, ageDays: null };
  }

  const latest = candidates.reduce((left, right) => (right.date > left.date ? right : left));
  const ageDays = Math.floor((now.getTime() - latest.date.getTime()) / 86_400_000);

  return { lastReviewedAt: latest.date.toISOString(), source: latest.source, overdue: ageDays > REVIEW_INTERVAL_DAYS, ageDays };
}

function readMetadataDate(metadata: Record<string, string>): Date | null {
  for (const [key, value] of Object.entries(metadata)) {
    if (!REVIEW_KEY.test(key.trim())) continue;

    const date = new Date(value.trim());

    if (!Number.isNaN(date.getTime())) return date;
  }

  return null;
}
