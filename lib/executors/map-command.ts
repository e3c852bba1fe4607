// Turns a runbook step's shell commands into an automated step where that is safe. A line is
// recognised only when it is one of these commands and nothing else:
//   curl -I URL                               → HTTP check (HEAD, expect 200)
//   pg_isready …, psql -d DB -c "SELECT …"    → database check
//   aws s3 cp s3://BUCKET/PATH …              → backup freshness under PATH's folder
// Anything else stays a manual step whose commands the card shows for copying.
import type { StepKind } from "./step-kinds";

export interface StepMapping {
  kind: StepKind;
  params: Record<string, string | number>;
  dangerous: boolean;
}

interface MappableStep {
  title: string;
  detail: string;
  commands: { code: string }[];
}

// Steps that change production in ways that are hard to undo: DNS or database switches,
// blocking addresses, restoring over data. A runbook can also flag a step with ⚠ or [dangerous].
const DANGEROUS_PATTERNS: readonly RegExp[] = [
  /⚠|\[dangerous\]|\bdanger(ous)?\b/i,
  /\bdns\b|route53|change-resource-record-sets/i,
  /switch to (the )?new database|\bfailover\b|\bpromote\b/i,
  /\biptables\b|\bufw\s+deny\b|\bblock\b[^\n]*\b(ip|address(es)?)\b/i,
  /\bpg_restore\b|\brestore\b|\bdropdb\b|\bdrop\s+(table|database)\b/i,
];

/** Returns the step's kind, parameters and danger flag as the runbook text suggests them. */
export function mapStep(step: MappableStep): StepMapping {
  const text = [step.title, step.detail, ...step.commands.map((command) => command.code)].join("\n");
  const dangerous = DANGEROUS_PATTERNS.some((pattern) => pattern.test(text));

  for (const line of commandLines(step.commands)) {
    const mapped = mapCommandLine(line);
    // NOTE: a step becomes at most one check, from its first recognised line. Its other
    // lines stay on the card to copy and run by hand.
    if (mapped) return { ...mapped, dangerous };
  }
  return { kind: "manual", params: {}, dangerous };
}

function commandLines(commands: { code: string }[]): string[] {
  return commands
    .flatMap((command) => command.code.split("\n"))
    .map((line) => line.trim())
    .filter((line) => line && !line.startsWith("#"));
}

/** Maps one shell line to a check, or returns null when the line is anything else. */
export function mapCommandLine(line: string): Omit<StepMapping, "dangerous"> | null {
  const words = splitWords(line);
  if (!words) return null;
  const [program, ...args] = words;

  if (program === "curl") return mapCurl(args);
  if (program === "pg_isready") return { kind: "database_check", params: { target: optionValue(args, "-d") ?? "default", query: "" } };
  if (program === "psql") return mapPsql(args);
  if (program === "aws" && args[0] === "s3" && args[1] === "cp") return mapS3Copy(args.slice(2));
  return null;
}

function mapCurl(args: string[]): Omit<StepMapping, "dangerous"> | null {
  const urls = args.filter((arg) => !arg.startsWith("-"));
  const flags = args.filter((arg) => arg.startsWith("-"));
  const harmless = flags.every((flag) => /^-(-head|-silent|-fail|[Isf]+)$/.test(flag));
  if (urls.length !== 1 || !harmless || !flags.some((flag) => flag === "--head" || /^-[sf]*I[sf]*$/.test(flag))) return null;
  if (!/^https?:\/\//.test(urls[0]!)) return null;
  return { kind: "http_check", params: { method: "HEAD", url: urls[0]!, expectedStatus: 200 } };
}

function mapPsql(args: string[]): Omit<StepMapping, "dangerous"> | null {
  const query = optionValue(args, "-c");
  if (!query || !/^\s*select\b/i.test(query) || /;\s*\S/.test(query)) return null;
  return { kind: "database_check", params: { target: optionValue(args, "-d") ?? "default", query: query.trim().replace(/;$/, "") } };
}

function mapS3Copy(args: string[]): Omit<StepMapping, "dangerous"> | null {
  const source = /^s3:\/\/([^/]+)\/(.*)$/.exec(args[0] ?? "");
  if (!source) return null;
  const [, bucket, key] = source;
  const prefix = key!.includes("/") ? key!.slice(0, key!.lastIndexOf("/") + 1) : "";
  return { kind: "backup_freshness", params: { bucket: bucket!, prefix } };
}

function optionValue(args: string[], option: string): string | undefined {
  const index = args.indexOf(option);
  return index >= 0 ? args[index + 1] : undefined;
}

// Splits a shell line into words with single and double quotes. Returns null for anything a
// plain split cannot read safely: pipes, redirections, command lists, substitutions.
function splitWords(line: string): string[] | null {
  if (/[|;&<>`]|\$\(/.test(line.replace(/'[^']*'|"[^"]*"/g, ""))) return null;
  const words: string[] = [];
  const pattern = /'([^']*)'|"((?:[^"\\]|\\.)*)"|(\S+)/g;
  for (const match of line.matchAll(pattern)) {
    words.push(match[1] ?? match[2]?.replace(/\\(.)/g, "$1") ?? match[3]!);
  }
  return words.length ? words : null;
}
