import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createMigration, normalizeMigrationName } from "./create-migration";

const repoRoot = path.resolve(import.meta.dirname, "../..");
const projectSchemaPath = path.join(repoRoot, "prisma", "schema.prisma");
const projectMigrationsDir = path.join(repoRoot, "prisma", "migrations");

const SMALL_SCHEMA = `
datasource db {
  provider = "postgresql"
}

model Site {
  id   String @id
  name String
}
`;

describe("createMigration on the project schema", () => {
  it("reports no changes for an unchanged schema", async () => {
    const before = fs.readdirSync(projectMigrationsDir);

    const result = await createMigration({ name: "unchanged", migrationsDir: projectMigrationsDir, schemaPath: projectSchemaPath });

    expect(result).toEqual({ status: "no-changes" });
    expect(fs.readdirSync(projectMigrationsDir)).toEqual(before);
  });
});

describe("createMigration in an empty folder", () => {
  let workDir: string;
  let migrationsDir: string;
  let schemaPath: string;

  beforeAll(() => {
    workDir = fs.mkdtempSync(path.join(os.tmpdir(), "runbridge-create-migration-"));
    migrationsDir = path.join(workDir, "migrations");
    schemaPath = path.join(workDir, "schema.prisma");
    fs.writeFileSync(schemaPath, SMALL_SCHEMA);
  });

  afterAll(() => {
    fs.rmSync(workDir, { recursive: true, force: true });
  });

  it("creates the first migration and the lock file", async () => {
    const result = await createMigration({ name: "init", migrationsDir, schemaPath, now: new Date("2030-01-02T03:04:05Z") });

    expect(result.status).toBe("created");
    expect(fs.readdirSync(migrationsDir).sort()).toEqual(["20300102030405_init", "migration_lock.toml"]);
    const script = fs.readFileSync(path.join(migrationsDir, "20300102030405_init", "migration.sql"), "utf8");
    expect(script).toContain('CREATE TABLE "Site"');
    expect(fs.readFileSync(path.join(migrationsDir, "migration_lock.toml"), "utf8")).toContain('provider = "postgresql"');
  });

  it("creates a migration with only the change", async () => {
    fs.writeFileSync(schemaPath, SMALL_SCHEMA.replace("name String", "name String\n  region String?"));

    const result = await createMigration({ name: "Add region!", migrationsDir, schemaPath, now: new Date("2030-01-03T00:00:00Z") });

    expect(result.status).toBe("created");
    const created = result as Extract<typeof result, { status: "created" }>;
    expect(created.migrationName).toBe("20300103000000_add_region");
    expect(created.script).toContain('ALTER TABLE "Site" ADD COLUMN     "region" TEXT');
    expect(created.script).not.toContain("CREATE TABLE");
  });

  it("reports no changes once the migrations match", async () => {
    const result = await createMigration({ name: "again", migrationsDir, schemaPath, now: new Date("2030-01-04T00:00:00Z") });

    expect(result).toEqual({ status: "no-changes" });
    expect(fs.readdirSync(migrationsDir)).toHaveLength(3);
  });

  it("rejects a timestamp older than the newest migration", async () => {
    await expect(
      createMigration({ name: "late", migrationsDir, schemaPath, now: new Date("2029-12-31T00:00:00Z") }),
    ).rejects.toThrow(/does not sort after the newest existing migration 20300103000000_add_region/);
  });
});

describe("normalizeMigrationName", () => {
  it.each([
    ["add_step_owner", "add_step_owner"],
    ["Add Step-Owner!", "add_step_owner"],
    ["  __trim me__ ", "trim_me"],
    ["x".repeat(250), "x".repeat(200)],
  ])("turns %j into %j", (input, expected) => {
    expect(normalizeMigrationName(input)).toBe(expected);
  });

  it("rejects a name without letters or digits", () => {
    expect(() => normalizeMigrationName("!!!")).toThrow(/at least one ASCII letter or digit/);
  });
});
