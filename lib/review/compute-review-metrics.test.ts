import { describe, expect, it } from "vitest";
import { computeReviewMetrics } from "./compute-review-metrics";
import { scriptedReviewData, SCRIPT_DAY } from "./scripted-incident";

const seconds = (ms: number | null) => (ms === null ? null : ms / 1000);
const clock = (time: string) => Date.parse(`${SCRIPT_DAY}T${time}.000Z`);

describe("computeReviewMetrics on a scripted incident", () => {
  const metrics = computeReviewMetrics(scriptedReviewData());

  it("measures the time to resolve", () => {
    expect(metrics.declaredAtMs).toBe(clock("12:00:00"));
    expect(metrics.resolvedAtMs).toBe(clock("12:32:05"));
    expect(seconds(metrics.timeToResolveMs)).toBe(32 * 60 + 5);
  });

  it("judges each phase against its time box", () => {
    const [immediate, recovery, post] = metrics.phases;

    expect(immediate.status).toBe("met");
    expect(immediate.startedAtMs).toBe(clock("12:00:30"));
    expect(immediate.completedAtMs).toBe(clock("12:04:45"));
    expect(seconds(immediate.durationMs)).toBe(4 * 60 + 15);
    expect(seconds(immediate.timeBoxMs)).toBe(5 * 60);
    expect(seconds(immediate.overrunMs)).toBe(-15);

    expect(recovery.status).toBe("missed");
    expect(seconds(recovery.durationMs)).toBe(11 * 60 + 40);
    expect(seconds(recovery.timeBoxMs)).toBe(10 * 60);
    expect(seconds(recovery.overrunMs)).toBe(100);

    // Reopened at 12:26:00, so only the second completion counts.
    expect(post.status).toBe("missed");
    expect(post.completedAtMs).toBe(clock("12:31:10"));
    expect(seconds(post.overrunMs)).toBe(70);
  });

  it("marks each objective met or missed and by how much", () => {
    const byKey = Object.fromEntries(metrics.objectives.map((objective) => [objective.key, objective]));

    expect(byKey["critical-systems"].status).toBe("missed");
    expect(seconds(byKey["critical-systems"].marginMs)).toBe(-(17 * 60 + 5));
    expect(byKey["full-application"].status).toBe("missed");
    expect(seconds(byKey["full-application"].marginMs)).toBe(-(2 * 60 + 5));
    expect(byKey["cdn-and-assets"].status).toBe("met");
    expect(seconds(byKey["cdn-and-assets"].marginMs)).toBe(12 * 60 + 55);
    expect(byKey["maximum-data-loss"].status).toBe("not_measured");
    expect(byKey["customer-data"].marginMs).toBeNull();
  });

  it("judges RPOs by the reported data loss", () => {
    const data = scriptedReviewData();
    data.writeUp.dataLossMinutes = 45;
    const withLoss = computeReviewMetrics(data);
    const byKey = Object.fromEntries(withLoss.objectives.map((objective) => [objective.key, objective]));

    expect(byKey["maximum-data-loss"].status).toBe("met");
    expect(seconds(byKey["maximum-data-loss"].marginMs)).toBe(195 * 60);
    expect(byKey["customer-data"].status).toBe("missed");
    expect(seconds(byKey["customer-data"].marginMs)).toBe(-15 * 60);
  });

  it("measures step durations and segments", () => {
    const byTitle = Object.fromEntries(metrics.steps.map((step) => [step.title, step]));

    expect(seconds(byTitle["Assess the situation"].durationMs)).toBe(100);
    expect(seconds(byTitle["Notify stakeholders"].durationMs)).toBe(3 * 60 + 45);
    expect(byTitle["Notify stakeholders"].segments.map((segment) => [segment.state, seconds(segment.endMs - segment.startMs)])).toEqual([
      ["blocked", 120],
      ["in_progress", 105],
    ]);
    expect(seconds(byTitle["Restore from latest backup"].durationMs)).toBe(11 * 60 + 20);
    expect(byTitle["Restore from latest backup"].segments).toHaveLength(2);
    expect(byTitle["Verify data integrity"].finalState).toBe("skipped");
    expect(seconds(byTitle["Verify data integrity"].durationMs)).toBe(0);
    expect(seconds(byTitle["Monitor system stability"].durationMs)).toBe(13 * 60 + 10);
    expect(byTitle["Monitor system stability"].changeCount).toBe(4);
  });

  it("lists skipped, failed and blocked steps with the reason", () => {
    expect(metrics.problems.map((problem) => [problem.title, problem.state, problem.reason, problem.finalState])).toEqual([
      ["Notify stakeholders", "blocked", "Slack is down too; paging by phone", "done"],
      ["Restore from latest backup", "failed", "Latest backup is corrupt", "done"],
      ["Verify data integrity", "skipped", "Covered by the restore checksum", "skipped"],
    ]);
    expect(metrics.problems[0].actorName).toBe("Rex Responder");
    expect(metrics.problems[1].atMs).toBe(clock("12:09:00"));
  });
});

