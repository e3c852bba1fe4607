import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { acquireDataDirLock, DataDirLockedError, type DataDirLock } from "./data-dir-lock";

/** Start time of this process from /proc, or null where /proc is missing. */
function ownStartTicks(): number | null {
  try {
    const stat = fs.readFileSync(`/proc/${process.pid}/stat`, "utf8");
    return Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[19]);
  } catch {
    return null;
  }
}

/** Returns the pid of a process that has already exited. */
function deadPid(): number {
  const child = spawnSync(process.execPath, ["-e", ""]);
  return child.pid!;
}

describe("acquireDataDirLock", () => {
  let dataDir: string;
  let folder: string;
  let lockPath: string;
  const locks: DataDirLock[] = [];

  beforeEach(() => {
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "runbridge-lock-"));
    folder = path.join(dataDir, "pglite");
    lockPath = path.join(dataDir, "pglite.lock");
  });

  afterEach(() => {
    for (const lock of locks.splice(0)) {
      lock.release();
    }
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  function acquire(): DataDirLock {
    const lock = acquireDataDirLock(folder, lockPath);
    locks.push(lock);
    return lock;
  }

  it("writes this process's pid", () => {
    acquire();

    const content = JSON.parse(fs.readFileSync(lockPath, "utf8"));
    expect(content.pid).toBe(process.pid);
  });

  it("rejects a second acquire naming folder and pid", () => {
    acquire();

    let caught: unknown;
    try {
      acquire();
    } catch (error) {
      caught = error;
    }

    expect(caught).toBeInstanceOf(DataDirLockedError);
    expect((caught as Error).message).toContain(folder);
    expect((caught as Error).message).toContain(`pid ${process.pid}`);
    expect((caught as DataDirLockedError).ownerPid).toBe(process.pid);
  });

  it("can be acquired again after release", () => {
    acquire().release();

    expect(fs.existsSync(lockPath)).toBe(false);
    expect(() => acquire()).not.toThrow();
  });

  it("takes over the lock of a dead process", () => {
    fs.writeFileSync(lockPath, JSON.stringify({ pid: deadPid(), startTicks: null, acquiredAt: "2000-01-01T00:00:00.000Z" }));

    acquire();

    expect(JSON.parse(fs.readFileSync(lockPath, "utf8")).pid).toBe(process.pid);
    expect(fs.existsSync(`${lockPath}.takeover`)).toBe(false);
  });

  it.skipIf(ownStartTicks() === null)("takes over a lock whose pid was reused", () => {
    // Same pid as this process but another start time: the lock of an earlier process that
    // had this pid, as after a container restart.
    fs.writeFileSync(lockPath, JSON.stringify({ pid: process.pid, startTicks: ownStartTicks()! - 1, acquiredAt: "2000-01-01T00:00:00.000Z" }));

    expect(() => acquire()).not.toThrow();
  });

  it("rejects a lock file it cannot parse", () => {
    fs.writeFileSync(lockPath, "not json");

    expect(() => acquire()).toThrow(/not a valid lock file/);
    expect(fs.readFileSync(lockPath, "utf8")).toBe("not json");
  });

  it("release keeps a lock taken over by another owner", () => {
    const lock = acquire();
    const otherOwner = JSON.stringify({ pid: 1, startTicks: null, acquiredAt: "2000-01-01T00:00:00.000Z" });
    fs.writeFileSync(lockPath, otherOwner);

    lock.release();

    expect(fs.readFileSync(lockPath, "utf8")).toBe(otherOwner);
  });
});
