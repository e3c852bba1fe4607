import { describe, expect, it } from "vitest";

import { splitHeadingNumber } from "./split-heading-number";

describe("splitHeadingNumber", () => {
  it.each([
    ["1. Restore the snapshot", "1", "Restore the snapshot"],
    ["2) Verify", "2", "Verify"],
    ["Step 3: Notify", "3", "Notify"],
    ["1.2 Check replicas", "1.2", "Check replicas"],
    ["4\uFE0F\u20E3 Fail over", "4", "Fail over"],
    ["Schritt 5 - Prüfen", "5", "Prüfen"],
  ])("splits %j", (text, number, rest) => {
    expect(splitHeadingNumber(text)).toEqual({ number, rest });
  });

  it.each([["2024 review"], ["Severity 1 - Critical"], ["Steps to recover"], ["1."], ["Scenario 2: Outage"]])("keeps %j", (text) => {
    expect(splitHeadingNumber(text)).toEqual({ number: null, rest: text });
  });
});
