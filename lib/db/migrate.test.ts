import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { applyMigrations } from "./migrate";
import { createTestPostgresDatabase, findPostgresUnavailableReason, type TestPostgresDatabase } from "./postgres-test-database";
import { MIGRATION_LOCK_CONTENT } from "./schema-engine";

const projectMigrationsDir = path.resolve(import.meta.dirname, "../../prisma/migrations");
const initMigration = fs.readdirSync(projectMigrationsDir).find((name) => name.endsWith("_init"));
// Every project migration in the order Prisma applies them (by name, which starts with a timestamp).
const projectMigrations = fs
  .readdirSync(projectMigrationsDir)
  .filter((name) => fs.existsSync(path.join(projectMigrationsDir, name, "migration.sql")))
  .sort();

/** Writes a migrations folder with one migration per entry, in Prisma's layout. */
function writeMigrationsDir(migrations: Record<string, string>): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "runbridge-migrations-"));
  fs.writeFileSync(path.join(dir, "migration_lock.toml"), MIGRATION_LOCK_CONTENT);
  for (const [name, sql] of Object.entries(migrations)) {
    fs.mkdirSync(path.join(dir, name));
    fs.writeFileSync(path.join(dir, name, "migration.sql"), sql);
  }
  return dir;
}

// A semicolon inside a string literal: a script split at every ";" breaks here.
const SEMICOLON_MIGRATION = `CREATE TABLE "Note" ("id" INTEGER PRIMARY KEY, "text" TEXT NOT NULL DEFAULT 'first; second');
INSERT INTO "Note" ("id") VALUES (1);
`;

// The second statement fails, so the first must be rolled back with it.
const FAILING_MIGRATION = `CREATE TABLE "Partial" ("id" INTEGER);
CREATE TABLE "Broken" (;
`;

describe("applyMigrations on PGlite", () => {
  let dataDir: string;
  let pglite: PGlite;

  beforeAll(async () => {
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "runbridge-pglite-"));
    pglite = await PGlite.create(dataDir);
  });

  afterAll(async () => {
    await pglite?.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  it("project migrations include an init migration", () => {
    expect(initMigration).toBeDefined();
  });

  it("applies the project migrations to a fresh database", async () => {
    const result = await applyMigrations(pglite, { migrationsDir: projectMigrationsDir });

    expect(result.applied[0]).toBe(initMigration);
    expect(result.applied).toEqual(projectMigrations);
  });

  it("applies nothing on a second run", async () => {
    const result = await applyMigrations(pglite, { migrationsDir: projectMigrationsDir });

    expect(result.applied).toEqual([]);
  });

  it("records the migration in _prisma_migrations", async () => {
    const { rows } = await pglite.query<{ migration_name: string; finished_at: Date | null; rolled_back_at: Date | null }>(
      "SELECT migration_name, finished_at, rolled_back_at FROM _prisma_migrations",
    );

    expect(rows.map((row) => row.migration_name).sort()).toEqual(projectMigrations);
    for (const row of rows) {
      expect(row.finished_at).toBeInstanceOf(Date);
      expect(row.rolled_back_at).toBeNull();
    }
  });

  it("creates the tables of the schema", async () => {
    const { rows } = await pglite.query<{ tablename: string }>(
      "SELECT tablename FROM pg_tables WHERE schemaname = 'public' ORDER BY tablename",
    );

    expect(rows.map((row) => row.tablename)).toEqual(
      expect.arrayContaining(["Incident", "Runbook", "RunbookVersion", "StepRun", "StepExecution", "TimelineEvent", "User", "_prisma_migrations"]),
    );
  });

  it("runs a script with a semicolon in a literal", async () => {
    const migrationsDir = writeMigrationsDir({ "20000101000000_note": SEMICOLON_MIGRATION });
    const scratch = await PGlite.create();
    try {
      await applyMigrations(scratch, { migrationsDir });

      const { rows } = await scratch.query<{ text: string }>('SELECT "text" FROM "Note"');
      expect(rows).toEqual([{ text: "first; second" }]);
    } finally {
      await scratch.close();
      fs.rmSync(migrationsDir, { recursive: true, force: true });
    }
  });

  it("rejects a folder without migrations", async () => {
    const migrationsDir = path.join(os.tmpdir(), "runbridge-no-such-folder");

    await expect(applyMigrations(pglite, { migrationsDir })).rejects.toThrow(`No migrations found in ${migrationsDir}`);
  });

  it("rejects a failing migration and leaves it unfinished", async () => {
    const migrationsDir = writeMigrationsDir({ "20000101000000_broken": FAILING_MIGRATION });
    const scratch = await PGlite.create();
    try {
      await expect(applyMigrations(scratch, { migrationsDir })).rejects.toThrow(/syntax error/);

      const migrations = await scratch.query<{ finished_at: Date | null }>("SELECT finished_at FROM _prisma_migrations");
      expect(migrations.rows).toEqual([{ finished_at: null }]);
      const partial = await scratch.query("SELECT 1 FROM pg_tables WHERE tablename = 'Partial'");
      expect(partial.rows).toEqual([]);
    } finally {
      await scratch.close();
      fs.rmSync(migrationsDir, { recursive: true, force: true });
    }
  });

  it("rejects every later run after a failed migration", async () => {
    const migrationsDir = writeMigrationsDir({ "20000101000000_broken": FAILING_MIGRATION });
    const scratch = await PGlite.create();
    try {
      await expect(applyMigrations(scratch, { migrationsDir })).rejects.toThrow();

      await expect(applyMigrations(scratch, { migrationsDir })).rejects.toThrow(/20000101000000_broken/);
    } finally {
      await scratch.close();
      fs.rmSync(migrationsDir, { recursive: true, force: true });
    }
  });
});

