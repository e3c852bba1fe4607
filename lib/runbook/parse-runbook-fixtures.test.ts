import { readFileSync } from "node:fs";
import path from "node:path";

import { describe, expect, it } from "vitest";

import { FIXTURES_DIR } from "./fixtures/read-fixtures";
import type { Phase, RunbookModel, Step } from "./model";
import { parseRunbook } from "./parse-runbook";

function readFixture(name: string): string {
  return readFileSync(path.join(FIXTURES_DIR, name), "utf8");
}

function parseFixture(name: string): RunbookModel {
  return parseRunbook(readFixture(name));
}

function allPhases(model: RunbookModel): Phase[] {
  return model.scenarios.flatMap((scenario) => scenario.phases);
}

function allSteps(model: RunbookModel): Step[] {
  return allPhases(model).flatMap((phase) => phase.steps);
}

function stepTitles(model: RunbookModel): string[] {
  return allSteps(model).map((step) => step.title);
}

describe("importer structure", () => {
  it("reads a document starting at H2 nested to H6", () => {
    const model = parseFixture("h2-start-deep-headings.md");

    expect(model.title).toBe("Payments API recovery");
    expect(model.scenarios.map((scenario) => scenario.title)).toEqual(["Primary region down"]);
    expect(allPhases(model).map((phase) => [phase.title, phase.startMinute, phase.endMinute])).toEqual([
      ["Detect", 0, 5],
      ["Fail over", 5, 15],
    ]);
    expect(stepTitles(model)).toEqual(["Confirm the alert in the dashboard", "Check the load balancer health", "Promote the standby database"]);
    expect(model.warnings).toEqual([]);
  });

  it("makes one scenario without scenario headings", () => {
    const model = parseFixture("no-scenario-headings.md");

    expect(model.scenarios.map((scenario) => scenario.title)).toEqual(["Cache cluster restart"]);
    expect(allPhases(model).map((phase) => phase.title)).toEqual(["Restart", "Verify"]);
    expect(stepTitles(model)).toEqual(["Drain the cache nodes", "Restart the service", "Check the hit rate"]);
    expect(model.context?.map((section) => section.title)).toEqual(["Cache cluster restart", "Background"]);
    expect(model.context?.[1].text).toContain("Losing it signs every user out.");
  });

  it("warns on every phase without a time box", () => {
    const model = parseFixture("no-scenario-headings.md");

    expect(model.warnings.map((warning) => [warning.line, warning.message])).toEqual([
      [9, 'Phase "Restart" of scenario "Cache cluster restart" has no time box. Set one in the runbook library, or add it to the heading, for example "(5-15 minutes)".'],
      [14, 'Phase "Verify" of scenario "Cache cluster restart" has no time box. Set one in the runbook library, or add it to the heading, for example "(5-15 minutes)".'],
    ]);
  });
});

describe("importer time boxes", () => {
  it("reads every written style", () => {
    const model = parseFixture("time-boxes.md");

    expect(allPhases(model).map((phase) => [phase.title, phase.startMinute, phase.endMinute])).toEqual([
      ["Immediate", 0, 5],
      ["Triage", 5, 15],
      ["Follow-up", 30, null],
      ["First 15 minutes", 0, 15],
      ["T+5 Escalate", 5, null],
      ["Stabilise", 0, 10],
      ["Long tail", 0, 120],
      ["恢复", 5, 15],
      ["Wiederherstellung", 10, 20],
      ["Nachbereitung", 60, 120],
      ["初動", 0, 5],
      ["Whenever convenient (soon)", null, null],
    ]);
  });

  it("keeps an unknown time box unknown", () => {
    const model = parseFixture("time-boxes.md");

    expect(model.warnings).toHaveLength(1);
    expect(model.warnings[0]).toMatchObject({ line: 27 });
    expect(model.warnings[0].message).toContain("has no time box");
  });
});

