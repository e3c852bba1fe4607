import remarkGfm from "remark-gfm";
import remarkParse from "remark-parse";
import { unified } from "unified";

import { buildSectionTree, type Section } from "./build-section-tree";
import { findScenarioSections } from "./find-scenario-sections";
import { flattenSections } from "./flatten-sections";
import type { ImportWarning, RunbookModel, Scenario } from "./model";
import { readContacts } from "./read-contacts";
import { readMetadata } from "./read-metadata";
import { readObjectives } from "./read-objectives";
import { readScenario } from "./read-scenario";
import { readSeverities } from "./read-severities";
import { repairMojibake } from "./repair-mojibake";

/**
 * Imports a Markdown disaster-recovery runbook into the runbook model.
 *
 * Mojibake is repaired first, then the document is parsed as GitHub-flavoured Markdown and
 * read by its headings. The first "#" heading is the title. Headings starting with "Scenario"
 * are scenarios, and `findScenarioSections` lists the rules used when there are none.
 * The remaining headings supply contacts, recovery objectives and severity levels.
 * It does not throw on bad input. What could not be imported is listed in `warnings`, sorted by line.
 */
export function parseRunbook(markdown: string): RunbookModel {
  // The byte-order mark is one character on line 1, so removing it keeps line numbers valid.
  const text = repairMojibake(markdown.replace(/^\uFEFF/u, ""));

  if (text.trim() === "") {
    return {
      title: "",
      metadata: {},
      objectives: [],
      severities: [],
      contacts: [],
      scenarios: [],
      warnings: [{ line: 1, message: "The runbook is empty. Add a title heading and at least one scenario." }],
    };
  }

  const tree = unified().use(remarkParse).use(remarkGfm).parse(text);
  const root = buildSectionTree(tree);
  const warnings: ImportWarning[] = [];

  const titleSection = findTitleSection(root);

  if (titleSection === null) {
    warnings.push({ line: 1, message: 'The runbook has no headings, so it has no title. Start it with "# Title".' });
  }

  const scenarioSections = findScenarioSections(root);
  const contextSections = flattenSections(root, new Set(scenarioSections));

  const scenarioKeys = new Set<string>();
  const scenarios = scenarioSections
    .map((section) => readScenario(section, scenarioKeys, warnings))
    .filter((scenario): scenario is Scenario => scenario !== null);

  if (scenarioSections.length === 0) {
    warnings.push({
      line: 1,
      message:
        'No scenarios found. Start a scenario heading with "Scenario", for example "### Scenario 1: Database Failure", and put its steps in lists under phase headings.',
    });
  }

  const model: RunbookModel = {
    title: titleSection?.title ?? "",
    metadata: readMetadata(tree.children, titleSection?.heading ?? null),
    objectives: readObjectives(contextSections, warnings),
    severities: readSeverities(contextSections, warnings),
    contacts: readContacts(contextSections, warnings),
    scenarios,
    warnings,
  };

  model.warnings.sort((left, right) => left.line - right.line);

  return model;
}

/** Returns the first "#" heading, or the first heading of any depth when there is no "#" heading. */
function findTitleSection(root: Section): Section | null {
  const headings = flattenSections(root).filter((section) => section.heading !== null);

  return headings.find((section) => section.depth === 1) ?? headings[0] ?? null;
}
