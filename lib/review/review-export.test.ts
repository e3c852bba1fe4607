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

  it("includes the write-up and follow-ups", () => {
    const data = scriptedReviewData();
    data.writeUp = { ...data.writeUp, rootCause: "Disk full", dataLossMinutes: 12 };
    data.actionItems = [{ id: "a1", title: "Alert on disk", owner: "Platform", dueDate: "2026-12-31", done: false, createdAt: "2026-12-05T09:00:00.000Z", createdByName: "Rita" }];
    data.checklist = [{ position: 0, text: "Data integrity validation", done: true, updatedAt: null, updatedByName: null }];
    data.feedback = [{ id: "f1", runbookVersionId: "rbv", phaseIndex: null, position: null, stepTitle: "Freeze deploys", kind: "missing", comment: "Deploys kept running", createdAt: "2026-12-05T09:00:00.000Z", createdByName: "Rita" }];
    const text = renderReviewMarkdown(buildReview(data));

    expect(text).toContain("### Root cause\n\nDisk full\n");
    expect(text).toContain("Data loss: 12 min");
    expect(text).toContain("- [ ] Alert on disk (owner: Platform, due 2026-12-31)");
    expect(text).toContain("- [x] Data integrity validation");
    expect(text).toContain("- **missing**: Freeze deploys (missing from the runbook): Deploys kept running (Rita)");
  });

  it("lists phases, problems and every event", () => {
    expect(markdown).toContain("| Recovery Actions | 5–15 min | T+5:00 | T+16:40 | 11:40 | missed by 1:40 |");
    expect(markdown).toContain("Restore from latest backup failed by Rex Responder: Latest backup is corrupt; finally done [event 8]");
    expect(markdown.match(/^- \*\*#\d+\*\*/gm)).toHaveLength(17);
  });
});
