import { z } from "zod";
import type { PrismaClient } from "../db/types";
import { RunbridgeError } from "../errors";
import { parseStepParams, STEP_KINDS } from "../executors/step-kinds";
import { appendEvent } from "./append-event";
import type { TimelineEvent } from "./events";
import { loadOpenIncident } from "./load-open-incident";
import { loadIncidentStep, stepRefShape } from "./step-input";

export const configureStepInput = z.object({
  ...stepRefShape,
  expectedVersion: z.number().int().min(0),
  kind: z.enum(STEP_KINDS),
  params: z.record(z.string(), z.unknown()).default({}),
  dangerous: z.boolean(),
});
export type ConfigureStepInput = z.input<typeof configureStepInput>;

/** Changes an incident step's kind, parameters and danger flag; not while it runs. */
export async function configureStep(prisma: PrismaClient, rawInput: ConfigureStepInput, actorId: string): Promise<{ events: TimelineEvent[] }> {
  const input = configureStepInput.parse(rawInput);
  const params = parseStepParams(input.kind, input.params);
  if (!params.ok) {
    throw new RunbridgeError("INVALID_INPUT", `Invalid parameters: ${params.message}`);
  }

  return prisma.$transaction(async (tx) => {
    await loadOpenIncident(tx, input.incidentId);
    const step = await loadIncidentStep(tx, input.incidentId, input.stepId);
    if (await tx.stepExecution.findUnique({ where: { runningStepId: step.id } })) {
      throw new RunbridgeError("CONFLICT", `"${step.title}" is running: cancel it or wait for it before changing its settings.`);
    }
    const updated = await tx.stepRun.updateMany({
      where: { id: step.id, version: input.expectedVersion },
      data: { kind: input.kind, params: params.params as object, dangerous: input.dangerous, version: { increment: 1 } },
    });
    if (updated.count === 0) {
      throw new RunbridgeError("CONFLICT", `"${step.title}" was changed by someone else first: reload and edit it again.`);
    }
    const event = await appendEvent(
      tx,
      input.incidentId,
      "step.configured",
      { stepId: step.id, title: step.title, kind: input.kind, params: params.params as Record<string, unknown>, dangerous: input.dangerous, stepVersion: step.version + 1 },
      actorId,
    );
    return { events: [event] };
  });
}
