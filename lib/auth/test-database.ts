// A PGlite database in a temporary folder for the auth tests, with the sample runbook loaded.
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { openDatabase, type Database } from "../db/open-database";
import { ensureSampleRunbook } from "../runbook/ensure-sample-runbook";

export async function openTestDatabase(prefix: string): Promise<{ database: Database; cleanUp(): Promise<void> }> {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), `runbridge-${prefix}-`));
  const database = await openDatabase({ dataDir, databaseUrl: "" });
  await ensureSampleRunbook(database.prisma);
  return {
    database,
    async cleanUp() {
      await database.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
