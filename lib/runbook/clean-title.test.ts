import { describe, expect, it } from "vitest";

import { cleanTitle } from "./clean-title";

describe("cleanTitle", () => {
  it.each([
    ["🚨 DISASTER RECOVERY RUNBOOK", "DISASTER RECOVERY RUNBOOK"],
    ["📋 EMERGENCY CONTACTS", "EMERGENCY CONTACTS"],
    ["⚠️ Warnings", "Warnings"],
    ["1️⃣ First step", "First step"],
    ["Handover 🧑‍💻 to on-call 👍🏽", "Handover to on-call"],
    ["Failover 🇺🇸 region", "Failover region"],
    ["**Primary Contacts", "Primary Contacts"],
    ["  Restore   from backup:  ", "Restore from backup"],
  ])("cleans %j", (text, expected) => {
    expect(cleanTitle(text)).toBe(expected);
  });

  it.each([["Acme™ Platform ©"], ["Failover ↔ Failback"], ["Größe prüfen"], ["Step 1"]])("keeps text symbols in %j", (text) => {
    expect(cleanTitle(text)).toBe(text);
  });
});
