import type { Review } from "./build-review";
import { renderReviewMarkdown } from "./render-review-markdown";
import { toReviewExport } from "./review-export";

export type ReviewExportFormat = "json" | "markdown";

export interface ReviewExportFile {
  fileName: string;
  contentType: string;
  body: string;
}

/** Renders a review as a downloadable file, so every copy of one export has the same bytes. */
export function renderReviewExportFile(review: Review, format: ReviewExportFormat, exportedAt: Date = new Date()): ReviewExportFile {
  const baseName = `review-${review.data.incident.id}`;
  if (format === "markdown") {
    return { fileName: `${baseName}.md`, contentType: "text/markdown; charset=utf-8", body: renderReviewMarkdown(review) };
  }
  return { fileName: `${baseName}.json`, contentType: "application/json", body: `${JSON.stringify(toReviewExport(review, exportedAt), null, 2)}\n` };
}
