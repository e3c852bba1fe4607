// The database health endpoint against a real PostgreSQL database that is dropped mid-test.
import { afterAll, describe, expect, it } from "vitest";
import { closeDatabase, setDatabase } from "@/lib/db/database";
import { openDatabase } from "@/lib/db/open-database";
import { createTestPostgresDatabase, findPostgresUnavailableReason } from "@/lib/db/postgres-test-database";
import { GET } from "./route";

const postgresUnavailable = await findPostgresUnavailableReason();

describe.skipIf(Boolean(postgresUnavailable))("GET /api/health/database", () => {
  afterAll(async () => {
    await closeDatabase();
  });

  it("returns 200, then 503 with the reason once the database is gone", async () => {
    const testDatabase = await createTestPostgresDatabase();
    setDatabase(await openDatabase({ databaseUrl: testDatabase.url }));

    const healthy = await GET();
    expect(healthy.status).toBe(200);
    expect(await healthy.json()).toMatchObject({ status: "ok", kind: "postgres" });

    await testDatabase.drop();

    const broken = await GET();
    expect(broken.status).toBe(503);
    const body = await broken.json();
    expect(body.status).toBe("unavailable");
    expect(body.reason).toMatch(/^Database query failed: .*(does not exist|terminat|connect)/i);
  });
});
