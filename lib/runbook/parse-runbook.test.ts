import { describe, expect, it } from "vitest";

import type { RunbookModel, Step } from "./model";
import { parseRunbook } from "./parse-runbook";
import { readSampleRunbook } from "./sample-runbook";

const sampleMarkdown = readSampleRunbook();
const sampleLines = sampleMarkdown.split("\n");
const sample = parseRunbook(sampleMarkdown);

function findStep(model: RunbookModel, title: string): Step {
  const step = model.scenarios
    .flatMap((scenario) => scenario.phases)
    .flatMap((phase) => phase.steps)
    .find((candidate) => candidate.title === title);

  if (step === undefined) {
    throw new Error(`Step "${title}" not found in the parsed runbook.`);
  }

  return step;
}

describe("parseRunbook on the sample runbook", () => {
  it("reads the clean title", () => {
    expect(sample.title).toBe("DISASTER RECOVERY RUNBOOK");
  });

  it("reads the metadata lines", () => {
    expect(sample.metadata).toEqual({
      "Last Updated": "2025-06-04T19:07:18.675Z",
      Version: "1.0",
      Contact: "admin@midastechnical.com",
    });
  });

  it("reads recovery objectives in minutes", () => {
    const summary = sample.objectives.map(({ kind, key, name, minutes }) => ({ kind, key, name, minutes }));

    expect(summary).toEqual([
      { kind: "RTO", key: "critical-systems", name: "Critical Systems", minutes: 15 },
      { kind: "RTO", key: "database-restore", name: "Database Restore", minutes: 15 },
      { kind: "RTO", key: "full-application", name: "Full Application", minutes: 30 },
      { kind: "RTO", key: "cdn-and-assets", name: "CDN and Assets", minutes: 45 },
      { kind: "RPO", key: "maximum-data-loss", name: "Maximum Data Loss", minutes: 240 },
      { kind: "RPO", key: "critical-transactions", name: "Critical Transactions", minutes: 60 },
      { kind: "RPO", key: "customer-data", name: "Customer Data", minutes: 30 },
    ]);
  });

  it("reads severity levels and criteria", () => {
    expect(sample.severities.map((severity) => [severity.level, severity.label, severity.criteria.length])).toEqual([
      [1, "Critical", 4],
      [2, "High", 3],
      [3, "Medium", 3],
    ]);
    expect(sample.severities[0].title).toBe("Severity 1 - Critical");
    expect(sample.severities[0].criteria).toEqual([
      "Complete site outage",
      "Database corruption",
      "Security breach",
      "Payment system failure",
    ]);
  });

  it("reads contacts with their groups", () => {
    expect(sample.contacts).toHaveLength(8);
    expect(sample.contacts.filter((contact) => contact.group === "Primary Contacts")).toHaveLength(4);
    expect(sample.contacts.filter((contact) => contact.group === "External Vendors")).toHaveLength(4);
    expect(sample.contacts[0]).toEqual({
      group: "Primary Contacts",
      role: "System Administrator",
      value: "admin@midastechnical.com",
      line: 13,
    });
    expect(sample.contacts[7]).toMatchObject({ group: "External Vendors", role: "Payment Processor", value: "Stripe Support" });
  });

  it("reads four scenarios with phases", () => {
    const outline = sample.scenarios.map((scenario) => ({
      key: scenario.key,
      title: scenario.title,
      phases: scenario.phases.map((phase) => [phase.title, phase.startMinute, phase.endMinute, phase.steps.length]),
    }));

    expect(outline).toEqual([
      {
        key: "complete-database-failure",
        title: "Complete Database Failure",
        phases: [
          ["Immediate Actions", 0, 5, 3],
          ["Recovery Actions", 5, 15, 3],
          ["Post-Recovery Actions", 15, 30, 4],
        ],
      },
      {
        key: "application-server-failure",
        title: "Application Server Failure",
        phases: [
          ["Immediate Actions", 0, 5, 2],
          ["Recovery Actions", 5, 15, 2],
        ],
      },
      {
        key: "cdn-asset-failure",
        title: "CDN/Asset Failure",
        phases: [["Immediate Actions", 0, 5, 2]],
      },
      {
        key: "security-breach",
        title: "Security Breach",
        phases: [["Immediate Actions", 0, 5, 3]],
      },
    ]);
  });

  it("reads step titles from bold text", () => {
    const databaseFailure = sample.scenarios[0];

    expect(databaseFailure.phases[0].steps.map((step) => step.title)).toEqual([
      "Assess the situation",
      "Activate maintenance mode",
      "Notify stakeholders",
    ]);
    expect(databaseFailure.phases[2].steps.map((step) => step.title)).toEqual([
      "Disable maintenance mode",
      "Monitor system performance",
      "Verify all services are operational",
      "Document incident and lessons learned",
    ]);
  });

  it("attaches commands to their steps", () => {
    const assess = findStep(sample, "Assess the situation");

    expect(assess.commands).toHaveLength(1);
    expect(assess.commands[0].lang).toBe("bash");
    expect(assess.commands[0].code).toContain("pg_isready -h $DB_HOST -p $DB_PORT");
    expect(assess.commands[0].code).toContain("tail -f /var/log/postgresql/postgresql.log");
    expect(assess.commands[0].code).not.toContain("touch /var/www/midastechnical/.maintenance");

    const maintenance = findStep(sample, "Activate maintenance mode");

    expect(maintenance.commands).toHaveLength(1);
    expect(maintenance.commands[0].code).toBe("# Enable maintenance page\ntouch /var/www/midastechnical/.maintenance");

    const restore = findStep(sample, "Restore from latest backup");

    expect(restore.commands).toHaveLength(1);
    expect(restore.commands[0].code).toContain("pg_restore -d midastechnical_store_new /tmp/restore.sql");
  });

  it("keeps sub-items as step detail", () => {
    const notify = findStep(sample, "Notify stakeholders");

    expect(notify.commands).toEqual([]);
    expect(notify.detail).toBe(
      "Send alert to emergency contacts\nUpdate status page\nNotify customers via email/social media",
    );
  });

  it("gives every command the bash language", () => {
    const commands = sample.scenarios.flatMap((scenario) =>
      scenario.phases.flatMap((phase) => phase.steps.flatMap((step) => step.commands)),
    );

    expect(commands).toHaveLength(12);

    for (const command of commands) {
      expect(command.lang).toBe("bash");
    }
  });

  it("points lines at the source", () => {
    expect(findStep(sample, "Assess the situation").line).toBe(66);
    expect(sample.scenarios[0].line).toBe(63);
    expect(sample.scenarios[0].phases[0].line).toBe(65);

    for (const scenario of sample.scenarios) {
      expect(sampleLines[scenario.line - 1]).toContain(scenario.title);

      for (const phase of scenario.phases) {
        expect(sampleLines[phase.line - 1]).toContain(phase.title);

        for (const step of phase.steps) {
          expect(sampleLines[step.line - 1]).toContain(`**${step.title}**`);

          for (const command of step.commands) {
            expect(sampleLines[command.line - 1].trim()).toBe("```bash");
          }
        }
      }
    }
  });

  it("keeps context sections out of scenarios", () => {
    const titles = sample.scenarios.map((scenario) => scenario.title.toUpperCase());

    for (const context of ["TESTING", "MONITORING", "POST-INCIDENT", "TOOLS"]) {
      expect(titles.some((title) => title.includes(context))).toBe(false);
    }
  });

  it("cleans every title", () => {
    const titles = [
      sample.title,
      ...sample.contacts.map((contact) => contact.group),
      ...sample.scenarios.flatMap((scenario) => [
        scenario.title,
        ...scenario.phases.flatMap((phase) => [phase.title, ...phase.steps.map((step) => step.title)]),
      ]),
    ];

    for (const title of titles) {
      expect(title).toBe(title.trim());
      expect(title).not.toMatch(/\*\*|\p{Extended_Pictographic}|[\uF8FFüö®ìã]/u);
    }
  });

  it("reports no warnings", () => {
    expect(sample.warnings).toEqual([]);
  });
});

