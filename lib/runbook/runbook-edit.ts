import { z } from "zod";

import type { RunbookModel } from "./model";

// Edits an admin makes after import, for what the Markdown could not express. Phases and steps are
// found by scenario key and title, so an edit still applies to a later version of the text
// where the phase or step kept its title.
export const runbookEditSchema = z.discriminatedUnion("kind", [
  z.object({
    kind: z.literal("phaseTimeBox"),
    scenarioKey: z.string().min(1),
    phaseTitle: z.string().min(1),
    startMinute: z.number().int().min(0).max(100_000).nullable(),
    endMinute: z.number().int().min(0).max(100_000).nullable(),
  }),
  z.object({
    kind: z.literal("scenarioObjective"),
    scenarioKey: z.string().min(1),
    // Null removes the choice, so the scenario counts against every RTO objective again.
    objectiveKey: z.string().min(1).nullable(),
  }),
  z.object({
    kind: z.literal("stepOwner"),
    scenarioKey: z.string().min(1),
    phaseTitle: z.string().min(1),
    stepTitle: z.string().min(1),
    // An empty owner removes it.
    owner: z.string().trim().max(120),
  }),
]);

export type RunbookEdit = z.infer<typeof runbookEditSchema>;

/** Returns a copy of `model` with the edits applied in order. Edits whose target is missing are skipped. */
export function applyRunbookEdits(model: RunbookModel, edits: readonly RunbookEdit[]): RunbookModel {
  const edited: RunbookModel = structuredClone(model);

  for (const edit of edits) {
    const scenario = edited.scenarios.find((candidate) => candidate.key === edit.scenarioKey);

    if (scenario === undefined) continue;

    if (edit.kind === "scenarioObjective") {
      if (edit.objectiveKey === null) {
        delete scenario.objectiveKey;
      } else if (edited.objectives.some((objective) => objective.kind === "RTO" && objective.key === edit.objectiveKey)) {
        scenario.objectiveKey = edit.objectiveKey;
      }
      continue;
    }

    const phase = scenario.phases.find((candidate) => candidate.title === edit.phaseTitle);

    if (phase === undefined) continue;

    if (edit.kind === "phaseTimeBox") {
      phase.startMinute = edit.startMinute;
      phase.endMinute = edit.startMinute === null ? null : edit.endMinute;

      if (edit.startMinute !== null) {
        edited.warnings = edited.warnings.filter((warning) => !(warning.line === phase.line && warning.message.includes("has no time box")));
      }
      continue;
    }

    const step = phase.steps.find((candidate) => candidate.title === edit.stepTitle);

    if (step === undefined) continue;

    if (edit.owner === "") {
      delete step.owner;
    } else {
      step.owner = edit.owner;
    }
  }

  return edited;
}

/** Adds `edit` to the list, replacing an earlier edit of the same target. */
export function mergeRunbookEdit(edits: readonly RunbookEdit[], edit: RunbookEdit): RunbookEdit[] {
  return [...edits.filter((existing) => editTarget(existing) !== editTarget(edit)), edit];
}

function editTarget(edit: RunbookEdit): string {
  switch (edit.kind) {
    case "phaseTimeBox":
      return JSON.stringify([edit.kind, edit.scenarioKey, edit.phaseTitle]);
    case "scenarioObjective":
      return JSON.stringify([edit.kind, edit.scenarioKey]);
    case "stepOwner":
      return JSON.stringify([edit.kind, edit.scenarioKey, edit.phaseTitle, edit.stepTitle]);
  }
}
