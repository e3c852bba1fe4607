// Admins' choices of kind, parameters and danger flag for the steps of a runbook, kept per
// runbook (not per version) and applied over the command mapping when an incident is declared.
import { z } from "zod";
import type { Db } from "../db/types";
import { RunbridgeError } from "../errors";
import { mapStep, type StepMapping } from "./map-command";
import { parseStepParams, STEP_KINDS } from "./step-kinds";

export const saveRunbookStepSettingInput = z.object({
  runbookId: z.string().trim().min(1, "Runbook id is missing."),
  scenarioKey: z.string().trim().min(1, "Scenario is missing."),
  phaseIndex: z.number().int().min(0),
  position: z.number().int().min(0),
  stepTitle: z.string().trim().min(1, "Step title is missing."),
  kind: z.enum(STEP_KINDS),
  params: z.record(z.string(), z.unknown()).default({}),
  dangerous: z.boolean(),
});
export type SaveRunbookStepSettingInput = z.input<typeof saveRunbookStepSettingInput>;

export interface RunbookStepSetting {
  phaseIndex: number;
  position: number;
  stepTitle: string;
  kind: string;
  params: unknown;
  dangerous: boolean;
}

/** Saves an admin's setting for one runbook step; the parameters must fit the kind. */
export async function saveRunbookStepSetting(db: Db, rawInput: SaveRunbookStepSettingInput, actorId: string): Promise<void> {
  const input = saveRunbookStepSettingInput.parse(rawInput);
  const params = parseStepParams(input.kind, input.params);
  if (!params.ok) throw new RunbridgeError("INVALID_INPUT", `Invalid parameters: ${params.message}`);
  if (!(await db.runbook.findUnique({ where: { id: input.runbookId }, select: { id: true } }))) {
    throw new RunbridgeError("NOT_FOUND", `Runbook "${input.runbookId}" was not found: reload the page.`);
  }

  const key = { runbookId: input.runbookId, scenarioKey: input.scenarioKey, phaseIndex: input.phaseIndex, position: input.position };
  const data = { stepTitle: input.stepTitle, kind: input.kind, params: params.params as object, dangerous: input.dangerous, updatedById: actorId };
  await db.runbookStepSetting.upsert({
    where: { runbookId_scenarioKey_phaseIndex_position: key },
    create: { ...key, ...data },
    update: data,
  });
}

/** Loads the saved settings of one scenario of a runbook. */
export async function loadRunbookStepSettings(db: Db, runbookId: string, scenarioKey: string): Promise<RunbookStepSetting[]> {
  return db.runbookStepSetting.findMany({ where: { runbookId, scenarioKey } });
}

/**
 * Returns a step's kind, parameters and danger flag: the admin's setting for its place when
 * the title there is still the same, or else what the runbook's commands map to.
 */
export function resolveStepAutomation(
  step: { title: string; detail: string; commands: { code: string }[] },
  phaseIndex: number,
  position: number,
  settings: readonly RunbookStepSetting[],
): StepMapping & { fromSetting: boolean } {
  const setting = settings.find((candidate) => candidate.phaseIndex === phaseIndex && candidate.position === position && candidate.stepTitle === step.title);
  if (setting) {
    return { kind: setting.kind as StepMapping["kind"], params: (setting.params ?? {}) as StepMapping["params"], dangerous: setting.dangerous, fromSetting: true };
  }
  return { ...mapStep(step), fromSetting: false };
}
