import type { RunbookModel, Step } from "./model";

export interface StepChange {
  scenario: string;
  phase: string;
  title: string;
  /** Line of the step in the newer version, or in the older one for a removed step. */
  line: number;
  /** For a changed step, what changed: "detail", "commands", "owner", "sub-steps", "phase time box". */
  fields?: string[];
}

export interface RunbookDiff {
  added: StepChange[];
  removed: StepChange[];
  changed: StepChange[];
}

interface KeyedStep {
  scenario: string;
  phase: string;
  step: Step;
  timeBox: string;
}

/**
 * Compares the steps of two runbook versions. A step is identified by its scenario key, phase
 * title and step title (and its position among equal titles), so a renamed step shows as removed
 * and added. Moving a step to another line is not a change.
 */
export function diffRunbookModels(older: RunbookModel, newer: RunbookModel): RunbookDiff {
  const olderSteps = keySteps(older);
  const newerSteps = keySteps(newer);
  const diff: RunbookDiff = { added: [], removed: [], changed: [] };

  for (const [key, after] of newerSteps) {
    const before = olderSteps.get(key);

    if (before === undefined) {
      diff.added.push(describe(after));
      continue;
    }

    const fields = compareSteps(before, after);

    if (fields.length > 0) {
      diff.changed.push({ ...describe(after), fields });
    }
  }

  for (const [key, before] of olderSteps) {
    if (!newerSteps.has(key)) {
      diff.removed.push(describe(before));
    }
  }

  return diff;
}

function keySteps(model: RunbookModel): Map<string, KeyedStep> {
  const steps = new Map<string, KeyedStep>();

  for (const scenario of model.scenarios) {
    for (const phase of scenario.phases) {
      for (const step of phase.steps) {
        const base = JSON.stringify([scenario.key, phase.title, step.title]);
        let key = base;

        for (let occurrence = 2; steps.has(key); occurrence++) {
          key = `${base}#${occurrence}`;
        }

        steps.set(key, { scenario: scenario.title, phase: phase.title, step, timeBox: `${phase.startMinute}-${phase.endMinute}` });
      }
    }
  }

  return steps;
}

function compareSteps(before: KeyedStep, after: KeyedStep): string[] {
  const fields: string[] = [];
  const commands = (step: Step) => JSON.stringify(step.commands.map(({ lang, code }) => [lang, code]));
  const substeps = (step: Step) => JSON.stringify((step.substeps ?? []).map((substep) => substep.title));

  if (before.step.detail !== after.step.detail) fields.push("detail");
  if (commands(before.step) !== commands(after.step)) fields.push("commands");
  if ((before.step.owner ?? "") !== (after.step.owner ?? "")) fields.push("owner");
  if (substeps(before.step) !== substeps(after.step)) fields.push("sub-steps");
  if (before.timeBox !== after.timeBox) fields.push("phase time box");

  return fields;
}

function describe(keyed: KeyedStep): StepChange {
  return { scenario: keyed.scenario, phase: keyed.phase, title: keyed.step.title, line: keyed.step.line };
}
