// Runbridge server: Next.js and socket.io on one port in one process.
// Start-up order matters: the database is opened and migrated, the sample runbook and the
// first admin exist, and only then does the port accept requests.
import { createServer } from "node:http";
import path from "node:path";
import next from "next";
import { ensureAuthSecret } from "./lib/auth/ensure-auth-secret";
import { ensureFirstAdmin } from "./lib/auth/ensure-first-admin";
import { CLIENT_ADDRESS_HEADER } from "./lib/auth/client-address";
import { setDatabase } from "./lib/db/database";
import { interruptActiveRuns, markInterruptedRuns } from "./lib/executors/mark-interrupted-runs";
import { openDatabase } from "./lib/db/open-database";
import { logger } from "./lib/logger";
import { attachPostgresAdapter } from "./lib/realtime/attach-postgres-adapter";
import { createSocketAuthenticator } from "./lib/realtime/authenticate-socket";
import { publishEvents } from "./lib/realtime/publish-events";
import { createSocketServer } from "./lib/realtime/socket-server";
import { ensureSampleRunbook } from "./lib/runbook/ensure-sample-runbook";
import { startTimerScan } from "./lib/timers/start-timer-scan";

const projectDir = import.meta.dirname;
const dev = process.env.NODE_ENV !== "production";
const hostname = process.env.HOST ?? "0.0.0.0";
const port = Number(process.env.PORT ?? 3000);
const dataDir = path.resolve(process.env.RUNBRIDGE_DATA_DIR ?? path.join(projectDir, ".data"));

async function main(): Promise<void> {
  if (!Number.isInteger(port) || port < 1 || port > 65535) {
    throw new Error(`PORT must be a whole number from 1 to 65535, got "${process.env.PORT}".`);
  }

  process.env.AUTH_SECRET = ensureAuthSecret(dataDir);
  process.env.AUTH_TRUST_HOST ??= "true";

  const database = await openDatabase({ dataDir, migrationsDir: path.join(projectDir, "prisma", "migrations") });
  setDatabase(database);

  // Runs left "running" by a stopped process never finished: record them as interrupted.
  await markInterruptedRuns(database.prisma);
  await ensureSampleRunbook(database.prisma);
  const firstAdmin = await ensureFirstAdmin(database.prisma);

  const app = next({ dev, dir: projectDir, hostname, port });
  await app.prepare();
  const handle = app.getRequestHandler();

  const httpServer = createServer((request, response) => {
    // The sign-in rate limit and the audit log read the caller's address from this header;
    // a value sent by the client is replaced.
    // NOTE: behind a reverse proxy this is the proxy's address, so every caller shares one
    // per-address sign-in limit; X-Forwarded-For is not read.
    request.headers[CLIENT_ADDRESS_HEADER] = request.socket.remoteAddress ?? "unknown";
    void handle(request, response);
  });

  const io = createSocketServer(httpServer, database.prisma, createSocketAuthenticator(database.prisma, process.env.AUTH_SECRET));
  const closeAdapter = database.kind === "postgres" && process.env.DATABASE_URL ? await attachPostgresAdapter(io, process.env.DATABASE_URL) : null;

  await new Promise<void>((resolve, reject) => {
    httpServer.once("error", reject);
    httpServer.listen(port, hostname, resolve);
  });

  const stopTimerScan = startTimerScan(database.prisma, publishEvents);

  logger.info({ port, dev, database: database.kind }, "Runbridge started");
  printWelcome(firstAdmin);

  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, "Runbridge stopping");
    stopTimerScan();

    // socket.io's close also closes the HTTP server, which waits for open keep-alive
    // connections unless they are closed too.
    await interruptActiveRuns();
    const closed = new Promise<void>((resolve) => io.close(() => resolve()));
    httpServer.closeAllConnections();
    await closed;
    await closeAdapter?.();
    await database.close();
    logger.info("Runbridge stopped");
    process.exit(0);
  };
  process.on("SIGTERM", () => void stop("SIGTERM"));
  process.on("SIGINT", () => void stop("SIGINT"));
}

function printWelcome(firstAdmin: Awaited<ReturnType<typeof ensureFirstAdmin>>): void {
  const url = `http://localhost:${port}`;
  const lines = [`Runbridge is running at ${url}`];
  if (firstAdmin) {
    lines.push(`Sign in as ${firstAdmin.email}`);
    lines.push(
      firstAdmin.generatedPassword
        ? `with the generated password ${firstAdmin.generatedPassword} (shown only this once; store it now)`
        : "with the password from RUNBRIDGE_ADMIN_PASSWORD",
    );
  }
  process.stdout.write(`\n${lines.join("\n")}\n\n`);
}

main().catch((error: unknown) => {
  logger.fatal({ err: error }, "Runbridge failed to start");
  // The JSON log line is for log collectors; a person starting the server reads this one.
  process.stderr.write(`\nRunbridge failed to start: ${error instanceof Error ? error.message : String(error)}\n\n`);
  process.exit(1);
});
