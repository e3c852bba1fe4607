import type { Section } from "./build-section-tree";
import { parseTimeBox } from "./parse-time-box";

// "Scenario 1: …", "Scenario: …", but not "Scenarios", which usually groups them.
const SCENARIO_HEADING = /^scenario\b/iu;

const PHASE_WORDS = /\b(?:phase|actions)\b/iu;

/**
 * Finds the sections that describe incident scenarios, in document order.
 *
 * A scenario is a heading at any depth whose text starts with "Scenario". When the document
 * has none, it is a heading with a child heading that carries a time box such as
 * "(0-5 minutes)". When there is none of those either, it is a heading with a child heading
 * containing the word "phase" or "actions". Headings inside a scenario are never scenarios.
 */
export function findScenarioSections(root: Section): Section[] {
  const rules: Array<(section: Section) => boolean> = [
    (section) => SCENARIO_HEADING.test(section.title),
    (section) => section.children.some((child) => parseTimeBox(child.title).start !== null),
    (section) => section.children.some((child) => PHASE_WORDS.test(child.title)),
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
