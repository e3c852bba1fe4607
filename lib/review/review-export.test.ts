import { describe, expect, it } from "vitest";
import { RunbridgeError } from "../errors";
import { buildReview } from "./build-review";
import { renderReviewMarkdown } from "./render-review-markdown";
import { parseReviewExport, toReviewExport } from "./review-export";
import { scriptedReviewData } from "./scripted-incident";

describe("review JSON export", () => {
  it("rebuilds the same review from its export", () => {
    const review = buildReview(scriptedReviewData());
    const text = JSON.stringify(toReviewExport(review));

    const rebuilt = buildReview(parseReviewExport(text));

    expect(rebuilt).toEqual(review);
    expect(JSON.parse(text).metrics).toEqual(JSON.parse(JSON.stringify(review.metrics)));
  });

  it("rejects text that is not JSON", () => {
    expect(() => parseReviewExport("{not json")).toThrow(/not valid JSON/);
  });

  it("names the wrong field of a damaged export", () => {
    const exported = toReviewExport(buildReview(scriptedReviewData()));
    const damaged = { ...exported, events: exported.events.map((event, index) => (index === 2 ? { ...event, createdAt: "yesterday" } : event)) };

    let caught: unknown;
    try {
      parseReviewExport(JSON.stringify(damaged));
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(RunbridgeError);
    expect((caught as RunbridgeError).code).toBe("INVALID_INPUT");
    expect((caught as RunbridgeError).message).toContain("events.2.createdAt");
  });

  it("rejects an event payload that does not match its type", () => {
    const exported = toReviewExport(buildReview(scriptedReviewData()));
    const damaged = { ...exported, events: [{ ...exported.events[1], payload: { stepId: "s0" } }] };
    expect(() => parseReviewExport(JSON.stringify(damaged))).toThrow(/event 2 \(step.changed\) has an invalid payload/);
  });

  it("rejects another format", () => {
    expect(() => parseReviewExport(JSON.stringify({ format: "something-else" }))).toThrow(/not a runbridge-review export/);
  });
});

describe("review Markdown export", () => {
  const markdown = renderReviewMarkdown(buildReview(scriptedReviewData()));

  it("states time to resolve and each objective", () => {
    expect(markdown).toContain("# Post-incident review: Checkout database down");
    expect(markdown).toContain("- Time to resolve: 32:05");
    expect(markdown).toContain("| RTO Critical Systems | 15 min | 32:05 | missed by 17:05 |");
    expect(markdown).toContain("| RTO CDN and Assets | 45 min | 32:05 | met, 12:55 to spare |");
  });

  it("lists phases, problems and every event", () => {
    expect(markdown).toContain("| Recovery Actions | 5–15 min | T+5:00 | T+16:40 | 11:40 | missed by 1:40 |");
    expect(markdown).toContain("Restore from latest backup failed by Rex Responder: Latest backup is corrupt; finally done [event 8]");
    expect(markdown.match(/^- \*\*#\d+\*\*/gm)).toHaveLength(17);
  });
});