describe("importer steps", () => {
  const model = parseFixture("list-styles.md");
  const phase = (title: string) => allPhases(model).find((candidate) => candidate.title === title);

  it("reads lists numbered 1. 1. 1.", () => {
    expect(phase("Repeated numbers")?.steps.map((step) => step.title)).toEqual(["First", "Second", "Third"]);
  });

  it("reads task lists mixed with bullets", () => {
    const steps = phase("Task lists")?.steps ?? [];

    expect(steps.map((step) => [step.title, step.checked])).toEqual([
      ["Open the bridge", false],
      ["Page the on-call", true],
      ["Star task", false],
      ["Numbered task", false],
      ["Plain bullet between tasks", undefined],
      ["(Optional) Warm the cache", undefined],
    ]);
  });

  it("nests sub-steps at 2, 3 and 4 spaces", () => {
    const steps = phase("Nested sub-steps")?.steps ?? [];

    expect(steps.map((step) => step.title)).toEqual(["Two-space parent", "Three-space parent", "Four-space parent"]);
    expect(steps.map((step) => step.substeps?.map((substep) => substep.title))).toEqual([["two-space child"], ["three-space child"], ["four-space child"]]);
    expect(steps[1].substeps?.[0].substeps?.map((substep) => substep.title)).toEqual(["deeper child"]);
    expect(steps[0].substeps?.[0].line).toBe(23);
  });

  it("reads loose lists", () => {
    const steps = phase("Loose list")?.steps ?? [];

    expect(steps.map((step) => step.title)).toEqual(["Loose one", "Loose two", "Loose three"]);
    expect(steps[1].detail).toBe("More text for loose two.");
  });

  it("reads task lists in block quotes", () => {
    expect(phase("Quoted checklist")?.steps.map((step) => [step.title, step.checked, step.line])).toEqual([
      ["Quoted task one", false, 42],
      ["Quoted task two", true, 43],
    ]);
  });

  it("reads numbered step headings", () => {
    const headings = parseFixture("step-headings.md");
    const steps = allSteps(headings);

    expect(allPhases(headings).map((item) => item.title)).toEqual(["Restore"]);
    expect(steps.map((step) => [step.title, step.line, step.commands.length])).toEqual([
      ["Find the snapshot", 5, 1],
      ["Restore the snapshot", 13, 1],
      ["Check the data", 19, 0],
    ]);
    expect(steps[0].commands[0]).toEqual({ lang: "sh", code: "aws rds describe-db-snapshots", line: 9 });
    expect(steps[0].detail).toBe("List the snapshots:");
    expect(steps[2].substeps?.map((substep) => substep.title)).toEqual(["Count the rows", "Compare with yesterday"]);
  });

  it("reads step tables with owners and times", () => {
    const table = parseFixture("step-table.md");

    expect(allSteps(table).map((step) => [step.title, step.owner, step.time, step.line])).toEqual([
      ["Freeze deployments", "Release manager", "T+0", 9],
      ["Switch DNS to the standby region", "Network on-call", "T+5", 10],
      ["Confirm traffic in the standby region", "SRE", "T+15", 12],
    ]);
    expect(table.warnings.map((warning) => [warning.line, warning.message])).toEqual([
      [11, 'The table row at line 11 has an empty "action" cell, so it was not imported as a step.'],
    ]);
  });

  it("warns on an empty list item", () => {
    const empty = parseRunbook("# R\n## Scenario: S\n### Act (0-5 minutes)\n- Do it\n-\n- Then this\n");

    expect(stepTitles(empty)).toEqual(["Do it", "Then this"]);
    expect(empty.warnings.map((warning) => [warning.line, warning.message])).toEqual([[5, "The list item at line 5 has no text, so it was not imported as a step."]]);
  });

  it("reads an owner line", () => {
    const owned = parseRunbook("# R\n## Scenario: S\n### Act (0-5 minutes)\n1. Fail over (Owner: DBA)\n2. Tell users\n   Owner: Support lead\n");

    expect(allSteps(owned).map((step) => [step.title, step.owner, step.detail])).toEqual([
      ["Fail over", "DBA", ""],
      ["Tell users", "Support lead", ""],
    ]);
  });
});

describe("importer commands", () => {
  const model = parseFixture("commands.md");
  const step = (title: string) => allSteps(model).find((candidate) => candidate.title === title);

  it("attaches fences to their steps", () => {
    expect(step("Check the service")?.commands).toEqual([{ lang: "", code: "systemctl status api", line: 8 }]);
    expect(step("Restart the service")?.commands).toEqual([{ lang: "bash", code: "systemctl restart api", line: 13 }]);
  });

  it("strips $ prompts and keeps output apart", () => {
    expect(step("Show the pods")?.commands).toEqual([
      { lang: "shell", code: "kubectl get pods\nkubectl logs api-1 \\\n    --tail 20", output: "NAME    READY\napi-1   1/1", line: 19 },
    ]);
  });

  it("splits one big fence at step comments", () => {
    const phase = allPhases(model).find((candidate) => candidate.title === "One big script");

    expect(phase?.steps.map((item) => [item.title, item.line, item.commands.map((command) => command.code)])).toEqual([
      ["Stop the writers", 30, ["systemctl stop writer"]],
      ["Snapshot the volume", 32, ["lvcreate -s -n snap /dev/vg/data"]],
      ["Start the writers", 34, ["systemctl start writer"]],
    ]);
  });

  it("reads a prompt paragraph as a command", () => {
    expect(step("Check the replication lag")?.commands.map((command) => command.code)).toEqual(['psql -c "select now() - pg_last_xact_replay_timestamp()"']);
    expect(model.warnings).toEqual([]);
  });

  it("closes an unclosed fence at the next blank line", () => {
    const unclosed = parseFixture("unclosed-fence.md");

    expect(stepTitles(unclosed)).toEqual(["Run the script", "This list item is after the unclosed fence"]);
    expect(allSteps(unclosed)[0].commands.map((command) => command.code)).toEqual(["./restore.sh"]);
    expect(unclosed.contacts.map((contact) => contact.value)).toEqual(["dba@example.com"]);
    expect(unclosed.warnings.map((warning) => [warning.line, warning.message])).toEqual([
      [9, "The code fence at line 9 is never closed, so it was closed at the first blank line after it (line 11). Add a closing ``` line."],
    ]);
  });

  it("closes an unclosed HTML comment", () => {
    const model = parseRunbook("# R\n<!-- draft notes\n## Scenario: S\n### Act (0-5 minutes)\n1. Run\n");

    expect(stepTitles(model)).toEqual(["Run"]);
    expect(model.warnings.map((warning) => [warning.line, warning.message])).toEqual([
      [2, 'The HTML comment at line 2 is never closed, so it was closed at the end of that line. Add "-->" where the comment ends.'],
    ]);
  });

  it("closes a fence at the end of the file", () => {
    const unclosed = parseRunbook("# R\n## Scenario: S\n### Act (0-5 minutes)\n1. Run\n```\nrestart");

    expect(allSteps(unclosed)[0].commands.map((command) => command.code)).toEqual(["restart"]);
    expect(unclosed.warnings[0].message).toContain("closed at the end of the file");
  });
});