const postgresUnavailable = await findPostgresUnavailableReason();
if (postgresUnavailable) {
  console.warn(`Skipping the PostgreSQL migration tests: ${postgresUnavailable}`);
}

describe.skipIf(postgresUnavailable !== undefined)("applyMigrations on PostgreSQL", () => {
  const databases: TestPostgresDatabase[] = [];

  async function freshDatabase(): Promise<TestPostgresDatabase> {
    const database = await createTestPostgresDatabase();
    databases.push(database);
    return database;
  }

  async function queryRows<Row>(url: string, sql: string): Promise<Row[]> {
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    try {
      return (await client.query(sql)).rows as Row[];
    } finally {
      await client.end();
    }
  }

  afterAll(async () => {
    for (const database of databases) {
      await database.drop();
    }
  });

  it("applies, then applies nothing, and records the row", async () => {
    const database = await freshDatabase();

    const first = await applyMigrations(database.url, { migrationsDir: projectMigrationsDir });
    const second = await applyMigrations(database.url, { migrationsDir: projectMigrationsDir });
    const rows = await queryRows<{ migration_name: string; finished_at: Date | null }>(
      database.url,
      "SELECT migration_name, finished_at FROM _prisma_migrations",
    );

    expect(first.applied).toEqual(projectMigrations);
    expect(second.applied).toEqual([]);
    expect(rows.map((row) => row.migration_name).sort()).toEqual(projectMigrations);
    for (const row of rows) expect(row.finished_at).toBeInstanceOf(Date);
  });

  it("applies once when two callers race", async () => {
    const database = await freshDatabase();

    const results = await Promise.all([
      applyMigrations(database.url, { migrationsDir: projectMigrationsDir }),
      applyMigrations(database.url, { migrationsDir: projectMigrationsDir }),
    ]);
    const appliedNames = results.flatMap((result) => result.applied);
    const rows = await queryRows<{ migration_name: string }>(database.url, "SELECT migration_name FROM _prisma_migrations");

    expect(appliedNames.sort()).toEqual(projectMigrations);
    expect(rows.map((row) => row.migration_name).sort()).toEqual(projectMigrations);
  });

  it("runs a script with a semicolon in a literal", async () => {
    const database = await freshDatabase();
    const migrationsDir = writeMigrationsDir({ "20000101000000_note": SEMICOLON_MIGRATION });

    try {
      await applyMigrations(database.url, { migrationsDir });
      const rows = await queryRows<{ text: string }>(database.url, 'SELECT "text" FROM "Note"');

      expect(rows).toEqual([{ text: "first; second" }]);
    } finally {
      fs.rmSync(migrationsDir, { recursive: true, force: true });
    }
  });

  it("rolls back a failing migration as a whole", async () => {
    const database = await freshDatabase();
    const migrationsDir = writeMigrationsDir({ "20000101000000_broken": FAILING_MIGRATION });

    try {
      await expect(applyMigrations(database.url, { migrationsDir })).rejects.toThrow(/syntax error/);
      const partial = await queryRows(database.url, "SELECT 1 FROM pg_tables WHERE tablename = 'Partial'");
      const migrations = await queryRows<{ finished_at: Date | null }>(database.url, "SELECT finished_at FROM _prisma_migrations");

      expect(partial).toEqual([]);
      expect(migrations).toEqual([{ finished_at: null }]);
    } finally {
      fs.rmSync(migrationsDir, { recursive: true, force: true });
    }
  });
});
