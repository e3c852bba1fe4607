import { describe, expect, it } from "vitest";
import type { IncidentPlan } from "../incident/plan";
import { alertId, findDueAlerts } from "./find-due-alerts";

const MINUTE = 60_000;
const declaredAtMs = Date.UTC(2026, 11, 4, 12, 0, 0);

const plan: IncidentPlan = {
  runbookTitle: "DR",
  phases: [
    { title: "Immediate Actions", startMinute: 0, endMinute: 5 },
    { title: "Recovery Actions", startMinute: 5, endMinute: 15 },
    { title: "Context", startMinute: null, endMinute: null },
  ],
  objectives: [
    { kind: "RTO", key: "critical-systems", name: "Critical Systems", minutes: 15, line: 1 },
    { kind: "RPO", key: "customer-data", name: "Customer Data", minutes: 30, line: 2 },
  ],
};

function due(nowMinutes: number, phaseCompletedAtMs: (number | null)[] = [null, null, null], alreadyRecorded = new Set<string>()) {
  return findDueAlerts({ plan, declaredAtMs, nowMs: declaredAtMs + nowMinutes * MINUTE, phaseCompletedAtMs, alreadyRecorded }).map(alertId);
}

describe("findDueAlerts", () => {
  it("raises nothing early on", () => {
    expect(due(1)).toEqual([]);
  });

  it("flags a phase at risk in the last 20% of its box", () => {
    expect(due(4.5)).toEqual(["phase:0:at_risk"]);
  });

  it("flags both thresholds once a limit has passed", () => {
    expect(due(16)).toEqual(["objective:critical-systems:at_risk", "objective:critical-systems:overdue", "phase:0:at_risk", "phase:0:overdue", "phase:1:at_risk", "phase:1:overdue"]);
  });

  it("skips completed phases, RPOs and phases without a time box", () => {
    expect(due(16, [declaredAtMs + 4 * MINUTE, declaredAtMs + 14 * MINUTE, null])).toEqual(["objective:critical-systems:at_risk", "objective:critical-systems:overdue"]);
  });

  it("skips alerts already on the timeline", () => {
    expect(due(16, [declaredAtMs, declaredAtMs, null], new Set(["objective:critical-systems:at_risk"]))).toEqual(["objective:critical-systems:overdue"]);
  });
});
