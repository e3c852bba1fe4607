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
