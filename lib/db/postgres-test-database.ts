// Throwaway PostgreSQL databases for tests. Each test file creates its own database on the
// server in TEST_POSTGRES_URL (default: the local server, user postgres, database test) and
// drops it afterwards.
import { randomBytes } from "node:crypto";
import pg from "pg";
import { describeError, maskDatabaseUrl } from "./logger";

const adminUrl = process.env.TEST_POSTGRES_URL || "postgresql://postgres@127.0.0.1:5432/test";

export interface TestPostgresDatabase {
  /** Connection string of the new database. */
  url: string;
  name: string;
  /** Drops the database, ending any connections to it that are still open. */
  drop(): Promise<void>;
}

/**
 * Returns why PostgreSQL cannot be used for tests, or undefined when it can.
 * Test files call it once at the top to skip their PostgreSQL cases with this reason.
 */
export async function findPostgresUnavailableReason(): Promise<string | undefined> {
  const client = new pg.Client({ connectionString: adminUrl, connectionTimeoutMillis: 3_000 });
  try {
    await client.connect();
    await client.query("SELECT 1");
    return undefined;
  } catch (error) {
    return `PostgreSQL at ${maskDatabaseUrl(adminUrl)} is not reachable (${describeError(error)}); set TEST_POSTGRES_URL to use another server.`;
  } finally {
    await client.end().catch(() => undefined);
  }
}

/** Creates an empty database named runbridge_test_<random hex>. */
export async function createTestPostgresDatabase(): Promise<TestPostgresDatabase> {
  const name = `runbridge_test_${randomBytes(6).toString("hex")}`;
  await runAsAdmin(`CREATE DATABASE "${name}"`);

  const url = new URL(adminUrl);
  url.pathname = `/${name}`;

  return {
    url: url.toString(),
    name,
    // FORCE (PostgreSQL 13 and later) ends sessions a failed test left open.
    drop: () => runAsAdmin(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`),
  };
}

async function runAsAdmin(sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: adminUrl, connectionTimeoutMillis: 3_000 });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}
