import { describe, expect, it } from "vitest";

import { slugifyText } from "./slugify-text";

describe("slugifyText", () => {
  it.each([
    ["Complete Database Failure", "complete-database-failure"],
    ["CDN/Asset Failure", "cdn-asset-failure"],
    ["  Déjà vu!  ", "deja-vu"],
    ["🚨", "untitled"],
  ])("slugifies %j", (text, expected) => {
    expect(slugifyText(text)).toBe(expected);
  });

  it("suffixes taken keys", () => {
    const takenKeys = new Set<string>();

    expect(slugifyText("Database Failure", takenKeys)).toBe("database-failure");
    expect(slugifyText("Database failure", takenKeys)).toBe("database-failure-2");
    expect(slugifyText("DATABASE FAILURE", takenKeys)).toBe("database-failure-3");
    expect([...takenKeys]).toEqual(["database-failure", "database-failure-2", "database-failure-3"]);
  });
});
