// The S3 client that every S3 use in Runbridge goes through, for AWS S3 and S3-compatible
// servers alike.
import { S3Client } from "@aws-sdk/client-s3";

export interface S3Connection {
  /** Endpoint URL of an S3-compatible server; empty or undefined for AWS S3. */
  endpoint?: string;
  region: string;
  /** Path-style URLs (endpoint/bucket/key), which S3-compatible servers usually need. */
  forcePathStyle?: boolean;
  /** Explicit credentials; without them the AWS SDK's default credential chain is used. */
  credentials?: { accessKeyId: string; secretAccessKey: string; sessionToken?: string };
}

/**
 * Creates an S3 client. Checksums are calculated and validated only when an operation requires
 * them: with the SDK's default ("WHEN_SUPPORTED"), stream uploads were silently corrupted on
 * s3rver and rejected by Ceph radosgw.
 */
export function createS3Client(connection: S3Connection): S3Client {
  return new S3Client({
    region: connection.region,
    endpoint: connection.endpoint || undefined,
    forcePathStyle: connection.forcePathStyle ?? Boolean(connection.endpoint),
    credentials: connection.credentials,
    requestChecksumCalculation: "WHEN_REQUIRED",
    responseChecksumValidation: "WHEN_REQUIRED",
    maxAttempts: 2,
  });
}
