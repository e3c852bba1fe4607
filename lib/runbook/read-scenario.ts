import type { Section } from "./build-section-tree";
import { collectListItems } from "./collect-list-items";
import type { ImportWarning, Phase, Scenario, Step } from "./model";
import { parseTimeBox } from "./parse-time-box";
import { isStepHeading, readHeadingStep, readSectionSteps, readSteps } from "./read-steps";
import { isReferenceSection } from "./section-kinds";
import { slugifyText } from "./slugify-text";

// "SCENARIO 1: ", "Scenario - ", "Scenario #2 ": the label and number before the scenario's name.
const SCENARIO_PREFIX = /^(?:scenario|szenario|escenario|scénario|场景|シナリオ)\s*(?:#?\d+\s*)?[:.)\-–—：]\s*|^(?:scenario|szenario|escenario|scénario)\s*#?\d+\s+/iu;

// A bracketed group at the end of a heading, such as "(0-5 minutes)" or "[0-5 minutes]".
const TRAILING_BRACKETS = /\s*(?:\(([^()]*)\)|\[([^[\]]*)\]|（([^（）]*)）)\s*$/u;

export interface ScenarioOptions {
  /** Title for a scenario read from the whole document. */
  title?: string;
  /** True when the whole document is one scenario, so lists before the first heading form a phase. */
  wholeDocument?: boolean;
}

/**
 * Reads a scenario from its section. Each child heading is a phase, and the steps under a
 * phase heading (and under its own sub-headings) are its steps. Numbered sub-headings such as
 * "### 1. Restore" are steps. A scenario whose children are all numbered headings, or that has
 * no child headings, becomes one phase named "Steps". Children that describe rather than
 * instruct (overview, contacts, references) and prose-only children stay context. A phase
 * without a time box is kept with a warning. A scenario with no steps at all returns null with a warning.
 */
export function readScenario(section: Section, takenKeys: Set<string>, warnings: ImportWarning[], options: ScenarioOptions = {}): Scenario | null {
  const scenarioSection = options.wholeDocument ? unwrapSingleChild(section) : section;
  const headingTitle = options.title ?? section.title;
  const title = headingTitle.replace(SCENARIO_PREFIX, "").trim() || headingTitle || "Runbook";
  const phases = readPhases(scenarioSection, title, warnings, options.wholeDocument === true);

  if (phases.length === 0) {
    warnings.push({
      line: scenarioSection.line,
      message: options.wholeDocument
        ? "No steps found: the runbook has no list items, numbered step headings, step tables or commands. Write each step as a list item under a phase heading, for example \"## Recovery (5-15 minutes)\" then \"1. Restore the database\"."
        : `Scenario "${title}" has no steps and was skipped.`,
    });
    return null;
  }

  return { key: slugifyText(title, takenKeys), title, phases, line: section.line };
}

function readPhases(section: Section, scenarioTitle: string, warnings: ImportWarning[], wholeDocument: boolean): Phase[] {
  const phases: Phase[] = [];

  if (section.heading !== null && isReferenceSection(section) && wholeDocument) {
    return phases;
  }

  const phaseChildren = section.children.filter((child) => !isReferenceSection(child));

  if (phaseChildren.length === 0 || phaseChildren.every(isStepHeading)) {
    const steps = [...readSteps(section.content, warnings), ...phaseChildren.map((child) => readHeadingStep(child, warnings))];

    return steps.length === 0 ? [] : [buildPhase("Steps", section.line, steps, warnings, scenarioTitle)];
  }

  if (collectListItems(section.content).length > 0) {
    const ownSteps = readSteps(section.content, warnings);

    if (wholeDocument && ownSteps.length > 0) {
      phases.push(buildPhase("Steps", section.line, ownSteps, warnings, scenarioTitle));
    } else if (!wholeDocument) {
      warnings.push({
        line: section.line,
        message: `Scenario "${scenarioTitle}" has list items before its first phase heading. They were not imported. Move them under a phase heading.`,
      });
    }
  }

  let headingSteps: Step[] = [];

  for (const child of phaseChildren) {
    if (isStepHeading(child)) {
      headingSteps.push(readHeadingStep(child, warnings));
      continue;
    }

    if (headingSteps.length > 0) {
      phases.push(buildPhase("Steps", headingSteps[0].line, headingSteps, warnings, scenarioTitle));
      headingSteps = [];
    }

    const steps = readSectionSteps(child, warnings);

    if (steps.length === 0) {
      if (parseTimeBox(child.title).start !== null) {
        warnings.push({ line: child.line, message: `Phase "${removeTimeBox(child.title)}" of scenario "${scenarioTitle}" has no list items and was skipped.` });
      }
      continue;
    }

    phases.push(buildPhase(child.title, child.line, steps, warnings, scenarioTitle));
  }

  if (headingSteps.length > 0) {
    phases.push(buildPhase("Steps", headingSteps[0].line, headingSteps, warnings, scenarioTitle));
  }

  return phases;
}

/** Builds one phase. Its time box comes from the heading, and a phase without one gets a warning. */
function buildPhase(heading: string, line: number, steps: Step[], warnings: ImportWarning[], scenarioTitle: string): Phase {
  const timeBox = parseTimeBox(heading);
  const title = removeTimeBox(heading);

  if (timeBox.start === null) {
    warnings.push({
      line,
      message: `Phase "${title}" of scenario "${scenarioTitle}" has no time box. Set one in the runbook library, or add it to the heading, for example "(5-15 minutes)".`,
    });
  }

  return { title, startMinute: timeBox.start, endMinute: timeBox.end, steps, line };
}

/** Descends while a section has no steps of its own and exactly one child, as under a lone title heading. */
function unwrapSingleChild(section: Section): Section {
  let current = section;

  while (current.children.length === 1 && !isReferenceSection(current.children[0]) && readSteps(current.content, []).length === 0) {
    current = current.children[0];
  }

  return current;
}

/**
 * Removes a bracketed time box from the end of a phase heading, so "Immediate Actions
 * (0-5 minutes)" becomes "Immediate Actions".
 */
function removeTimeBox(heading: string): string {
  const match = TRAILING_BRACKETS.exec(heading);
  const bracketText = match?.[1] ?? match?.[2] ?? match?.[3];

  if (match === null || bracketText === undefined || parseTimeBox(bracketText).start === null) {
    return heading;
  }

  return heading.slice(0, match.index).trim() || heading;
}
