import { afterEach, describe, expect, it, vi } from "vitest";
import { closeDatabase, findDatabase, getDatabase, getPrisma, setDatabase } from "./database";
import type { Database } from "./open-database";

/** Creates a Database stand-in, because these tests check the holder, not a real connection. */
function fakeDatabase(): Database {
  return {
    prisma: { marker: "prisma" } as unknown as Database["prisma"],
    kind: "pglite",
    close: vi.fn(async () => undefined),
    ping: vi.fn(async () => undefined),
  };
}

describe("process-wide database", () => {
  afterEach(async () => {
    await closeDatabase();
  });

  it("getDatabase throws before setDatabase", () => {
    expect(() => getDatabase()).toThrow(/The database is not open/);
    expect(findDatabase()).toBeUndefined();
  });

  it("returns the database that was set", () => {
    const database = fakeDatabase();

    setDatabase(database);

    expect(getDatabase()).toBe(database);
    expect(findDatabase()).toBe(database);
    expect(getPrisma()).toBe(database.prisma);
  });

  it("is shared by a second copy of the module", async () => {
    const database = fakeDatabase();
    setDatabase(database);

    // A fresh module instance, as Next's bundle has next to the one server.ts loaded.
    vi.resetModules();
    const secondCopy = await import("./database");

    expect(secondCopy.getDatabase()).toBe(database);
  });

  it("closeDatabase closes and clears it", async () => {
    const database = fakeDatabase();
    setDatabase(database);

    await closeDatabase();

    expect(database.close).toHaveBeenCalledOnce();
    expect(findDatabase()).toBeUndefined();
  });
});