describe("parseRunbook on other input", () => {
  it.each([[""], ["   \n\n  "], ["\uFEFF"]])("warns on empty input %j", (markdown) => {
    const model = parseRunbook(markdown);

    expect(model.scenarios).toEqual([]);
    expect(model.title).toBe("");
    expect(model.warnings).toHaveLength(1);
    expect(model.warnings[0].message).toContain("empty");
  });

  it("warns on step-less input", () => {
    const model = parseRunbook("# Runbook\n\nSome prose about recovery.\n\n## Contacts\n- **Admin:** a@example.com\n");

    expect(model.title).toBe("Runbook");
    expect(model.contacts).toHaveLength(1);
    expect(model.scenarios).toEqual([]);
    expect(model.warnings).toHaveLength(1);
    expect(model.warnings[0].message).toContain("No steps found");
  });

  it("skips a scenario without steps", () => {
    const model = parseRunbook("# Runbook\n\n### Scenario 1: Flood\n\n#### Immediate Actions (0-5 minutes)\n\nStay calm.\n");

    expect(model.scenarios).toEqual([]);
    expect(model.warnings.map((warning) => [warning.line, warning.message])).toEqual([
      [3, 'Scenario "Flood" has no steps and was skipped.'],
      [5, 'Phase "Immediate Actions" of scenario "Flood" has no list items and was skipped.'],
    ]);
  });

  it("repairs mojibake before parsing", () => {
    const model = parseRunbook(
      "# \uF8FFüö® Runbook\n\n### Scenario: Power Loss \uF8FFüîß\n\n#### Immediate Actions (0-5 minutes)\n1. **Switch to generator** â€” check fuel\n",
    );

    expect(model.title).toBe("Runbook");
    expect(model.scenarios[0].title).toBe("Power Loss");
    expect(model.scenarios[0].phases[0].steps[0]).toEqual({
      title: "Switch to generator",
      detail: "check fuel",
      commands: [],
      line: 6,
    });
  });

  it("finds scenarios by time-boxed phases", () => {
    const markdown = [
      "# Runbook",
      "## Procedures",
      "### Database Failure",
      "#### Immediate Actions (0-5 minutes)",
      "1. **Check the database**",
      "#### Follow-up (30+ minutes)",
      "- **Write the report**",
      "## Post-Incident Actions",
      "### Review",
      "1. **Hold a review**",
    ].join("\n");
    const model = parseRunbook(markdown);

    expect(model.scenarios).toHaveLength(1);
    expect(model.scenarios[0].title).toBe("Database Failure");
    expect(model.scenarios[0].phases.map((phase) => [phase.title, phase.startMinute, phase.endMinute])).toEqual([
      ["Immediate Actions", 0, 5],
      ["Follow-up", 30, null],
    ]);
    expect(model.warnings).toEqual([]);
  });

  it("reads a scenario without phase headings", () => {
    const model = parseRunbook("# Runbook\n## Scenario: Lost Keys\n1. **Rotate keys**\n   ```\n   rotate --all\n   ```\n2. Tell the team\n");

    expect(model.scenarios).toHaveLength(1);
    expect(model.scenarios[0].phases).toHaveLength(1);
    expect(model.scenarios[0].phases[0]).toMatchObject({ title: "Steps", startMinute: null, endMinute: null });
    expect(model.scenarios[0].phases[0].steps.map((step) => step.title)).toEqual(["Rotate keys", "Tell the team"]);
    expect(model.scenarios[0].phases[0].steps[0].commands).toEqual([{ lang: "", code: "rotate --all", line: 4 }]);
  });

  it("makes scenario keys unique", () => {
    const scenario = "### Scenario: Outage\n#### Immediate Actions (0-5 minutes)\n1. **Act**\n";
    const model = parseRunbook(`# Runbook\n${scenario}${scenario}`);

    expect(model.scenarios.map((item) => item.key)).toEqual(["outage", "outage-2"]);
  });

  it("warns on unreadable objectives and contacts", () => {
    const markdown = [
      "# Runbook",
      "## Recovery Time Objectives (RTO)",
      "- **Database:** soon",
      "- **Web:** 2h",
      "## Contacts",
      "- Call the NOC",
      "## Scenario 1: Outage",
      "1. **Act**",
    ].join("\n");
    const model = parseRunbook(markdown);

    expect(model.objectives.map((objective) => [objective.name, objective.minutes])).toEqual([["Web", 120]]);
    expect(model.contacts).toEqual([{ group: "Contacts", role: "", value: "Call the NOC", line: 6 }]);
    expect(model.warnings.map((warning) => warning.line)).toEqual([3, 6, 7]);
    expect(model.warnings[2].message).toContain("has no time box");
  });

  it("reads metadata only at the top", () => {
    const markdown = [
      "# Runbook",
      "**Owner:** Ops",
      "**Version:** 2",
      "",
      "Reviewed: every quarter, by the on-call lead and the platform team.",
      "This paragraph is prose.",
      "",
      "---",
      "",
      "**Version:** 3",
      "## Scenario: Outage",
      "1. **Act**",
    ].join("\n");
    const model = parseRunbook(markdown);

    expect(model.metadata).toEqual({ Owner: "Ops", Version: "2" });
  });

  it("warns on a step without title", () => {
    const markdown = ["# Runbook", "## Scenario: Outage", "1. ```", "   restart", "   ```", "   Check the logs"].join("\n");
    const model = parseRunbook(markdown);
    const step = model.scenarios[0].phases[0].steps[0];

    expect(step.title).toBe("Check the logs");
    expect(step.commands.map((command) => command.code)).toEqual(["restart"]);
    expect(model.warnings.map((warning) => warning.line)).toEqual([2, 3]);
    expect(model.warnings[1].message).toContain("Step has no title line");
  });

  it("reads a document without headings", () => {
    const model = parseRunbook("1. **Do something**\n");

    expect(model.title).toBe("");
    expect(model.scenarios.map((scenario) => scenario.title)).toEqual(["Runbook"]);
    expect(model.scenarios[0].phases[0].steps.map((step) => step.title)).toEqual(["Do something"]);
    expect(model.warnings.map((warning) => warning.message)).toEqual([
      'The runbook has no headings, so it has no title. Start it with "# Title".',
      'Phase "Steps" of scenario "Runbook" has no time box. Set one in the runbook library, or add it to the heading, for example "(5-15 minutes)".',
    ]);
  });

  it.each([["#"], ["```\nunclosed"], ["- \n- \n"], ["### Scenario\n#### Phase\n1.\n"], ["\u0000\uFFFF\uD800"]])(
    "does not throw on %j",
    (markdown) => {
      expect(() => parseRunbook(markdown)).not.toThrow();
    },
  );
});
