import type { RunbookModel, SeverityLevel } from "./model";

/** Levels offered when a runbook defines none, so an incident can still be declared from it. */
export const DEFAULT_SEVERITIES: readonly SeverityLevel[] = [
  { level: 1, title: "Severity 1", label: "Critical", criteria: ["Complete outage or data loss"], line: 1 },
  { level: 2, title: "Severity 2", label: "High", criteria: ["Major feature degraded for many users"], line: 1 },
  { level: 3, title: "Severity 3", label: "Medium", criteria: ["Minor impact or a workaround exists"], line: 1 },
];

/** Returns the runbook's severity levels, or `DEFAULT_SEVERITIES` when it defines none. */
export function listSeverities(model: RunbookModel): readonly SeverityLevel[] {
  return model.severities.length > 0 ? model.severities : DEFAULT_SEVERITIES;
}
