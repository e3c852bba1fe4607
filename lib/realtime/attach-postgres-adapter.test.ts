// Two socket.io servers on one PostgreSQL database, as two Runbridge processes would run:
// a broadcast from one reaches a browser connected to the other.
import { createServer, type Server as HttpServer } from "node:http";
import type { AddressInfo } from "node:net";
import { Server } from "socket.io";
import { io as connect, type Socket } from "socket.io-client";
import { afterAll, describe, expect, it } from "vitest";
import { createTestPostgresDatabase, findPostgresUnavailableReason, type TestPostgresDatabase } from "../db/postgres-test-database";
import { attachPostgresAdapter } from "./attach-postgres-adapter";

const postgresUnavailable = await findPostgresUnavailableReason();

async function startProcess(databaseUrl: string) {
  const httpServer: HttpServer = createServer();
  const io = new Server(httpServer);
  io.on("connection", (socket) => void socket.join("incident:demo"));
  const closeAdapter = await attachPostgresAdapter(io, databaseUrl);
  await new Promise<void>((resolve) => httpServer.listen(0, "127.0.0.1", resolve));
  return { io, port: (httpServer.address() as AddressInfo).port, closeAdapter };
}

describe.skipIf(Boolean(postgresUnavailable))("attachPostgresAdapter", () => {
  const cleanUps: (() => Promise<void> | void)[] = [];

  afterAll(async () => {
    for (const cleanUp of cleanUps.reverse()) await cleanUp();
  });

  it("delivers a broadcast from one process to a client of another", async () => {
    const testDatabase: TestPostgresDatabase = await createTestPostgresDatabase();
    cleanUps.push(() => testDatabase.drop());

    const first = await startProcess(testDatabase.url);
    const second = await startProcess(testDatabase.url);
    for (const started of [first, second]) {
      cleanUps.push(async () => {
        await new Promise<void>((resolve) => started.io.close(() => resolve()));
        await started.closeAdapter();
      });
    }

    const client: Socket = connect(`http://127.0.0.1:${first.port}`, { transports: ["websocket"] });
    cleanUps.push(() => void client.close());
    await new Promise<void>((resolve) => client.once("connect", () => resolve()));
    // The join runs on the server after connect; wait until it is visible across processes.
    await expect.poll(async () => (await second.io.in("incident:demo").fetchSockets()).length, { timeout: 20_000 }).toBe(1);

    const received = new Promise<unknown>((resolve) => client.once("timeline:event", resolve));
    second.io.to("incident:demo").emit("timeline:event", { seq: 7, type: "step.changed" });
    expect(await received).toEqual({ seq: 7, type: "step.changed" });

    // Payloads above the 8 kB NOTIFY limit travel through the attachments table.
    const large = "x".repeat(20_000);
    const receivedLarge = new Promise<unknown>((resolve) => client.once("timeline:event", resolve));
    second.io.to("incident:demo").emit("timeline:event", { note: large });
    expect(await receivedLarge).toEqual({ note: large });
  });
});
