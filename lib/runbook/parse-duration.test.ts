import { describe, expect, it } from "vitest";

import { parseDuration } from "./parse-duration";

describe("parseDuration", () => {
  it.each([
    ["15 minutes", 15],
    ["30 minutes", 30],
    ["45 minutes", 45],
    ["1 hour", 60],
    ["4 hours", 240],
    ["1h", 60],
    ["30 min", 30],
    ["< 4 hours", 240],
    ["up to 2 hrs", 120],
    ["1.5 hours", 90],
    ["1 day", 1440],
    ["  10 Minutes  ", 10],
  ])("converts %j", (text, minutes) => {
    expect(parseDuration(text)).toBe(minutes);
  });

  it.each([
    [""],
    ["soon"],
    ["15"],
    ["15 fortnights"],
    ["5 constructor"],
    ["15 minutes or 4 hours"],
    ["restore within 15 minutes"],
  ])("returns null for %j", (text) => {
    expect(parseDuration(text)).toBeNull();
  });
});
