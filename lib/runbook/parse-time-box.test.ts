import { describe, expect, it } from "vitest";

import { parseTimeBox } from "./parse-time-box";

describe("parseTimeBox", () => {
  it.each([
    ["(0-5 minutes)", { start: 0, end: 5 }],
    ["(5-15 minutes)", { start: 5, end: 15 }],
    ["(15-30 minutes)", { start: 15, end: 30 }],
    ["(30+ minutes)", { start: 30, end: null }],
    ["Immediate Actions (0-5 minutes)", { start: 0, end: 5 }],
    ["0 – 5 min", { start: 0, end: 5 }],
    ["[10-20 mins]", { start: 10, end: 20 }],
  ])("reads %j", (text, expected) => {
    expect(parseTimeBox(text)).toEqual(expected);
  });

  it.each([
    ["Immediate Actions"],
    ["(soon)"],
    [""],
    ["(0-5 months)"],
    ["(15-5 minutes)"],
  ])("returns nulls for %j", (text) => {
    expect(parseTimeBox(text)).toEqual({ start: null, end: null });
  });
});

describe("parseTimeBox in other styles", () => {
  it.each([
    ["Containment (30+ min)", { start: 30, end: null }],
    ["First 15 minutes", { start: 0, end: 15 }],
    ["Triage: T+5", { start: 5, end: null }],
    ["T+5 – T+15", { start: 5, end: 15 }],
    ["Stabilise (< 10 min)", { start: 0, end: 10 }],
    ["Recovery (0–2 hours)", { start: 0, end: 120 }],
    ["Wiederherstellung (15-30 Minuten)", { start: 15, end: 30 }],
    ["Nachbereitung (1-2 Stunden)", { start: 60, end: 120 }],
    ["恢复 (5-15 分钟)", { start: 5, end: 15 }],
    ["初動（0〜5分）", { start: 0, end: 5 }],
    ["Escalate (2h+)", { start: 120, end: null }],
    ["Within 1 hour", { start: 0, end: 60 }],
  ])("reads %j", (text, expected) => {
    expect(parseTimeBox(text)).toEqual(expected);
  });

  it.each([["Phase 2 (0-5)"], ["Step 1-2"], ["T-5 checklist"], ["Restore 3 databases"], ["Version 1.2-3"]])(
    "leaves %j unknown",
    (text) => {
      expect(parseTimeBox(text)).toEqual({ start: null, end: null });
    },
  );
});
