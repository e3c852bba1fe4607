import { describe, expect, it } from "vitest";
import { computeReviewMetrics } from "./compute-review-metrics";
import { GANTT_LABEL_WIDTH, GANTT_WIDTH, layoutGantt } from "./gantt-layout";
import { scriptedReviewData } from "./scripted-incident";

describe("layoutGantt on the scripted incident", () => {
  const data = scriptedReviewData();
  const layout = layoutGantt(computeReviewMetrics(data), data.plan.phases.map((phase) => phase.title));
  const minuteX = (minute: number) => GANTT_LABEL_WIDTH + (minute / layout.maxMinutes) * (GANTT_WIDTH - GANTT_LABEL_WIDTH - 24);

  it("ends the axis past the last RTO on a tick", () => {
    expect(layout.maxMinutes).toBe(50);
    expect(layout.ticks.map((tick) => tick.label)).toEqual(["0m", "5m", "10m", "15m", "20m", "25m", "30m", "35m", "40m", "45m", "50m"]);
  });

  it("draws a row per phase and per step", () => {
    expect(layout.rows.filter((row) => row.kind === "phase").map((row) => row.label)).toEqual(["Immediate Actions", "Recovery Actions", "Post-Recovery Actions"]);
    expect(layout.rows.filter((row) => row.kind === "step")).toHaveLength(5);
  });

  it("places bars at their times", () => {
    const restore = layout.rows.find((row) => row.label === "Restore from latest backup")!;
    expect(restore.segments).toHaveLength(2);
    expect(restore.segments[0].x).toBeCloseTo(minuteX(5));
    expect(restore.segments[0].x + restore.segments[0].width).toBeCloseTo(minuteX(9));
    expect(restore.endMarker).toEqual({ x: expect.closeTo(minuteX(16 + 20 / 60)), state: "done" });

    const notify = layout.rows.find((row) => row.label === "Notify stakeholders")!;
    expect(notify.segments.map((segment) => segment.state)).toEqual(["blocked", "in_progress"]);
  });

  it("draws each phase time box behind its steps", () => {
    expect(layout.bands.map((band) => band.label)).toEqual(["0–5 min", "5–15 min", "15–30 min"]);
    expect(layout.bands[1].x).toBeCloseTo(minuteX(5));
    expect(layout.bands[1].width).toBeCloseTo(minuteX(15) - minuteX(5));
  });

  it("draws one line per RTO and one at the resolution", () => {
    const rto = layout.lines.filter((line) => line.kind === "rto");
    expect(rto.map((line) => line.label)).toEqual(["RTO Critical Systems 15m", "RTO Full Application 30m", "RTO CDN and Assets 45m"]);
    expect(rto[0].x).toBeCloseTo(minuteX(15));
    expect(rto[2].labelAnchor).toBe("end");
    // The 45-minute label ends at its line and would overprint the 30-minute one, so it moves down a row.
    expect(rto.map((line) => line.labelRow)).toEqual([0, 0, 1]);

    const resolved = layout.lines.find((line) => line.kind === "resolved")!;
    expect(resolved.x).toBeCloseTo(minuteX(32 + 5 / 60));
  });
});
