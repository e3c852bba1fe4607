import { createAdapter } from "@socket.io/postgres-adapter";
import pg from "pg";
import type { Server } from "socket.io";
import { maskDatabaseUrl } from "../db/logger";
import { logger } from "../logger";

const ATTACHMENTS_TABLE = "socket_io_attachments";

/**
 * Fans socket.io broadcasts out to every Runbridge process on the same PostgreSQL database
 * (LISTEN/NOTIFY through @socket.io/postgres-adapter), so a browser connected to one process
 * sees changes made through another. Returns a function that closes its connections.
 */
export async function attachPostgresAdapter(io: Server, databaseUrl: string): Promise<() => Promise<void>> {
  const pool = new pg.Pool({ connectionString: databaseUrl, max: 2 });
  pool.on("error", (error) => logger.error({ err: error }, "socket.io adapter connection failed"));

  // The adapter stores payloads above 8 kB in this table and sends only their id by NOTIFY.
  // NOTE: it is created here, outside Prisma's migrations, because only the adapter uses it.
  await pool.query(`CREATE TABLE IF NOT EXISTS ${ATTACHMENTS_TABLE} (id bigserial UNIQUE, created_at timestamptz DEFAULT NOW(), payload bytea)`);

  io.adapter(
    createAdapter(pool, {
      tableName: ATTACHMENTS_TABLE,
      errorHandler: (error) => logger.error({ err: error }, "socket.io adapter failed"),
    }),
  );
  logger.info({ databaseUrl: maskDatabaseUrl(databaseUrl) }, "socket.io fans out through PostgreSQL");

  return () => pool.end();
}
