import { spawn } from "node:child_process";
import fs from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { DataDirLockedError } from "./data-dir-lock";
import { openDatabase, type Database } from "./open-database";
import { createTestPostgresDatabase, findPostgresUnavailableReason, type TestPostgresDatabase } from "./postgres-test-database";

const repoRoot = path.resolve(import.meta.dirname, "../..");
const migrationsDir = path.join(repoRoot, "prisma", "migrations");

/**
 * Forwards connections on a free loopback port to `targetPort`, so a test can make the server
 * unreachable by stopping the proxy without touching the real server.
 */
async function startTcpProxy(targetPort: number): Promise<{ port: number; stop(): Promise<void> }> {
  const sockets = new Set<net.Socket>();
  const server = net.createServer((client) => {
    const upstream = net.connect(targetPort, "127.0.0.1");
    for (const socket of [client, upstream]) {
      sockets.add(socket);
      socket.on("error", () => socket.destroy());
      socket.on("close", () => sockets.delete(socket));
    }
    client.pipe(upstream).pipe(client);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));

  return {
    port: (server.address() as net.AddressInfo).port,
    stop: async () => {
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      for (const socket of sockets) {
        socket.destroy();
      }
      await closed;
    },
  };
}

/** Runs openDatabase on `dataDir` in a separate Node process and returns how it ended. */
function openInChildProcess(dataDir: string): Promise<{ code: number | null; stderr: string }> {
  const script = `
    import { openDatabase } from "./lib/db/open-database.ts";
    try {
      const database = await openDatabase({ dataDir: ${JSON.stringify(dataDir)} });
      await database.close();
      process.exit(0);
    } catch (error) {
      console.error(error.message);
      process.exit(3);
    }
  `;
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ["--import", "tsx", "--input-type=module", "-e", script], {
      cwd: repoRoot,
      env: { ...process.env, DATABASE_URL: "", LOG_LEVEL: "silent" },
    });
    let stderr = "";
    child.stderr.on("data", (chunk) => (stderr += chunk));
    child.on("error", reject);
    child.on("exit", (code) => resolve({ code, stderr }));
  });
}

describe("openDatabase with PGlite", () => {
  let dataDir: string;
  let database: Database;

  beforeAll(async () => {
    // DATABASE_URL would select PostgreSQL even with a dataDir.
    vi.stubEnv("DATABASE_URL", "");
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "runbridge-open-"));
    database = await openDatabase({ dataDir, migrationsDir });
  });

  afterAll(async () => {
    await database?.close();
    vi.unstubAllEnvs();
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  it("opens PGlite inside the data folder", () => {
    expect(database.kind).toBe("pglite");
    expect(fs.existsSync(path.join(dataDir, "pglite", "PG_VERSION"))).toBe(true);
  });

  it("runs a Prisma query after open", async () => {
    await database.prisma.user.create({
      data: { email: "first@example.test", name: "First Responder", passwordHash: "not-a-real-hash" },
    });

    const user = await database.prisma.user.findUniqueOrThrow({ where: { email: "first@example.test" } });
    expect(user.name).toBe("First Responder");
    expect(user.role).toBe("responder");
  });

  it("answers ping", async () => {
    await expect(database.ping()).resolves.toBeUndefined();
  });

  it("rejects a second open in this process", async () => {
    const startedAt = performance.now();

    const error = await openDatabase({ dataDir, migrationsDir }).catch((caught: unknown) => caught);

    expect(error).toBeInstanceOf(DataDirLockedError);
    expect((error as Error).message).toContain(path.join(dataDir, "pglite"));
    expect((error as Error).message).toContain(`pid ${process.pid}`);
    // Failing before PGlite starts takes milliseconds, while starting it takes seconds.
    expect(performance.now() - startedAt).toBeLessThan(500);
  });

  it("rejects an open from another process", async () => {
    const result = await openInChildProcess(dataDir);

    expect(result.code).toBe(3);
    expect(result.stderr).toContain(path.join(dataDir, "pglite"));
    expect(result.stderr).toContain(`process ${process.pid}`);
  });

  it("reopens after close with data kept", async () => {
    await database.close();
    await expect(database.ping()).rejects.toThrow(/closed/);

    database = await openDatabase({ dataDir, migrationsDir });

    const user = await database.prisma.user.findUnique({ where: { email: "first@example.test" } });
    expect(user?.name).toBe("First Responder");
  });

  it("lets another process open after close", async () => {
    await database.close();

    const result = await openInChildProcess(dataDir);

    expect(result.stderr).toBe("");
    expect(result.code).toBe(0);
  });
});

