import { paginateListObjectsV2, type _Object } from "@aws-sdk/client-s3";
import { RunbridgeError } from "../errors";
import { createS3Client } from "../storage/s3-client";
import { RunCancelledError, type ExecutorContext, type ExecutorOutcome } from "./executor";
import { s3ConnectionFromSettings } from "./s3-connection";
import type { StepParams } from "./step-kinds";

type BackupFreshnessParams = StepParams<"backup_freshness">;

/** Objects listed at most; a prefix with more is reported as too broad. */
const MAX_LISTED_OBJECTS = 100_000;

/**
 * Lists the bucket under the prefix, finds the newest object and compares its age with the
 * maximum age: the step's own, or else the runbook's smallest RPO.
 */
export async function runBackupFreshness(params: BackupFreshnessParams, context: ExecutorContext): Promise<ExecutorOutcome> {
  const bucket = params.bucket ?? context.settings.s3.backupBucket;
  if (!bucket) {
    throw new RunbridgeError("INVALID_INPUT", "No bucket to check: set the step's bucket or the backup bucket under Automation settings.");
  }
  const maxAgeMinutes = params.maxAgeMinutes ?? context.rpoMinutes;
  if (maxAgeMinutes === null) {
    throw new RunbridgeError("INVALID_INPUT", "No maximum age: the runbook declares no RPO, so set maxAgeMinutes on the step.");
  }

  const client = createS3Client(s3ConnectionFromSettings(context.settings, context.secrets));
  const location = `s3://${bucket}/${params.prefix}`;
  context.write("info", `listing ${location}\n`);

  let newest: _Object | undefined;
  let count = 0;
  try {
    for await (const page of paginateListObjectsV2({ client }, { Bucket: bucket, Prefix: params.prefix || undefined })) {
      if (context.signal.aborted) throw new RunCancelledError();
      for (const object of page.Contents ?? []) {
        count += 1;
        if (object.LastModified && (!newest?.LastModified || object.LastModified > newest.LastModified)) newest = object;
      }
      if (count >= MAX_LISTED_OBJECTS) {
        return { succeeded: false, verdict: `More than ${MAX_LISTED_OBJECTS} objects under ${location}: narrow the prefix to the backup folder.` };
      }
    }
  } catch (error) {
    if (error instanceof RunCancelledError) throw error;
    const name = error instanceof Error ? error.name : "Error";
    const message = error instanceof Error ? error.message : String(error);
    return { succeeded: false, verdict: `Listing ${location} failed: ${name}: ${message}` };
  } finally {
    client.destroy();
  }

  context.write("stdout", `${count} object(s)\n`);
  if (!newest?.Key || !newest.LastModified) {
    return { succeeded: false, verdict: `No backup found under ${location}`, result: { bucket, prefix: params.prefix, maxAgeMinutes } };
  }

  const ageMinutes = Math.max(0, Math.round((Date.now() - newest.LastModified.getTime()) / 60_000));
  const result = {
    bucket,
    key: newest.Key,
    size: newest.Size ?? null,
    lastModified: newest.LastModified.toISOString(),
    ageMinutes,
    maxAgeMinutes,
  };
  context.write("stdout", `newest: s3://${bucket}/${newest.Key} (${newest.Size ?? "?"} bytes, modified ${result.lastModified}, ${formatMinutes(ageMinutes)} old)\n`);

  if (ageMinutes <= maxAgeMinutes) {
    return { succeeded: true, verdict: `Newest backup ${newest.Key} is ${formatMinutes(ageMinutes)} old, within ${formatMinutes(maxAgeMinutes)}`, result };
  }
  return { succeeded: false, verdict: `Newest backup ${newest.Key} is ${formatMinutes(ageMinutes)} old, older than ${formatMinutes(maxAgeMinutes)}`, result };
}

function formatMinutes(minutes: number): string {
  if (minutes < 60) return `${minutes} min`;
  const hours = Math.floor(minutes / 60);
  return minutes % 60 ? `${hours} h ${minutes % 60} min` : `${hours} h`;
}
