// The process-wide database. The custom server (server.ts, run by tsx) opens it, and Next's
// bundled server code loads its own copy of this module, so the instance is kept on globalThis
// where both copies find it. Importing this module never opens anything, because `next build`
// imports it too.
import type { PrismaClient } from "./generated/client";
import type { Database } from "./open-database";

// Symbol.for returns the same symbol in every copy of this module.
const DATABASE_KEY = Symbol.for("runbridge.database");

type GlobalWithDatabase = typeof globalThis & { [DATABASE_KEY]?: Database };

const holder = globalThis as GlobalWithDatabase;

/** Makes `database` the process-wide database, replacing any earlier one without closing it. */
export function setDatabase(database: Database): void {
  holder[DATABASE_KEY] = database;
}

/** Returns the process-wide database. Throws if setDatabase has not been called. */
export function getDatabase(): Database {
  const database = holder[DATABASE_KEY];
  if (!database) {
    throw new Error(
      "The database is not open: the server must call openDatabase() and setDatabase() before handling requests.",
    );
  }
  return database;
}

/** Returns the process-wide database, or undefined if it is not open yet (for health checks). */
export function findDatabase(): Database | undefined {
  return holder[DATABASE_KEY];
}

/** Returns the Prisma client of the process-wide database. Throws if it is not open. */
export function getPrisma(): PrismaClient {
  return getDatabase().prisma;
}

/** Closes the process-wide database, if one is set, and clears it. */
export async function closeDatabase(): Promise<void> {
  const database = holder[DATABASE_KEY];
  if (!database) {
    return;
  }
  delete holder[DATABASE_KEY];
  await database.close();
}
