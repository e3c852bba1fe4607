import { buildSectionTree, type Section } from "./build-section-tree";
import { findScenarioSections } from "./find-scenario-sections";
import { flattenSections } from "./flatten-sections";
import type { ImportWarning, RunbookModel, Scenario } from "./model";
import { parseMarkdown } from "./parse-markdown";
import { prepareText } from "./prepare-text";
import { readContacts } from "./read-contacts";
import { readContext } from "./read-context";
import { readMetadata } from "./read-metadata";
import { readObjectives } from "./read-objectives";
import { readScenario } from "./read-scenario";
import { readSeverities } from "./read-severities";

/**
 * Imports a Markdown runbook into the runbook model.
 *
 * `prepareText` first normalizes line endings, repairs mojibake, reads front matter and closes
 * unclosed fences, keeping every line number. The document is then parsed as CommonMark with
 * GitHub tables and read by its headings. The first "#" heading is the title. Headings starting
 * with "Scenario" are scenarios, `findScenarioSections` lists the rules used when there are
 * none, and a document that matches none of them is one scenario. The remaining headings supply
 * contacts, recovery objectives, severity levels and prose-only context.
 * It does not throw on bad input. What could not be imported is listed in `warnings`, sorted by line.
 */
export function parseRunbook(markdown: string): RunbookModel {
  const prepared = prepareText(markdown);
  const text = prepared.text;
  const lineCount = markdown === "" ? 1 : markdown.replace(/\r\n?/gu, "\n").split("\n").length;

  if (text.trim() === "") {
    return {
      title: "",
      metadata: prepared.frontMatter,
      objectives: [],
      severities: [],
      contacts: [],
      scenarios: [],
      context: [],
      warnings: [{ line: 1, message: "The runbook is empty. Add a title heading and at least one scenario." }],
      lineCount,
    };
  }

  const tree = parseMarkdown(text);
  const root = buildSectionTree(tree);
  const warnings: ImportWarning[] = [...prepared.warnings];

  const titleSection = findTitleSection(root);
  const title = titleSection?.title || prepared.frontMatter.title || "";

  if (titleSection === null) {
    warnings.push({ line: 1, message: 'The runbook has no headings, so it has no title. Start it with "# Title".' });
  }

  const scenarioSections = findScenarioSections(root);
  const scenarioKeys = new Set<string>();
  let scenarios: Scenario[];

  if (scenarioSections.length > 0) {
    scenarios = scenarioSections
      .map((section) => readScenario(section, scenarioKeys, warnings))
      .filter((scenario): scenario is Scenario => scenario !== null);
  } else {
    const whole = readScenario(root, scenarioKeys, warnings, { title: prepared.frontMatter.title || title || "Runbook", wholeDocument: true });

    scenarios = whole === null ? [] : [whole];
  }

  const referenceSections = flattenSections(root, new Set(scenarioSections));
  const objectives = readObjectives(referenceSections, warnings);
  const severities = readSeverities(referenceSections, warnings);
  const contacts = readContacts(referenceSections, warnings);
  const referenceLines = [...objectives, ...severities, ...contacts].map((item) => item.line);

  const model: RunbookModel = {
    title,
    metadata: { ...prepared.frontMatter, ...readMetadata(tree.children, titleSection?.heading ?? null) },
    objectives,
    severities,
    contacts,
    scenarios,
    context: readContext(flattenSections(root), collectStepLines(scenarios), referenceLines),
    warnings,
    lineCount,
  };

  model.warnings.sort((left, right) => left.line - right.line);

  return model;
}

/** Returns the first "#" heading, or the first heading of any depth when there is no "#" heading. */
function findTitleSection(root: Section): Section | null {
  const headings = flattenSections(root).filter((section) => section.heading !== null);

  return headings.find((section) => section.depth === 1) ?? headings[0] ?? null;
}

/** Lines of every phase and step, so the context reader can leave those sections out. */
function collectStepLines(scenarios: Scenario[]): Set<number> {
  const lines = new Set<number>();

  for (const scenario of scenarios) {
    for (const phase of scenario.phases) {
      lines.add(phase.line);

      for (const step of phase.steps) {
        lines.add(step.line);
      }
    }
  }

  return lines;
}
