import type { PGlite } from "@electric-sql/pglite";
import { dbLogger, maskDatabaseUrl } from "./logger";
import { defaultMigrationsDir, NO_SCHEMA_FILTER, readMigrationsList, withSchemaEngine } from "./schema-engine";

/** The database to migrate: an open PGlite instance, or a PostgreSQL connection string. */
export type MigrationTarget = PGlite | string;

export interface ApplyMigrationsOptions {
  /** Folder in Prisma's migrations layout. Default: prisma/migrations under the working directory. */
  migrationsDir?: string;
}

/**
 * Applies the migrations in the migrations folder that the database has not recorded in
 * _prisma_migrations yet, in name order, as `prisma migrate deploy` does. Returns the names of
 * the migrations it applied, so a second run returns an empty list.
 * Throws when the folder has no migrations, when a migration fails, or when an applied
 * migration failed earlier and was not resolved.
 * On PostgreSQL the engine holds an advisory lock meanwhile, so concurrent callers run one by one.
 */
export async function applyMigrations(
  target: MigrationTarget,
  options: ApplyMigrationsOptions = {},
): Promise<{ applied: string[] }> {
  const migrationsDir = options.migrationsDir ?? defaultMigrationsDir();
  const database = typeof target === "string" ? maskDatabaseUrl(target) : "pglite";
  const log = dbLogger.child({ database, migrationsDir });

  const migrationsList = await readMigrationsList(migrationsDir);
  // An empty list almost always means the wrong folder (a process started from another working
  // directory), and migrating nothing would leave the application without tables.
  if (migrationsList.migrationDirectories.length === 0) {
    const error = new Error(
      `No migrations found in ${migrationsDir}. Start the process from the project folder or pass migrationsDir.`,
    );
    log.error({ err: error }, "applying migrations failed");
    throw error;
  }

  log.info({ migrationCount: migrationsList.migrationDirectories.length }, "applying pending migrations");
  const startedAt = performance.now();

  let applied: string[];
  try {
    const output = await withSchemaEngine(target, (engine) =>
      engine.applyMigrations({ migrationsList, filters: NO_SCHEMA_FILTER }),
    );
    applied = output.appliedMigrationNames;
  } catch (error) {
    log.error({ err: error }, "applying migrations failed");
    throw error;
  }

  const durationMs = Math.round(performance.now() - startedAt);
  if (applied.length > 0) {
    log.info({ applied, durationMs }, "applied migrations");
  } else {
    log.info({ durationMs }, "database schema is up to date");
  }
  return { applied };
}
