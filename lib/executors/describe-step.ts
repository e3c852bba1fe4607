// One-line descriptions of automated steps, shared by the server (run summaries) and the
// step card, so it imports nothing from Node.
import type { CommandParams, HttpCheckParams } from "./step-kinds";

export function describeHttpCheck(params: HttpCheckParams): string {
  return `${params.method} ${params.url} → expect ${params.expectedStatus}${params.bodyMatch ? ` containing "${params.bodyMatch}"` : ""}`;
}

/** Formats the command as a shell would show it. It runs without a shell, arguments as they are. */
export function describeCommand(params: CommandParams): string {
  return [params.executable, ...params.args.map(quoteArgument)].join(" ");
}

function quoteArgument(argument: string): string {
  return /^[\w@%+=:,./$-]+$/.test(argument) ? argument : `'${argument.replaceAll("'", "'\\''")}'`;
}