describe("importer objectives and severities", () => {
  it("reads objectives from lists, lines and tables", () => {
    const model = parseFixture("objectives.md");

    expect(model.objectives.map(({ kind, name, minutes, line }) => [kind, name, minutes, line])).toEqual([
      ["RTO", "Database Restore", 15, 5],
      ["RTO", "Web tier", 240, 6],
      ["RTO", "Queue", 60, 7],
      ["RTO", "Cache", 30, 8],
      ["RTO", "Total Target RTO", 55, 10],
      ["RTO", "Orders", 120, 16],
      ["RPO", "Orders", 15, 16],
      ["RTO", "Search", 1440, 17],
      ["RPO", "Search", 1440, 17],
    ]);
  });

  it("reads severities from lists and tables", () => {
    const model = parseFixture("severities.md");

    expect(model.severities.map(({ level, label, criteria, line }) => [level, label, criteria, line])).toEqual([
      [1, "Critical", ["complete outage"], 5],
      [2, "High", ["degraded checkout", "more than 5% of requests fail"], 6],
      [3, "P3", ["minor bug"], 8],
      [4, "Low", ["Cosmetic issue"], 14],
    ]);
  });

  it("reads contacts from tables", () => {
    const model = parseFixture("severities.md");

    expect(model.contacts).toEqual([{ group: "Contacts", role: "Incident commander", value: "Ada · +1 555 0100", line: 20 }]);
  });
});

describe("importer text handling", () => {
  const base = readFixture("list-styles.md");
  const baseModel = parseRunbook(base);

  it("reads CRLF, CR and mixed line endings", () => {
    const lines = base.split("\n");
    const endings = ["\r\n", "\n", "\r"];
    const mixed = lines.map((line, index) => line + endings[index % 3]).join("");

    for (const text of [base.replaceAll("\n", "\r\n"), mixed]) {
      const model = parseRunbook(text);

      expect(allSteps(model).map((step) => [step.title, step.line])).toEqual(allSteps(baseModel).map((step) => [step.title, step.line]));
    }
  });

  it("ignores a byte-order mark", () => {
    const model = parseRunbook(`\uFEFF${base}`);

    expect(model.title).toBe("List styles");
    expect(allSteps(model).map((step) => step.line)).toEqual(allSteps(baseModel).map((step) => step.line));
  });

  it("reads YAML front matter as metadata", () => {
    const model = parseFixture("front-matter-yaml.md");

    expect(model.metadata).toEqual({
      title: "Queue recovery",
      owner_slack: "#queue-team",
      description: "Restore the queue after data loss.",
      last_reviewed_on: "2026-10-01",
    });
    expect(allSteps(model).map((step) => [step.title, step.line])).toEqual([["Restart the brokers", 11]]);
  });

  it("reads TOML front matter as metadata", () => {
    const model = parseFixture("front-matter-toml.md");

    expect(model.metadata).toEqual({ title: "Search recovery", weight: "3" });
    expect(model.title).toBe("Search recovery");
  });

  it("keeps HTML and placeholders as text", () => {
    const model = parseFixture("html-and-admonitions.md");

    expect(model.scenarios[0].title).toBe("Placeholders for {{ COMPANY_NAME }}");
    expect(stepTitles(model)).toEqual(["Email {{ SUPPORT_EMAIL }} about <b>the outage</b>", "Run deploy {{ ENVIRONMENT }}"]);
    expect(model.context?.[0].text).toContain('<script>alert("x")</script>');
    expect(model.context?.[0].text).toContain("<!-- Force separation between lists -->");
  });

  it("reads admonition bodies as text", () => {
    const model = parseFixture("html-and-admonitions.md");
    const text = model.context?.[0].text ?? "";

    expect(text).toContain("Do not delete the volume.");
    expect(text).toContain("Take a breath.");
    expect(text).not.toContain(":::");
    expect(allSteps(model).flatMap((step) => step.commands)).toEqual([]);
  });

  it("repairs Windows-1252 mojibake", () => {
    const model = parseFixture("mojibake-windows-1252.md");

    expect(model.title).toBe("Recovery’s guide — café");
    expect(stepTitles(model)).toEqual(["Restart the café service “now”"]);
  });
});
