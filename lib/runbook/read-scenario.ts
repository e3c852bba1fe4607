import type { RootContent } from "mdast";

import type { Section } from "./build-section-tree";
import { collectListItems } from "./collect-list-items";
import { flattenSections } from "./flatten-sections";
import type { ImportWarning, Phase, Scenario } from "./model";
import { parseTimeBox } from "./parse-time-box";
import { readStep } from "./read-step";
import { slugifyText } from "./slugify-text";

// "SCENARIO 1: ", "Scenario - ", "Scenario #2 ": the label and number before the scenario's name.
const SCENARIO_PREFIX = /^scenario\s*(?:#?\d+\s*)?[:.)\-–—]\s*|^scenario\s*#?\d+\s+/iu;

// A bracketed group at the end of a heading, such as "(0-5 minutes)" or "[0-5 minutes]".
const TRAILING_BRACKETS = /\s*(?:\(([^()]*)\)|\[([^[\]]*)\])\s*$/u;

/**
 * Reads a scenario from its section. Each child heading is a phase, and the top-level list
 * items under a phase heading (and under its own sub-headings) are its steps. A scenario
 * without child headings becomes one phase named "Steps" holding its own list items.
 * Phases without steps are skipped with a warning. A scenario with no steps at all returns
 * null with a warning.
 */
export function readScenario(section: Section, takenKeys: Set<string>, warnings: ImportWarning[]): Scenario | null {
  const title = section.title.replace(SCENARIO_PREFIX, "").trim() || section.title;
  const phases: Phase[] = [];

  if (section.children.length === 0) {
    const phase = readPhase("Steps", section.line, section.content, warnings);

    if (phase.steps.length > 0) {
      phases.push(phase);
    }
  } else {
    if (collectListItems(section.content).length > 0) {
      warnings.push({
        line: section.line,
        message: `Scenario "${title}" has list items before its first phase heading. They were not imported. Move them under a phase heading.`,
      });
    }

    for (const phaseSection of section.children) {
      const content = flattenSections(phaseSection).flatMap((part) => part.content);
      const phase = readPhase(phaseSection.title, phaseSection.line, content, warnings);

      if (phase.steps.length === 0) {
        warnings.push({
          line: phase.line,
          message: `Phase "${phase.title}" of scenario "${title}" has no list items and was skipped.`,
        });
        continue;
      }

      phases.push(phase);
    }
  }

  if (phases.length === 0) {
    warnings.push({ line: section.line, message: `Scenario "${title}" has no steps and was skipped.` });
    return null;
  }

  return { key: slugifyText(title, takenKeys), title, phases, line: section.line };
}

/** Reads one phase. Its time box comes from the heading, and its steps from the list items in `content`. */
function readPhase(heading: string, line: number, content: RootContent[], warnings: ImportWarning[]): Phase {
  const timeBox = parseTimeBox(heading);

  return {
    title: removeTimeBox(heading),
    startMinute: timeBox.start,
    endMinute: timeBox.end,
    steps: collectListItems(content).map((item) => readStep(item, warnings)),
    line,
  };
}

/**
 * Removes a bracketed time box from the end of a phase heading, so "Immediate Actions
 * (0-5 minutes)" becomes "Immediate Actions".
 */
function removeTimeBox(heading: string): string {
  const match = TRAILING_BRACKETS.exec(heading);
  const bracketText = match?.[1] ?? match?.[2];

  if (match === null || bracketText === undefined || parseTimeBox(bracketText).start === null) {
    return heading;
  }

  return heading.slice(0, match.index).trim() || heading;
}
