import { RunbridgeError } from "../errors";
import type { S3Connection } from "../storage/s3-client";
import type { AutomationSettings } from "./automation-settings";
import type { SecretValues } from "./secrets";

/**
 * Builds the S3 connection from the automation settings. Credentials come from the secrets
 * S3_ACCESS_KEY_ID and S3_SECRET_ACCESS_KEY when both are set. An S3-compatible endpoint needs
 * them; for AWS S3 without them the AWS SDK's default chain applies (environment, profile,
 * then the instance role).
 */
export function s3ConnectionFromSettings(settings: AutomationSettings, secrets: SecretValues): S3Connection {
  const accessKeyId = secrets.get("S3_ACCESS_KEY_ID");
  const secretAccessKey = secrets.get("S3_SECRET_ACCESS_KEY");
  const credentials = accessKeyId && secretAccessKey ? { accessKeyId, secretAccessKey } : undefined;
  if (settings.s3.endpoint && !credentials) {
    throw new RunbridgeError(
      "INVALID_INPUT",
      `S3 endpoint ${settings.s3.endpoint} needs credentials: set RUNBRIDGE_SECRET_S3_ACCESS_KEY_ID and RUNBRIDGE_SECRET_S3_SECRET_ACCESS_KEY on the server.`,
    );
  }
  return { endpoint: settings.s3.endpoint, region: settings.s3.region, forcePathStyle: settings.s3.forcePathStyle, credentials };
}
