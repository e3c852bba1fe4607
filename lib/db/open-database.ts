import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { PrismaPg } from "@prisma/adapter-pg";
import pg from "pg";
import { PrismaPGlite } from "pglite-prisma-adapter";
import { acquireDataDirLock, type DataDirLock } from "./data-dir-lock";
import { PrismaClient } from "./generated/client";
import { dbLogger, describeError, maskDatabaseUrl } from "./logger";
import { applyMigrations } from "./migrate";

export interface Database {
  prisma: PrismaClient;
  kind: "pglite" | "postgres";
  /** Disconnects Prisma, then closes PGlite and releases its folder lock, or ends the pg pool. Safe to call twice. */
  close(): Promise<void>;
  /** Runs SELECT 1. Rejects with the reason when the query fails or takes longer than 5 seconds. */
  ping(): Promise<void>;
}

export interface OpenDatabaseOptions {
  /**
   * Folder for the embedded PGlite database, used when no PostgreSQL connection string is set.
   * Default: RUNBRIDGE_DATA_DIR, else .data under the working directory.
   */
  dataDir?: string;
  /** PostgreSQL connection string. Default: DATABASE_URL. Takes precedence over dataDir. */
  databaseUrl?: string;
  /** Default: prisma/migrations under the working directory. */
  migrationsDir?: string;
}

const PING_TIMEOUT_MS = 5_000;

/** How long a query waits for a new PostgreSQL connection before it fails. */
const CONNECT_TIMEOUT_MS = 10_000;

/**
 * Opens the database and applies pending migrations before returning.
 * With a databaseUrl option, or else a non-empty DATABASE_URL, it connects to PostgreSQL, even
 * when dataDir is given, so a server that always passes its data folder still honours
 * DATABASE_URL. Otherwise it opens PGlite in <dataDir>/pglite and holds an exclusive lock on that
 * folder until close(): a second open of the same folder, from any process, throws
 * DataDirLockedError at once.
 */
export async function openDatabase(options: OpenDatabaseOptions = {}): Promise<Database> {
  const databaseUrl = options.databaseUrl || process.env.DATABASE_URL;
  if (databaseUrl) {
    return openPostgres(databaseUrl, options.migrationsDir);
  }

  const dataDir = path.resolve(options.dataDir ?? (process.env.RUNBRIDGE_DATA_DIR || path.join(process.cwd(), ".data")));
  return openPGlite(dataDir, options.migrationsDir);
}

async function openPGlite(dataDir: string, migrationsDir: string | undefined): Promise<Database> {
  const folder = path.join(dataDir, "pglite");
  const log = dbLogger.child({ kind: "pglite", folder });

  // Lock before PGlite touches the folder: opening it while another process has it open can
  // leave it unreadable.
  const lock = acquireDataDirLock(folder, path.join(dataDir, "pglite.lock"));

  let pglite: PGlite | undefined;
  try {
    log.info("opening database");
    const startedAt = performance.now();
    pglite = await PGlite.create(folder).catch((error: unknown) => {
      throw new Error(`Opening the PGlite database in ${folder} failed: ${describeError(error)}`, { cause: error });
    });
    log.info({ durationMs: Math.round(performance.now() - startedAt) }, "PGlite started");

    await applyMigrations(pglite, { migrationsDir });
  } catch (error) {
    log.error({ err: error }, "opening database failed");
    await closeQuietly(pglite, log);
    lock.release();
    throw error;
  }

  const prisma = new PrismaClient({ adapter: new PrismaPGlite(pglite) });
  const opened = pglite;
  return createDatabase("pglite", prisma, log, async () => {
    try {
      await opened.close();
    } finally {
      lock.release();
    }
  });
}

async function openPostgres(databaseUrl: string, migrationsDir: string | undefined): Promise<Database> {
  const log = dbLogger.child({ kind: "postgres", databaseUrl: maskDatabaseUrl(databaseUrl) });

  const pool = new pg.Pool({ connectionString: databaseUrl, connectionTimeoutMillis: CONNECT_TIMEOUT_MS });
  // Without a listener, an error on an idle connection (a server restart) would crash the process.
  // pg attaches the whole client to this error, so only its message and code are logged.
  pool.on("error", (error: Error & { code?: string }) =>
    log.error({ error: describeError(error), code: error.code }, "idle PostgreSQL connection failed"),
  );

  try {
    log.info("connecting");
    await pool.query("SELECT 1").catch((error: unknown) => {
      throw new Error(`Connecting to PostgreSQL at ${maskDatabaseUrl(databaseUrl)} failed: ${describeError(error)}`, { cause: error });
    });
    await applyMigrations(databaseUrl, { migrationsDir });
  } catch (error) {
    log.error({ err: error }, "opening database failed");
    await pool.end().catch((endError: unknown) => log.warn({ err: endError }, "closing the pg pool failed"));
    throw error;
  }

  const prisma = new PrismaClient({ adapter: new PrismaPg(pool) });
  return createDatabase("postgres", prisma, log, () => pool.end());
}

function createDatabase(
  kind: Database["kind"],
  prisma: PrismaClient,
  log: typeof dbLogger,
  closeDriver: () => Promise<void>,
): Database {
  let closing: Promise<void> | undefined;

  const close = () => {
    closing ??= (async () => {
      log.info("closing database");
      try {
        await prisma.$disconnect();
      } finally {
        await closeDriver();
      }
      log.info("database closed");
    })();
    return closing;
  };

  const ping = async () => {
    if (closing) {
      throw new Error(`The ${kind} database is closed.`);
    }
    try {
      await withTimeout(prisma.$queryRaw`SELECT 1`, PING_TIMEOUT_MS);
    } catch (error) {
      throw new Error(`SELECT 1 on the ${kind} database failed: ${summarizeError(error)}`, { cause: error });
    }
  };

  log.info("database ready");
  return { prisma, kind, close, ping };
}

async function withTimeout<T>(promise: Promise<T>, timeoutMs: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`timed out after ${timeoutMs} ms`)), timeoutMs);
  });
  try {
    return await Promise.race([promise, timeout]);
  } finally {
    clearTimeout(timer);
  }
}

/**
 * Returns the last line of an error's description. Prisma puts the cause last, after lines like
 * "Invalid `prisma.$queryRaw()` invocation:" that do not help the reader of a health check.
 */
function summarizeError(error: unknown): string {
  const lines = describeError(error)
    .split("\n")
    .map((line) => line.trim())
    .filter((line) => line.length > 0);
  return lines.at(-1) ?? "unknown error";
}

async function closeQuietly(pglite: PGlite | undefined, log: typeof dbLogger): Promise<void> {
  try {
    await pglite?.close();
  } catch (error) {
    log.warn({ err: error }, "closing PGlite after a failed open failed");
  }
}
