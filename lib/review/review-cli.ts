// The review command line: export a review to a file or standard output, archive it to S3, or
// check that a JSON export rebuilds its review. scripts/review.ts opens the database and calls it.
import { readFileSync, writeFileSync } from "node:fs";
import { parseArgs } from "node:util";
import type { PrismaClient } from "../db/types";
import { RunbridgeError } from "../errors";
import { createS3Client } from "../storage/s3-client";
import { formatDuration } from "../timers/timer-status";
import { archiveReview } from "./archive-review";
import { buildReview } from "./build-review";
import { loadReview } from "./load-review";
import { renderReviewExportFile } from "./render-review-export-file";
import { readArchiveSettings } from "./read-archive-settings";
import { parseReviewExport } from "./review-export";

export const REVIEW_CLI_USAGE = `Usage:
  npm run review -- export <incident id> [--format json|markdown] [--out FILE]
      Writes the review to FILE, or to standard output without --out. Default format: json.
  npm run review -- archive <incident id>
      Uploads the review as JSON and Markdown to the S3 bucket in RUNBRIDGE_S3_BUCKET
      (see the README for the other RUNBRIDGE_S3_* variables) and prints each key and SHA-256.
  npm run review -- check <export.json>
      Rebuilds the review from a JSON export and prints its time to resolve and objectives.`;

export interface CliOutput {
  write(text: string): void;
}

/** Runs one review command. Throws RunbridgeError INVALID_INPUT with the usage for a wrong command line. */
export async function runReviewCli(argv: string[], openPrisma: () => Promise<PrismaClient>, output: CliOutput, env: Record<string, string | undefined> = process.env): Promise<void> {
  const { positionals, values } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: { format: { type: "string", default: "json" }, out: { type: "string" } },
  });
  const [command, argument] = positionals;
  if (!command || !argument || !["export", "archive", "check"].includes(command)) {
    throw new RunbridgeError("INVALID_INPUT", `Unknown or incomplete command "${positionals.join(" ")}".\n${REVIEW_CLI_USAGE}`);
  }

  if (command === "check") {
    const review = buildReview(parseReviewExport(readFileSync(argument, "utf8")));
    const { metrics } = review;
    output.write(`${review.data.incident.title}: ${metrics.eventCount} events, resolved in ${metrics.timeToResolveMs === null ? "–" : formatDuration(metrics.timeToResolveMs)}\n`);
    for (const objective of metrics.objectives) output.write(`  ${objective.kind} ${objective.name}: ${objective.status}\n`);
    return;
  }

  if (command === "export") {
    if (values.format !== "json" && values.format !== "markdown") {
      throw new RunbridgeError("INVALID_INPUT", `Export format "${values.format}" is not supported: use --format json or --format markdown.`);
    }
    const file = renderReviewExportFile(await loadReview(await openPrisma(), argument), values.format);
    if (values.out) {
      writeFileSync(values.out, file.body);
      output.write(`Wrote ${values.out} (${Buffer.byteLength(file.body)} bytes)\n`);
    } else {
      output.write(file.body);
    }
    return;
  }

  const settings = readArchiveSettings(env);
  const client = createS3Client(settings.connection);
  try {
    const records = await archiveReview(await openPrisma(), { client, bucket: settings.bucket }, argument, { name: "command line" });
    for (const record of records) output.write(`s3://${record.bucket}/${record.key} sha256=${record.sha256} ${record.sizeBytes} bytes\n`);
  } finally {
    client.destroy();
  }
}
