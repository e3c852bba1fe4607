import type { Section } from "./build-section-tree";
import { parseTimeBox } from "./parse-time-box";
import { isReferenceSection } from "./section-kinds";

// "Scenario 1: …", "Scenario: …", but not "Scenarios", which usually groups them.
const SCENARIO_HEADING = /^(?:scenario|szenario|escenario|scénario|场景|シナリオ)(?![\p{L}])/iu;

const PHASE_WORDS = /\b(?:phase|actions)\b/iu;

/**
 * Finds the sections that describe incident scenarios, in document order.
 *
 * A scenario is a heading at any depth whose text starts with "Scenario". When the document
 * has none, it is a heading with a child heading that carries a time box such as
 * "(0-5 minutes)". When there is none of those either, it is a heading with a child heading
 * containing the word "phase" or "actions". Reference sections such as "Resources" are never
 * scenarios, and headings inside a scenario are never scenarios.
 */
export function findScenarioSections(root: Section): Section[] {
  const rules: Array<(section: Section) => boolean> = [
    (section) => SCENARIO_HEADING.test(section.title),
    (section) => !isReferenceSection(section) && section.children.some((child) => parseTimeBox(child.title).start !== null),
    (section) => !isReferenceSection(section) && section.children.some((child) => !isReferenceSection(child) && PHASE_WORDS.test(child.title)),
  ];

  for (const isScenario of rules) {
    const scenarios = findOutermost(root, isScenario);

    if (scenarios.length > 0) {
      return scenarios;
    }
  }

  return [];
}

function findOutermost(section: Section, isScenario: (section: Section) => boolean): Section[] {
  if (section.heading !== null && isScenario(section)) {
    return [section];
  }

  return section.children.flatMap((child) => findOutermost(child, isScenario));
}
