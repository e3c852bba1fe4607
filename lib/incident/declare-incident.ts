import { z } from "zod";
import type { PrismaClient } from "../db/types";
import { RunbridgeError } from "../errors";
import { loadRunbookStepSettings, resolveStepAutomation } from "../executors/runbook-step-settings";
import { listSeverities } from "../runbook/default-severities";
import type { RunbookModel } from "../runbook/model";
import { appendEvent } from "./append-event";
import type { TimelineEvent } from "./events";
import { MAX_TITLE_LENGTH } from "./limits";
import type { IncidentPlan } from "./plan";

// Forms send the level as text, and an empty choice counts as missing rather than 0.
function readSeverityLevel(value: unknown): unknown {
  if (value === "" || value === null) return undefined;
  if (typeof value === "string") return Number(value);
  return value;
}

export const declareIncidentInput = z.object({
  title: z
    .string()
    .trim()
    .min(1, "Title is missing: describe what is broken, for example \"Checkout database down\".")
    .max(MAX_TITLE_LENGTH, `Title is longer than ${MAX_TITLE_LENGTH} characters: shorten it.`),
  severityLevel: z.preprocess(
    readSeverityLevel,
    z.number({ error: (issue) => (issue.input === undefined ? "Severity is missing: pick one." : "Severity must be a number such as 1.") }).int("Severity must be a whole number such as 1."),
  ),
  scenarioKey: z.string().trim().min(1, "Scenario is missing: pick the scenario that matches the failure."),
  runbookVersionId: z.string().trim().min(1).optional(),
});
export type DeclareIncidentInput = z.input<typeof declareIncidentInput>;

/**
 * Declares an incident from a runbook scenario: copies the scenario's phases and steps into
 * step runs, the runbook's objectives into the plan, makes the declarer its incident
 * commander and appends "incident.declared".
 * Without a runbook version it uses the newest version of the oldest runbook (the sample).
 */
export async function declareIncident(
  prisma: PrismaClient,
  rawInput: DeclareIncidentInput,
  actorId: string,
): Promise<{ incidentId: string; events: TimelineEvent[] }> {
  const input = declareIncidentInput.parse(rawInput);

  const runbookVersion = input.runbookVersionId
    ? await prisma.runbookVersion.findUnique({ where: { id: input.runbookVersionId } })
    : await prisma.runbookVersion.findFirst({ orderBy: [{ runbook: { createdAt: "asc" } }, { version: "desc" }] });
  if (!runbookVersion) {
    throw new RunbridgeError(
      "NOT_FOUND",
      input.runbookVersionId
        ? `Runbook version "${input.runbookVersionId}" was not found: pick a runbook from the library.`
        : "The runbook library is empty: import a runbook before declaring an incident.",
    );
  }
  const runbook = runbookVersion.model as unknown as RunbookModel;

  const severities = listSeverities(runbook);
  const severity = severities.find((candidate) => candidate.level === input.severityLevel);
  if (!severity) {
    const known = severities.map((candidate) => candidate.level).join(", ");
    throw new RunbridgeError("INVALID_INPUT", `Severity ${input.severityLevel} is not in this runbook: choose one of ${known}.`);
  }

  const scenario = runbook.scenarios.find((candidate) => candidate.key === input.scenarioKey);
  if (!scenario) {
    const known = runbook.scenarios.map((candidate) => candidate.title).join(", ");
    throw new RunbridgeError("INVALID_INPUT", `Scenario "${input.scenarioKey}" is not in this runbook: choose one of ${known}.`);
  }

  const stepSettings = await loadRunbookStepSettings(prisma, runbookVersion.runbookId, scenario.key);
  const plan: IncidentPlan = {
    runbookTitle: runbook.title,
    phases: scenario.phases.map(({ title, startMinute, endMinute }) => ({ title, startMinute, endMinute })),
    // A scenario that an admin tied to one RTO objective counts against that one only.
    objectives: scenario.objectiveKey
      ? runbook.objectives.filter((objective) => objective.kind !== "RTO" || objective.key === scenario.objectiveKey)
      : runbook.objectives,
  };

  return prisma.$transaction(async (tx) => {
    const incident = await tx.incident.create({
      data: {
        title: input.title,
        severityLevel: severity.level,
        severityLabel: severity.label,
        scenarioKey: scenario.key,
        scenarioTitle: scenario.title,
        runbookVersionId: runbookVersion.id,
        plan: plan as object,
        declaredById: actorId,
      },
    });

    await tx.stepRun.createMany({
      data: scenario.phases.flatMap((phase, phaseIndex) =>
        phase.steps.map((step, position) => ({
          incidentId: incident.id,
          phaseIndex,
          position,
          title: step.title,
          detail: step.detail,
          commands: step.commands.map(({ lang, code }) => ({ lang, code })),
          // An admin's setting for the step, or else the checks its shell commands map to.
          ...toStepAutomation(resolveStepAutomation(step, phaseIndex, position, stepSettings)),
        })),
      ),
    });

    // "incident.declared" names the declarer, so this first assignment gets no event of its own.
    await tx.incidentRoleAssignment.create({ data: { incidentId: incident.id, userId: actorId, role: "incident_commander" } });

    const declared = await appendEvent(
      tx,
      incident.id,
      "incident.declared",
      {
        title: incident.title,
        severityLevel: severity.level,
        severityLabel: severity.label,
        scenarioKey: scenario.key,
        scenarioTitle: scenario.title,
      },
      actorId,
    );

    return { incidentId: incident.id, events: [declared] };
  });
}

function toStepAutomation({ kind, params, dangerous }: ReturnType<typeof resolveStepAutomation>) {
  return { kind, params, dangerous };
}
