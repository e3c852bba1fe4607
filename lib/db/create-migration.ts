import fs from "node:fs/promises";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { dbLogger } from "./logger";
import {
  defaultMigrationsDir,
  defaultSchemaPath,
  MIGRATION_LOCK_CONTENT,
  MIGRATION_LOCK_FILE,
  NO_SCHEMA_FILTER,
  readMigrationsList,
  withSchemaEngine,
} from "./schema-engine";

export interface CreateMigrationOptions {
  /** Descriptive part of the folder name, for example "add_step_owner". */
  name: string;
  /** Default: prisma/migrations under the working directory. */
  migrationsDir?: string;
  /** Default: prisma/schema.prisma under the working directory. */
  schemaPath?: string;
  /** Time used for the folder's timestamp prefix. Default: now. */
  now?: Date;
}

export type CreateMigrationResult =
  | { status: "no-changes" }
  | { status: "created"; migrationName: string; migrationDir: string; script: string };

/** `prisma migrate dev --name` (Prisma 7.10) cuts the name part to this many characters. */
const MAX_NAME_LENGTH = 200;

/**
 * Writes a new migration folder (<timestamp>_<name>/migration.sql) with the SQL that takes a
 * database from the state the existing migrations build to the state prisma/schema.prisma
 * describes, like `prisma migrate dev --create-only`. Works offline: the existing migrations are
 * replayed on a throwaway in-memory PGlite. Writes nothing when the schema matches.
 */
export async function createMigration(options: CreateMigrationOptions): Promise<CreateMigrationResult> {
  const migrationsDir = path.resolve(options.migrationsDir ?? defaultMigrationsDir());
  const schemaPath = path.resolve(options.schemaPath ?? defaultSchemaPath());
  const migrationName = `${formatTimestamp(options.now ?? new Date())}_${normalizeMigrationName(options.name)}`;
  const log = dbLogger.child({ migrationsDir, schemaPath });

  const schema = await fs.readFile(schemaPath, "utf8");
  const migrationsList = await readMigrationsList(migrationsDir);

  // Migrations apply in name order, so a new one that sorts before an existing one (a clock
  // set back, or a folder from the future) would run too early on fresh databases.
  const lastExisting = migrationsList.migrationDirectories.at(-1)?.path;
  if (lastExisting !== undefined && migrationName.localeCompare(lastExisting) <= 0) {
    throw new Error(
      `Migration name ${migrationName} does not sort after the newest existing migration ${lastExisting}. ` +
        "Check the system clock, or rename the newer folder if it was created by mistake.",
    );
  }

  log.info({ existingMigrations: migrationsList.migrationDirectories.length }, "diffing migrations against the schema");
  const diff = await withThrowawayPGlite((pglite) =>
    withSchemaEngine(
      pglite,
      (engine) =>
        engine.diff({
          from: { tag: "migrations", ...migrationsList },
          to: { tag: "schemaDatamodel", files: [{ path: schemaPath, content: schema }] },
          script: true,
          // With exitCode set the engine returns 2 when the diff is not empty and 0 when it is.
          exitCode: true,
          filters: NO_SCHEMA_FILTER,
        }),
      // The instance is thrown away afterwards, so it can serve as the shadow database too.
      { shadowDatabase: "target" },
    ),
  );

  if (diff.exitCode === 0) {
    log.info("schema matches the migrations: no changes");
    return { status: "no-changes" };
  }
  if (diff.exitCode !== 2 || !diff.stdout) {
    throw new Error(`The schema engine returned exit code ${diff.exitCode} and no migration script.`);
  }

  const migrationDir = path.join(migrationsDir, migrationName);
  await fs.mkdir(migrationsDir, { recursive: true });
  // Without `recursive`, mkdir fails if the folder already exists instead of overwriting it.
  await fs.mkdir(migrationDir);
  await fs.writeFile(path.join(migrationDir, "migration.sql"), diff.stdout, "utf8");
  await writeLockfileIfMissing(migrationsDir);

  log.info({ migrationName, migrationDir }, "created migration");
  return { status: "created", migrationName, migrationDir, script: diff.stdout };
}

/**
 * Normalizes a migration name for the folder name like `prisma migrate dev --name` does: lower
 * case, every run of characters other than ASCII letters and digits replaced by one underscore,
 * and cut to 200 characters. Throws when nothing is left.
 */
export function normalizeMigrationName(name: string): string {
  const normalized = name
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "_")
    .replace(/^_+|_+$/g, "")
    .slice(0, MAX_NAME_LENGTH)
    .replace(/_+$/, "");
  if (normalized.length === 0) {
    throw new Error(`Invalid migration name ${JSON.stringify(name)}: it needs at least one ASCII letter or digit.`);
  }
  return normalized;
}

/** Formats a time as YYYYMMDDHHMMSS in UTC, the prefix `prisma migrate dev` gives migration folders. */
function formatTimestamp(date: Date): string {
  return date.toISOString().replace(/[-:T]/g, "").slice(0, 14);
}

async function withThrowawayPGlite<T>(run: (pglite: PGlite) => Promise<T>): Promise<T> {
  const pglite = await PGlite.create();
  try {
    return await run(pglite);
  } finally {
    await pglite.close();
  }
}

async function writeLockfileIfMissing(migrationsDir: string): Promise<void> {
  try {
    await fs.writeFile(path.join(migrationsDir, MIGRATION_LOCK_FILE), MIGRATION_LOCK_CONTENT, { flag: "wx" });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "EEXIST") {
      throw error;
    }
  }
}
