// The executor of each automated step kind: how its run is described, what is checked before
// it starts, and how it runs.
import { RunbridgeError } from "../errors";
import { isHostAllowed } from "./address-policy";
import type { AutomationSettings } from "./automation-settings";
import type { ExecutorContext, ExecutorOutcome } from "./executor";
import { describeBackupFreshness, describeCommand, describeDatabaseCheck, describeHttpCheck } from "./describe-step";
import { runBackupFreshness } from "./run-backup-freshness";
import { runDatabaseCheck } from "./run-database-check";
import { runCommand } from "./run-command";
import { runHttpCheck } from "./run-http-check";
import { resolveSecretReferences, type SecretValues } from "./secrets";
import { parseStepParams, STEP_KIND_LABELS, type StepKind } from "./step-kinds";

export interface PreparedRun {
  /** Description of the run, with secret references unresolved. */
  summary: string;
  run(context: ExecutorContext): Promise<ExecutorOutcome>;
}

/**
 * Validates a step's parameters against the settings and returns its run. Refusals here (an
 * executable or host not on the allowlist, a missing secret) stop the run before it starts.
 */
export function prepareRun(kind: string, rawParams: unknown, settings: AutomationSettings, secrets: SecretValues): PreparedRun {
  switch (kind) {
    case "http_check": {
      const params = parsed("http_check", rawParams);
      const url = resolveSecretReferences(params.url, secrets);
      let host: string;
      try {
        host = new URL(url).hostname;
      } catch {
        throw new RunbridgeError("INVALID_INPUT", `URL "${params.url}" is not a valid address: write it in full, for example https://shop.example.com/api/health.`);
      }
      if (!isHostAllowed(host, settings.httpAllowedHosts)) {
        const list = settings.httpAllowedHosts.length ? `allowed: ${settings.httpAllowedHosts.join(", ")}` : "the HTTP allowlist is empty";
        throw new RunbridgeError("FORBIDDEN", `Host ${host} is not on the HTTP check allowlist (${list}). An admin can add it under Automation settings.`);
      }
      return { summary: describeHttpCheck(params), run: (context) => runHttpCheck(params, context) };
    }
    case "command": {
      const params = parsed("command", rawParams);
      if (!settings.commandAllowedExecutables.includes(params.executable)) {
        const list = settings.commandAllowedExecutables.length ? `allowed: ${settings.commandAllowedExecutables.join(", ")}` : "the command allowlist is empty";
        throw new RunbridgeError("FORBIDDEN", `Executable ${params.executable} is not on the command allowlist (${list}). An admin can add it under Automation settings.`);
      }
      params.args.forEach((argument) => resolveSecretReferences(argument, secrets));
      return { summary: describeCommand(params), run: (context) => runCommand(params, context) };
    }
    case "database_check": {
      const params = parsed("database_check", rawParams);
      const target = settings.databaseTargets.find((candidate) => candidate.name === params.target);
      if (!target) {
        const known = settings.databaseTargets.map((candidate) => candidate.name).join(", ") || "none are configured";
        throw new RunbridgeError("INVALID_INPUT", `Database target "${params.target}" is not configured (${known}). An admin can add it under Automation settings.`);
      }
      resolveSecretReferences(target.url, secrets);
      return { summary: describeDatabaseCheck(params), run: (context) => runDatabaseCheck(params, context) };
    }
    case "backup_freshness": {
      const params = parsed("backup_freshness", rawParams);
      return { summary: describeBackupFreshness(params), run: (context) => runBackupFreshness(params, context) };
    }
    default: {
      const label = kind in STEP_KIND_LABELS ? STEP_KIND_LABELS[kind as StepKind] : kind;
      throw new RunbridgeError("INVALID_INPUT", `${label} steps cannot be run from the dashboard: record them with the state buttons.`);
    }
  }
}

function parsed<K extends StepKind>(kind: K, rawParams: unknown) {
  const result = parseStepParams(kind, rawParams);
  if (!result.ok) {
    throw new RunbridgeError("INVALID_INPUT", `The step's ${STEP_KIND_LABELS[kind]} settings are invalid: ${result.message} An admin can fix them on the step.`);
  }
  return result.params;
}
