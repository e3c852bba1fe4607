import type { PrismaClient } from "../db/types";
import { RunbridgeError } from "../errors";
import { logger } from "../logger";
import type { RunbookModel } from "./model";
import { parseRunbook } from "./parse-runbook";
import { applyRunbookEdits, mergeRunbookEdit, type RunbookEdit } from "./runbook-edit";

/**
 * Applies an admin's edit to a runbook version: stores it with the version's other edits and
 * rewrites the version's model from its source text with all edits applied. Incidents copied
 * their plan when they were declared, so they keep what they started with.
 */
export async function editRunbookVersion(prisma: PrismaClient, runbookVersionId: string, edit: RunbookEdit, actorId: string): Promise<RunbookModel> {
  const model = await prisma.$transaction(async (tx) => {
    const version = await tx.runbookVersion.findUnique({ where: { id: runbookVersionId } });

    if (version === null) {
      throw new RunbridgeError("NOT_FOUND", `Runbook version "${runbookVersionId}" was not found: reload the runbook library.`);
    }

    const current = version.model as unknown as RunbookModel;
    checkTarget(current, edit);

    const edits = mergeRunbookEdit(version.edits as unknown as RunbookEdit[], edit);
    const edited = applyRunbookEdits(parseRunbook(version.source), edits);

    await tx.runbookVersion.update({ where: { id: version.id }, data: { model: edited as object, edits: edits as object } });

    return edited;
  });

  logger.info({ runbookVersionId, edit: edit.kind, actorId }, "runbook version edited");

  return model;
}

/** Throws INVALID_INPUT when the edit names a scenario, phase, step or objective the version does not have. */
function checkTarget(model: RunbookModel, edit: RunbookEdit): void {
  const scenario = model.scenarios.find((candidate) => candidate.key === edit.scenarioKey);

  if (scenario === undefined) {
    throw new RunbridgeError("INVALID_INPUT", `Scenario "${edit.scenarioKey}" is not in this version: reload the page.`);
  }

  if (edit.kind === "scenarioObjective") {
    if (edit.objectiveKey !== null && !model.objectives.some((objective) => objective.kind === "RTO" && objective.key === edit.objectiveKey)) {
      const known = model.objectives.filter((objective) => objective.kind === "RTO").map((objective) => objective.key);
      throw new RunbridgeError("INVALID_INPUT", `RTO objective "${edit.objectiveKey}" is not in this runbook: choose one of ${known.join(", ") || "(none)"}.`);
    }
    return;
  }

  const phase = scenario.phases.find((candidate) => candidate.title === edit.phaseTitle);

  if (phase === undefined) {
    throw new RunbridgeError("INVALID_INPUT", `Phase "${edit.phaseTitle}" is not in scenario "${scenario.title}": reload the page.`);
  }

  if (edit.kind === "phaseTimeBox" && edit.startMinute !== null && edit.endMinute !== null && edit.endMinute <= edit.startMinute) {
    throw new RunbridgeError("INVALID_INPUT", `The time box ends at minute ${edit.endMinute}, not after its start at minute ${edit.startMinute}: enter an end after the start, or leave the end empty.`);
  }

  if (edit.kind === "stepOwner" && !phase.steps.some((step) => step.title === edit.stepTitle)) {
    throw new RunbridgeError("INVALID_INPUT", `Step "${edit.stepTitle}" is not in phase "${phase.title}": reload the page.`);
  }
}
