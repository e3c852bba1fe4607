import { RunbridgeError } from "../errors";
import type { S3Connection } from "../storage/s3-client";

export interface ArchiveSettings {
  connection: S3Connection;
  bucket: string;
}

/**
 * Reads where review archives go from RUNBRIDGE_S3_ENDPOINT, RUNBRIDGE_S3_REGION (default
 * us-east-1), RUNBRIDGE_S3_BUCKET, RUNBRIDGE_S3_ACCESS_KEY_ID and RUNBRIDGE_S3_SECRET_ACCESS_KEY,
 * falling back to AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY. Credentials are required, so the
 * AWS SDK never falls back to its default chain and its instance-metadata lookups.
 * Throws INVALID_INPUT naming every missing variable.
 */
export function readArchiveSettings(env: Record<string, string | undefined> = process.env): ArchiveSettings {
  const bucket = env.RUNBRIDGE_S3_BUCKET?.trim() ?? "";
  const accessKeyId = (env.RUNBRIDGE_S3_ACCESS_KEY_ID || env.AWS_ACCESS_KEY_ID || "").trim();
  const secretAccessKey = (env.RUNBRIDGE_S3_SECRET_ACCESS_KEY || env.AWS_SECRET_ACCESS_KEY || "").trim();

  const missing = [
    !bucket && "RUNBRIDGE_S3_BUCKET",
    !accessKeyId && "RUNBRIDGE_S3_ACCESS_KEY_ID (or AWS_ACCESS_KEY_ID)",
    !secretAccessKey && "RUNBRIDGE_S3_SECRET_ACCESS_KEY (or AWS_SECRET_ACCESS_KEY)",
  ].filter(Boolean);
  if (missing.length > 0) {
    throw new RunbridgeError("INVALID_INPUT", `S3 archiving is not configured: set ${missing.join(", ")} on the server.`);
  }

  const endpoint = env.RUNBRIDGE_S3_ENDPOINT?.trim() || undefined;
  return {
    bucket,
    // Path-style URLs work on servers without per-bucket host names, and on AWS S3 too.
    connection: { endpoint, region: env.RUNBRIDGE_S3_REGION?.trim() || "us-east-1", forcePathStyle: true, credentials: { accessKeyId, secretAccessKey } },
  };
}
