// The databases that integration tests run against: PGlite in a temporary folder and, when it
// is reachable, a fresh database on the PostgreSQL server (see postgres-test-database.ts).
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { openDatabase, type Database } from "./open-database";
import { createTestPostgresDatabase, findPostgresUnavailableReason } from "./postgres-test-database";

export interface TestBackend {
  name: "PGlite" | "PostgreSQL";
  /** Set when the backend cannot run here; tests skip with it. */
  skipReason: string | undefined;
  open(): Promise<{ database: Database; cleanUp(): Promise<void> }>;
}

export async function listTestBackends(): Promise<TestBackend[]> {
  const postgresUnavailable = await findPostgresUnavailableReason();
  if (postgresUnavailable) console.warn(`Skipping the PostgreSQL cases: ${postgresUnavailable}`);

  return [
    {
      name: "PGlite",
      skipReason: undefined,
      async open() {
        const dataDir = mkdtempSync(path.join(os.tmpdir(), "runbridge-test-"));
        const database = await openDatabase({ dataDir, databaseUrl: "" });
        return {
          database,
          cleanUp: async () => {
            await database.close();
            rmSync(dataDir, { recursive: true, force: true });
          },
        };
      },
    },
    {
      name: "PostgreSQL",
      skipReason: postgresUnavailable,
      async open() {
        const testDatabase = await createTestPostgresDatabase();
        const database = await openDatabase({ databaseUrl: testDatabase.url });
        return {
          database,
          cleanUp: async () => {
            await database.close();
            await testDatabase.drop();
          },
        };
      },
    },
  ];
}
