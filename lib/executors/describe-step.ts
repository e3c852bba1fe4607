// One-line descriptions of automated steps, shared by the server (run summaries) and the
// step card, so it imports nothing from Node.
import type { CommandParams, HttpCheckParams, StepParams } from "./step-kinds";

export function describeHttpCheck(params: HttpCheckParams): string {
  return `${params.method} ${params.url} → expect ${params.expectedStatus}${params.bodyMatch ? ` containing "${params.bodyMatch}"` : ""}`;
}

/** Formats the command as a shell would show it. It runs without a shell, arguments as they are. */
export function describeCommand(params: CommandParams): string {
  return [params.executable, ...params.args.map(quoteArgument)].join(" ");
}

export function describeDatabaseCheck(params: StepParams<"database_check">): string {
  const query = params.query.trim() ? params.query.trim() : "connection check";
  return `${params.target}: ${query}${params.expected !== undefined ? ` → expect ${params.expected}` : ""}`;
}

export function describeBackupFreshness(params: StepParams<"backup_freshness">): string {
  const bucket = params.bucket ?? "(backup bucket)";
  const age = params.maxAgeMinutes ? `${params.maxAgeMinutes} min` : "the RPO";
  return `newest object in s3://${bucket}/${params.prefix} no older than ${age}`;
}

function quoteArgument(argument: string): string {
  return /^[\w@%+=:,./$-]+$/.test(argument) ? argument : `'${argument.replaceAll("'", "'\\''")}'`;
}
