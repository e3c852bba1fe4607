// Step kinds and the parameters each one needs. The parameters are stored on the step as JSON
// and checked with these schemas when an admin saves them and again before every run.
import { z } from "zod";

export const STEP_KINDS = ["manual", "http_check", "command", "database_check", "backup_freshness", "evidence"] as const;
export type StepKind = (typeof STEP_KINDS)[number];

export const STEP_KIND_LABELS: Record<StepKind, string> = {
  manual: "Manual",
  http_check: "HTTP check",
  command: "Command",
  database_check: "Database check",
  backup_freshness: "Backup freshness",
  evidence: "Evidence preservation",
};

const timeoutSeconds = (fallback: number, max: number) =>
  z.number().int().min(1, "Timeout must be at least 1 second.").max(max, `Timeout must be at most ${max} seconds.`).default(fallback);

export const httpCheckParams = z.object({
  method: z.enum(["GET", "HEAD", "POST", "PUT", "OPTIONS"]).default("GET"),
  url: z.string().trim().min(1, "URL is missing: give the full address, for example https://shop.example.com/api/health."),
  expectedStatus: z.number().int().min(100).max(599).default(200),
  /** Text the response body must contain; checked only when set. */
  bodyMatch: z.string().max(1_000).optional(),
  timeoutSeconds: timeoutSeconds(10, 120),
});

export const commandParams = z.object({
  /** Absolute path of the executable; it must be on the admin's command allowlist. */
  executable: z.string().trim().min(1, "Executable is missing: give its absolute path, for example /usr/bin/pg_isready."),
  /** Arguments passed as they are, without a shell; `$NAME` refers to a configured secret. */
  args: z.array(z.string().max(4_000)).max(100).default([]),
  /** Working directory; the system's temporary folder when unset. */
  cwd: z.string().trim().min(1).optional(),
  timeoutSeconds: timeoutSeconds(60, 3_600),
});

export const databaseCheckParams = z.object({
  /** Name of a database check target configured by an admin. */
  target: z.string().trim().min(1, "Target is missing: pick a configured database target."),
  /** Read-only SQL; empty means a connection check only (like pg_isready). */
  query: z.string().max(10_000).default(""),
  /** Expected value of the first column of the first row, compared as text; checked only when set. */
  expected: z.string().max(1_000).optional(),
  timeoutSeconds: timeoutSeconds(10, 300),
});

export const backupFreshnessParams = z.object({
  /** Bucket to list; the configured backup bucket when unset. */
  bucket: z.string().trim().min(1).optional(),
  prefix: z.string().default(""),
  /** Maximum age in minutes; the runbook's RPO when unset. */
  maxAgeMinutes: z.number().int().min(1).optional(),
});

export const evidenceParams = z.object({
  /** Key prefix inside the evidence bucket. */
  prefix: z.string().default("evidence/"),
});

export const stepParamsSchemas = {
  manual: z.object({}),
  http_check: httpCheckParams,
  command: commandParams,
  database_check: databaseCheckParams,
  backup_freshness: backupFreshnessParams,
  evidence: evidenceParams,
} as const;

export type StepParams<K extends StepKind> = z.output<(typeof stepParamsSchemas)[K]>;
export type HttpCheckParams = StepParams<"http_check">;
export type CommandParams = StepParams<"command">;

export function isStepKind(value: string): value is StepKind {
  return (STEP_KINDS as readonly string[]).includes(value);
}

/** Steps of these kinds are started with "Run" instead of being recorded by hand. */
export function isAutomated(kind: StepKind): boolean {
  return kind !== "manual" && kind !== "evidence";
}

/** Parses a step's stored parameters for its kind; a message names each invalid field. */
export function parseStepParams<K extends StepKind>(kind: K, params: unknown): { ok: true; params: StepParams<K> } | { ok: false; message: string } {
  const parsed = stepParamsSchemas[kind].safeParse(params ?? {});
  if (parsed.success) return { ok: true, params: parsed.data as StepParams<K> };
  const message = parsed.error.issues.map((issue) => (issue.path.length ? `${issue.path.join(".")}: ${issue.message}` : issue.message)).join(" ");
  return { ok: false, message };
}
