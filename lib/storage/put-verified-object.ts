import { createHash } from "node:crypto";
import { GetObjectCommand, PutObjectCommand, type S3Client } from "@aws-sdk/client-s3";
import { RunbridgeError } from "../errors";
import { logger } from "../logger";

export interface StoredObject {
  bucket: string;
  key: string;
  sha256: string;
  sizeBytes: number;
}

/**
 * Uploads one object with its SHA-256 in the "sha256" metadata and a Content-MD5 header, which
 * AWS S3 checks on receipt, then reads it back and compares the SHA-256 of the stored bytes.
 * Throws INTERNAL when the stored copy differs.
 */
export async function putVerifiedObject(client: S3Client, bucket: string, key: string, body: string, contentType: string): Promise<StoredObject> {
  const bytes = Buffer.from(body, "utf8");
  const sha256 = createHash("sha256").update(bytes).digest("hex");
  const md5 = createHash("md5").update(bytes).digest("base64");

  await client.send(
    new PutObjectCommand({ Bucket: bucket, Key: key, Body: bytes, ContentType: contentType, ContentMD5: md5, Metadata: { sha256 } }),
  );

  const stored = await client.send(new GetObjectCommand({ Bucket: bucket, Key: key }));
  const storedBytes = Buffer.from(await stored.Body!.transformToByteArray());
  const storedSha256 = createHash("sha256").update(storedBytes).digest("hex");
  if (storedSha256 !== sha256) {
    logger.error({ bucket, key, sha256, storedSha256 }, "archived object differs from the upload");
    throw new RunbridgeError("INTERNAL", `The copy of s3://${bucket}/${key} has SHA-256 ${storedSha256}, expected ${sha256}: archive the review again.`);
  }

  return { bucket, key, sha256, sizeBytes: bytes.length };
}