describe("computeReviewMetrics on an unfinished incident", () => {
  it("leaves open steps, phases and RTOs open", () => {
    const data = scriptedReviewData();
    data.events = data.events.filter((event) => event.createdAt < `${SCRIPT_DAY}T12:09:15`);
    data.incident.resolvedAt = null;
    const metrics = computeReviewMetrics(data);

    expect(metrics.timeToResolveMs).toBeNull();
    expect(metrics.objectives[0].status).toBe("open");
    expect(metrics.phases[1].status).toBe("incomplete");
    const restore = metrics.steps.find((step) => step.title === "Restore from latest backup")!;
    expect(restore.finalState).toBe("failed");
    expect(restore.endedAtMs).toBe(clock("12:09:00"));
  });

  it("closes a segment still open at the last event", () => {
    const data = scriptedReviewData();
    data.events = data.events.filter((event) => event.createdAt < `${SCRIPT_DAY}T12:06:00`);
    const restore = computeReviewMetrics(data).steps.find((step) => step.title === "Restore from latest backup")!;

    expect(restore.segments).toEqual([{ state: "in_progress", startMs: clock("12:05:00"), endMs: clock("12:05:00"), openAtEnd: true }]);
    expect(restore.endedAtMs).toBeNull();
  });
});

describe("computeReviewMetrics with reviewer corrections", () => {
  it("uses a correction's time in place of the recorded one", () => {
    const data = scriptedReviewData();
    const resolvedSeq = data.events.at(-1)!.seq;
    const annotate = (targetSeq: number, occurredAt: string) =>
      data.events.push({
        id: `ann${targetSeq}`,
        incidentId: data.incident.id,
        seq: data.events.length + 1,
        version: 1,
        actor: { id: "u-rita", name: "Rita Reviewer" },
        createdAt: `${SCRIPT_DAY}T15:00:00.000Z`,
        type: "review.annotation",
        payload: { kind: "correction", targetSeq, text: "Really happened earlier", reason: "Clicked late", occurredAt },
      });
    // s2 was really done at 12:14:00 and the incident really resolved at 12:29:00.
    annotate(10, `${SCRIPT_DAY}T12:14:00.000Z`);
    annotate(resolvedSeq, `${SCRIPT_DAY}T12:35:00.000Z`);
    annotate(resolvedSeq, `${SCRIPT_DAY}T12:29:00.000Z`);

    const metrics = computeReviewMetrics(data);

    expect(metrics.correctedSeqs).toEqual([10, resolvedSeq]);
    expect(seconds(metrics.timeToResolveMs)).toBe(29 * 60);
    expect(metrics.objectives.find((objective) => objective.key === "full-application")!.status).toBe("met");
    expect(seconds(metrics.steps.find((step) => step.title === "Restore from latest backup")!.durationMs)).toBe(9 * 60);
    expect(metrics.eventCount).toBe(20);
  });

  it("ignores an addition and a correction without a time", () => {
    const data = scriptedReviewData();
    data.events.push({
      id: "ann",
      incidentId: data.incident.id,
      seq: data.events.length + 1,
      version: 1,
      actor: null,
      createdAt: `${SCRIPT_DAY}T15:00:00.000Z`,
      type: "review.annotation",
      payload: { kind: "correction", targetSeq: 3, text: "Wrong step named", reason: "Typo", occurredAt: null },
    });
    const metrics = computeReviewMetrics(data);
    expect(metrics.correctedSeqs).toEqual([]);
    expect(seconds(metrics.timeToResolveMs)).toBe(32 * 60 + 5);
  });
});
