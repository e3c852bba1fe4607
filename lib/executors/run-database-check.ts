import pg from "pg";
import { RunbridgeError } from "../errors";
import type { ExecutorContext, ExecutorOutcome } from "./executor";
import { resolveSecretReferences } from "./secrets";
import type { StepParams } from "./step-kinds";

type DatabaseCheckParams = StepParams<"database_check">;

/** Rows printed to the output; the check compares only the first row. */
const MAX_PRINTED_ROWS = 20;

/**
 * Connects to a configured PostgreSQL target and runs the query in a READ ONLY transaction
 * that is rolled back, with a statement timeout, so a check can never change data. An empty
 * query checks only that the server accepts connections, like pg_isready.
 */
export async function runDatabaseCheck(params: DatabaseCheckParams, context: ExecutorContext): Promise<ExecutorOutcome> {
  const target = context.settings.databaseTargets.find((candidate) => candidate.name === params.target);
  if (!target) {
    const known = context.settings.databaseTargets.map((candidate) => candidate.name).join(", ") || "none are configured";
    throw new RunbridgeError("INVALID_INPUT", `Database target "${params.target}" is not configured (${known}). An admin can add it under Automation settings.`);
  }

  const timeoutMs = params.timeoutSeconds * 1_000;
  const client = new pg.Client({
    connectionString: resolveSecretReferences(target.url, context.secrets),
    connectionTimeoutMillis: timeoutMs,
    statement_timeout: timeoutMs,
    application_name: "runbridge-check",
  });
  // pg emits connection errors on the client as well as rejecting the pending call.
  client.on("error", () => undefined);
  const onAbort = () => void client.end().catch(() => undefined);
  context.signal.addEventListener("abort", onAbort, { once: true });

  const startedAt = performance.now();
  try {
    context.write("info", `connecting to target ${target.name}\n`);
    try {
      await client.connect();
    } catch (error) {
      return { succeeded: false, verdict: `Cannot connect to ${target.name}: ${describePgError(error)}` };
    }
    const server = await client.query<{ version: string }>("SHOW server_version");
    context.write("stdout", `connected: PostgreSQL ${server.rows[0]?.version ?? "?"}\n`);

    if (!params.query.trim()) {
      return { succeeded: true, verdict: `${target.name} accepts connections (${Math.round(performance.now() - startedAt)} ms)` };
    }

    await client.query("BEGIN READ ONLY");
    let result: pg.QueryResult;
    try {
      result = await client.query({ text: params.query, rowMode: "array" });
    } catch (error) {
      return { succeeded: false, verdict: `Query failed: ${describePgError(error)}` };
    } finally {
      await client.query("ROLLBACK").catch(() => undefined);
    }

    const columns = result.fields.map((field) => field.name);
    context.write("stdout", `${columns.join("\t")}\n`);
    for (const row of (result.rows as unknown[][]).slice(0, MAX_PRINTED_ROWS)) {
      context.write("stdout", `${row.map(formatValue).join("\t")}\n`);
    }
    if (result.rows.length > MAX_PRINTED_ROWS) context.write("info", `[${result.rows.length - MAX_PRINTED_ROWS} more rows not shown]\n`);

    const first = (result.rows as unknown[][])[0]?.[0];
    const actual = first === undefined ? null : formatValue(first);
    const resultFacts = { target: target.name, rowCount: result.rows.length, firstValue: actual };
    if (params.expected === undefined) {
      return { succeeded: true, verdict: `${result.rows.length} row(s)${actual !== null ? `, first value ${actual}` : ""}`, result: resultFacts };
    }
    if (actual === params.expected) {
      return { succeeded: true, verdict: `Returned ${actual} as expected`, result: resultFacts };
    }
    return { succeeded: false, verdict: `Returned ${actual ?? "no rows"}, expected ${params.expected}`, result: resultFacts };
  } finally {
    context.signal.removeEventListener("abort", onAbort);
    await client.end().catch(() => undefined);
  }
}

function formatValue(value: unknown): string {
  if (value === null) return "NULL";
  if (value instanceof Date) return value.toISOString();
  return typeof value === "object" ? JSON.stringify(value) : String(value);
}

function describePgError(error: unknown): string {
  if (error instanceof Error) {
    const code = (error as { code?: string }).code;
    return code ? `${error.message} (${code})` : error.message;
  }
  return String(error);
}
