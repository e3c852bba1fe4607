import { describe, expect, it } from "vitest";
import { estimateClockOffset, serverNow } from "./clock";
import { formatDuration, objectiveTimer, phaseTimer } from "./timer-status";

const MINUTE = 60_000;
const declaredAt = Date.UTC(2026, 11, 4, 12, 0, 0);

describe("objectiveTimer", () => {
  it("is on track before 80% of the target", () => {
    const timer = objectiveTimer(declaredAt, null, declaredAt + 11 * MINUTE, 15);
    expect(timer.status).toBe("on_track");
    expect(timer.remainingMs).toBe(4 * MINUTE);
  });

  it("is at risk from 80% of the target", () => {
    expect(objectiveTimer(declaredAt, null, declaredAt + 12 * MINUTE, 15).status).toBe("at_risk");
  });

  it("is overdue after the target", () => {
    const timer = objectiveTimer(declaredAt, null, declaredAt + 16 * MINUTE, 15);
    expect(timer.status).toBe("overdue");
    expect(timer.remainingMs).toBe(-1 * MINUTE);
  });

  it("is met or missed once resolved, whatever the clock says", () => {
    expect(objectiveTimer(declaredAt, declaredAt + 14 * MINUTE, declaredAt + 90 * MINUTE, 15).status).toBe("met");
    expect(objectiveTimer(declaredAt, declaredAt + 31 * MINUTE, declaredAt + 90 * MINUTE, 30).status).toBe("missed");
    expect(objectiveTimer(declaredAt, declaredAt + 14 * MINUTE, declaredAt + 90 * MINUTE, 15).elapsedMs).toBe(14 * MINUTE);
  });
});

describe("phaseTimer", () => {
  const box = { declaredAtMs: declaredAt, startMinute: 5, endMinute: 15, completedAtMs: null };

  it("is upcoming before its start", () => {
    expect(phaseTimer({ ...box, nowMs: declaredAt + 2 * MINUTE }).status).toBe("upcoming");
  });

  it("is on track, then at risk in the last 20% of its box", () => {
    expect(phaseTimer({ ...box, nowMs: declaredAt + 12 * MINUTE }).status).toBe("on_track");
    expect(phaseTimer({ ...box, nowMs: declaredAt + 13 * MINUTE }).status).toBe("at_risk");
  });

  it("is overdue after its end", () => {
    const timer = phaseTimer({ ...box, nowMs: declaredAt + 20 * MINUTE });
    expect(timer.status).toBe("overdue");
    expect(timer.remainingMs).toBe(-5 * MINUTE);
  });

  it("is met or missed by when its last step completed", () => {
    expect(phaseTimer({ ...box, nowMs: declaredAt + 60 * MINUTE, completedAtMs: declaredAt + 15 * MINUTE }).status).toBe("met");
    expect(phaseTimer({ ...box, nowMs: declaredAt + 60 * MINUTE, completedAtMs: declaredAt + 15 * MINUTE + 1 }).status).toBe("missed");
  });

  it("marks open phases of a resolved incident incomplete", () => {
    const resolvedAtMs = declaredAt + 10 * MINUTE;
    expect(phaseTimer({ ...box, nowMs: resolvedAtMs, resolvedAtMs }).status).toBe("incomplete");
    expect(phaseTimer({ ...box, endMinute: null, nowMs: resolvedAtMs, resolvedAtMs }).status).toBe("incomplete");
    expect(phaseTimer({ ...box, nowMs: resolvedAtMs, resolvedAtMs, completedAtMs: declaredAt + 9 * MINUTE }).status).toBe("met");
  });

  it("reports a phase without an end as having no time box", () => {
    expect(phaseTimer({ ...box, endMinute: null, nowMs: declaredAt }).status).toBe("no_time_box");
  });
});

describe("clock offset", () => {
  it("recovers a browser clock that runs 7 minutes slow", () => {
    const trueServerTime = declaredAt + 10 * MINUTE;
    const browserClock = trueServerTime - 7 * MINUTE;
    // 40 ms out, 40 ms back: the server stamped its time at the midpoint.
    const offset = estimateClockOffset(browserClock - 40, trueServerTime, browserClock + 40);
    expect(offset).toBe(7 * MINUTE);

    const elapsed = serverNow(browserClock + 5000, offset) - declaredAt;
    expect(elapsed).toBe(10 * MINUTE + 5000);
  });

  it("keeps the error within half the round trip when the legs differ", () => {
    const serverTime = declaredAt;
    // The request took 10 ms and the response 90 ms; the browser clock is exact.
    const offset = estimateClockOffset(serverTime - 10, serverTime, serverTime + 90);
    expect(Math.abs(offset)).toBeLessThanOrEqual(50);
  });
});

describe("formatDuration", () => {
  it("formats minutes, hours and negatives", () => {
    expect(formatDuration(65_000)).toBe("1:05");
    expect(formatDuration(3_725_000)).toBe("1:02:05");
    expect(formatDuration(-90_000)).toBe("-1:30");
  });
});
