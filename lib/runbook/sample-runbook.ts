import { readFileSync } from "node:fs";
import path from "node:path";

/**
 * The sample runbook's path relative to the working directory, which must be the project root,
 * as it is for npm scripts and vitest.
 */
export const SAMPLE_RUNBOOK_PATH = "lib/runbook/sample/midastechnical-dr-runbook.md";

/**
 * Reads the sample runbook that a fresh install loads.
 *
 * The path comes from the RUNBRIDGE_SAMPLE_RUNBOOK environment variable when it is set, and
 * is otherwise `SAMPLE_RUNBOOK_PATH` under the working directory. The module's own URL is not
 * used, because Next.js bundles server code and the bundle no longer sits beside the file.
 * Throws when the file cannot be read, naming the path and the variable.
 */
export function readSampleRunbook(): string {
  const override = process.env.RUNBRIDGE_SAMPLE_RUNBOOK;
  const samplePath = override ? path.resolve(override) : path.join(process.cwd(), SAMPLE_RUNBOOK_PATH);

  try {
    return readFileSync(samplePath, "utf8");
  } catch (error) {
    throw new Error(
      `Failed to read the sample runbook at ${samplePath}. Run the server from the project root or set RUNBRIDGE_SAMPLE_RUNBOOK to the file's path.`,
      { cause: error },
    );
  }
}
