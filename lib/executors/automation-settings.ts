// Admin-managed automation settings, stored one JSON value per key in AutomationSetting.
// Every allowlist is empty until an admin fills it, so a fresh install contacts no host and
// runs no executable.
import { z } from "zod";
import type { Db } from "../db/types";

const hostName = z
  .string()
  .trim()
  .toLowerCase()
  .min(1)
  .regex(/^[a-z0-9.\-:[\]]+$/, "Host names may contain letters, digits, dots, hyphens, and for IPv6 colons and brackets.");

export const automationSettingsSchema = z.object({
  /** Host names (or IP addresses) that HTTP checks may contact, exact match. */
  httpAllowedHosts: z.array(hostName).default([]),
  /** Absolute paths of executables that command steps may run. */
  commandAllowedExecutables: z.array(z.string().trim().startsWith("/", "Executables must be absolute paths such as /usr/bin/pg_isready.")).default([]),
  /** Database check targets by name; `url` may contain `$NAME` secret references. */
  databaseTargets: z
    .array(z.object({ name: z.string().trim().min(1), url: z.string().trim().min(1) }))
    .default([]),
  /** S3 settings for backup freshness and evidence; empty endpoint means AWS S3. */
  s3: z
    .object({
      endpoint: z.string().trim().default(""),
      region: z.string().trim().default("us-east-1"),
      backupBucket: z.string().trim().default(""),
      evidenceBucket: z.string().trim().default(""),
      forcePathStyle: z.boolean().default(false),
    })
    .default({ endpoint: "", region: "us-east-1", backupBucket: "", evidenceBucket: "", forcePathStyle: false }),
});

export type AutomationSettings = z.output<typeof automationSettingsSchema>;
export type AutomationSettingsInput = z.input<typeof automationSettingsSchema>;
type SettingKey = keyof AutomationSettings;

const KEYS = Object.keys(automationSettingsSchema.shape) as SettingKey[];

/** Loads every automation setting, with the defaults for the ones never saved. */
export async function loadAutomationSettings(db: Db): Promise<AutomationSettings> {
  const rows = await db.automationSetting.findMany({ where: { key: { in: KEYS } } });
  const raw: Record<string, unknown> = {};
  for (const row of rows) raw[row.key] = row.value;
  return automationSettingsSchema.parse(raw);
}

/** Saves the given settings (validated) and leaves the others unchanged. */
export async function saveAutomationSettings(db: Db, input: Partial<AutomationSettingsInput>, actorId: string | null): Promise<AutomationSettings> {
  const parsed = automationSettingsSchema.partial().parse(input);
  for (const key of KEYS) {
    const value = parsed[key];
    if (value === undefined) continue;
    await db.automationSetting.upsert({
      where: { key },
      create: { key, value: value as object, updatedById: actorId },
      update: { value: value as object, updatedById: actorId },
    });
  }
  return loadAutomationSettings(db);
}