const postgresUnavailable = await findPostgresUnavailableReason();
if (postgresUnavailable) {
  console.warn(`Skipping the PostgreSQL openDatabase tests: ${postgresUnavailable}`);
}

describe.skipIf(postgresUnavailable !== undefined)("openDatabase with PostgreSQL", () => {
  let testDatabase: TestPostgresDatabase;
  let database: Database;

  beforeAll(async () => {
    testDatabase = await createTestPostgresDatabase();
    database = await openDatabase({ databaseUrl: testDatabase.url, migrationsDir });
  });

  afterAll(async () => {
    await database?.close();
    await testDatabase?.drop();
  });

  it("connects to PostgreSQL", () => {
    expect(database.kind).toBe("postgres");
  });

  it("runs a Prisma query after open", async () => {
    await database.prisma.user.create({
      data: { email: "pg@example.test", name: "Postgres Responder", passwordHash: "not-a-real-hash" },
    });

    const user = await database.prisma.user.findUniqueOrThrow({ where: { email: "pg@example.test" } });
    expect(user.name).toBe("Postgres Responder");
  });

  it("answers ping", async () => {
    await expect(database.ping()).resolves.toBeUndefined();
  });

  it("uses DATABASE_URL over a dataDir", async () => {
    vi.stubEnv("DATABASE_URL", testDatabase.url);
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "runbridge-unused-"));
    try {
      const second = await openDatabase({ dataDir, migrationsDir });
      await second.close();

      expect(second.kind).toBe("postgres");
      expect(fs.existsSync(path.join(dataDir, "pglite"))).toBe(false);
    } finally {
      vi.unstubAllEnvs();
      fs.rmSync(dataDir, { recursive: true, force: true });
    }
  });

  it("ping rejects once the server is unreachable", async () => {
    const proxy = await startTcpProxy(5432);
    const proxyUrl = new URL(testDatabase.url);
    proxyUrl.port = String(proxy.port);
    const throughProxy = await openDatabase({ databaseUrl: proxyUrl.toString(), migrationsDir });
    try {
      await throughProxy.ping();

      await proxy.stop();

      // The first query finds its pooled connection cut, the next one is refused.
      await expect(throughProxy.ping()).rejects.toThrow(/^SELECT 1 on the postgres database failed: /);
      await expect(throughProxy.ping()).rejects.toThrow(`Can't reach database server at 127.0.0.1:${proxy.port}`);
    } finally {
      await throughProxy.close();
    }
  });

  it("ping rejects with the reason once the database is gone", async () => {
    await testDatabase.drop();

    await expect(database.ping()).rejects.toThrow(
      new RegExp(`^SELECT 1 on the postgres database failed: .*database "${testDatabase.name}" does not exist`),
    );
  });
});

describe("openDatabase with unreachable PostgreSQL", () => {
  // Nothing listens on port 1 of the loopback address, so the connection is refused at once.
  const unreachableUrl = "postgresql://runbridge:hunter2@127.0.0.1:1/runbridge";

  it("rejects naming the server and the cause", async () => {
    await expect(openDatabase({ databaseUrl: unreachableUrl })).rejects.toThrow(
      /Connecting to PostgreSQL at postgresql:\/\/runbridge:\*\*\*@127\.0\.0\.1:1\/runbridge failed: .*ECONNREFUSED/,
    );
  });

  it("keeps the password out of the message", async () => {
    const error = await openDatabase({ databaseUrl: unreachableUrl }).catch((caught: unknown) => caught);

    expect(error).toBeInstanceOf(Error);
    expect((error as Error).message).not.toContain("hunter2");
  });
});
