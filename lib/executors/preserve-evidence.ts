import { createHash } from "node:crypto";
import { PutObjectCommand } from "@aws-sdk/client-s3";
import type { PrismaClient } from "../db/types";
import { RunbridgeError } from "../errors";
import { appendEvent } from "../incident/append-event";
import type { TimelineEvent } from "../incident/events";
import { loadOpenIncident } from "../incident/load-open-incident";
import { loadIncidentStep } from "../incident/step-input";
import { logger } from "../logger";
import { createS3Client } from "../storage/s3-client";
import { loadAutomationSettings } from "./automation-settings";
import { s3ConnectionFromSettings } from "./s3-connection";
import { readSecrets, type SecretValues } from "./secrets";
import { parseStepParams } from "./step-kinds";

/** Largest evidence file accepted in one upload. */
export const MAX_EVIDENCE_BYTES = 50 * 1024 * 1024;

export interface EvidenceFile {
  fileName: string;
  contentType: string;
  data: Buffer;
}

/**
 * Uploads evidence files to the evidence bucket unchanged, and appends one "evidence.preserved"
 * event per file with its key, size and SHA-256. The digest is also stored as the object's
 * metadata, so the object can be checked against the timeline later.
 */
export async function preserveEvidence(
  prisma: PrismaClient,
  input: { incidentId: string; stepId: string; files: EvidenceFile[] },
  actor: { id: string; name: string },
  secrets: SecretValues = readSecrets(),
): Promise<TimelineEvent[]> {
  if (input.files.length === 0) {
    throw new RunbridgeError("INVALID_INPUT", "Nothing to preserve: choose files or paste a log.");
  }
  for (const file of input.files) {
    if (file.data.length > MAX_EVIDENCE_BYTES) {
      throw new RunbridgeError("INVALID_INPUT", `${file.fileName} is ${file.data.length} bytes, more than the ${MAX_EVIDENCE_BYTES} allowed: split it or upload it to the bucket directly.`);
    }
  }

  const step = await prisma.$transaction(async (tx) => {
    await loadOpenIncident(tx, input.incidentId);
    return loadIncidentStep(tx, input.incidentId, input.stepId);
  });
  if (step.kind !== "evidence") {
    throw new RunbridgeError("INVALID_INPUT", `"${step.title}" is not an evidence step: an admin can change its kind in the step settings.`);
  }
  const params = parseStepParams("evidence", step.params);
  const prefix = params.ok ? params.params.prefix : "evidence/";
  const settings = await loadAutomationSettings(prisma);
  const bucket = settings.s3.evidenceBucket;
  if (!bucket) {
    throw new RunbridgeError("INVALID_INPUT", "No evidence bucket is configured: an admin can set it under Automation settings.");
  }

  const client = createS3Client(s3ConnectionFromSettings(settings, secrets));
  const stored: { fileName: string; key: string; size: number; sha256: string; contentType: string }[] = [];
  try {
    for (const file of input.files) {
      const sha256 = createHash("sha256").update(file.data).digest("hex");
      const stamp = new Date().toISOString().replace(/[:.]/g, "-");
      const key = `${prefix}${input.incidentId}/${stamp}-${sha256.slice(0, 12)}-${safeFileName(file.fileName)}`;
      try {
        await client.send(
          new PutObjectCommand({
            Bucket: bucket,
            Key: key,
            Body: file.data,
            ContentType: file.contentType || "application/octet-stream",
            Metadata: { sha256, incident: input.incidentId, step: input.stepId, "uploaded-by": actor.id },
          }),
        );
      } catch (error) {
        logger.error({ err: error, incidentId: input.incidentId, stepId: input.stepId, bucket, key }, "evidence upload failed");
        const reason = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
        throw new RunbridgeError("INTERNAL", `Uploading ${file.fileName} to s3://${bucket} failed (${reason}). ${stored.length} earlier file(s) were stored; try again.`);
      }
      stored.push({ fileName: file.fileName, key, size: file.data.length, sha256, contentType: file.contentType });
    }
  } finally {
    client.destroy();
  }

  const events = await prisma.$transaction(async (tx) => {
    await loadOpenIncident(tx, input.incidentId);
    const appended: TimelineEvent[] = [];
    for (const object of stored) {
      appended.push(await appendEvent(tx, input.incidentId, "evidence.preserved", { stepId: step.id, title: step.title, bucket, ...object }, actor.id));
    }
    return appended;
  });
  logger.info({ incidentId: input.incidentId, stepId: input.stepId, count: stored.length, userId: actor.id }, "evidence preserved");
  return events;
}

function safeFileName(name: string): string {
  const cleaned = name.replace(/[^A-Za-z0-9._-]+/g, "_").replace(/^[._]+/, "").slice(0, 100);
  return cleaned || "evidence";
}
