import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { SAMPLE_RUNBOOK_PATH } from "../runbook/sample-runbook";
import { readPostRecoveryList } from "./read-post-recovery-list";

describe("readPostRecoveryList", () => {
  it("reads the sample runbook's list", () => {
    expect(readPostRecoveryList(readFileSync(SAMPLE_RUNBOOK_PATH, "utf8"))).toEqual([
      "System stability monitoring (24 hours)",
      "Performance baseline verification",
      "Customer communication and support",
      "Data integrity validation",
    ]);
  });

  it("ignores post-recovery phases outside the post-incident section", () => {
    const markdown = ["# Runbook", "## Scenario", "### Post-Recovery Actions", "1. Restart workers", "## Post-incident", "### Review", "- Write it up"].join("\n");
    expect(readPostRecoveryList(markdown)).toEqual([]);
  });

  it("reads a bulleted list under any heading depth", () => {
    const markdown = ["# Post Incident Procedures", "Intro text.", "## Post recovery", "- Watch error rates", "- **Tell customers**", "# Tools", "- Not this"].join("\n");
    expect(readPostRecoveryList(markdown)).toEqual(["Watch error rates", "Tell customers"]);
  });

  it("returns nothing without the section", () => {
    expect(readPostRecoveryList("# Runbook\n\n- a list\n")).toEqual([]);
  });
});
