// An exclusive, cross-process lock on a PGlite data folder. PGlite has no locking of its own,
// and a second process that opens a folder another process is using can leave it unreadable.
import fs from "node:fs";
import path from "node:path";
import { dbLogger } from "./logger";

/** Content of a lock file. */
interface LockOwner {
  pid: number;
  /**
   * Start time of the process in clock ticks since boot (field 22 of /proc/<pid>/stat), so a
   * lock left by a dead process is not mistaken for a live one that reused its pid, as happens
   * when a container restarts. Null where /proc is not available.
   */
  startTicks: number | null;
  acquiredAt: string;
}

export interface DataDirLock {
  /** Path of the lock file. */
  readonly lockPath: string;
  /** Deletes the lock file if this process still owns it. Safe to call more than once. */
  release(): void;
}

/** Error thrown when another process, or an earlier open in this process, has locked the folder. */
export class DataDirLockedError extends Error {
  constructor(
    readonly folder: string,
    readonly lockPath: string,
    readonly ownerPid: number,
  ) {
    const holder = ownerPid === process.pid ? `this process (pid ${ownerPid}), which opened it earlier and has not closed it` : `process ${ownerPid}`;
    super(
      `The PGlite data folder ${folder} is in use by ${holder}. ` +
        `Only one process may open it at a time: stop the other process, or set RUNBRIDGE_DATA_DIR to another folder. ` +
        `Lock file: ${lockPath}`,
    );
    this.name = "DataDirLockedError";
  }
}

/**
 * Takes the lock on `folder` by creating `lockPath` exclusively with this process's pid in it.
 * Throws DataDirLockedError at once if a live process holds it. A lock file whose process has
 * exited is taken over, with a warning in the log. The lock is also released when the process
 * exits normally; after a crash the next process takes it over.
 */
export function acquireDataDirLock(folder: string, lockPath: string): DataDirLock {
  const log = dbLogger.child({ folder, lockPath });
  fs.mkdirSync(path.dirname(lockPath), { recursive: true });

  const owner: LockOwner = { pid: process.pid, startTicks: readStartTicks(process.pid), acquiredAt: new Date().toISOString() };
  const ownContent = JSON.stringify(owner);

  if (!tryCreateLockFile(lockPath, ownContent)) {
    takeOverStaleLock(folder, lockPath, ownContent, log);
  }
  log.info({ pid: process.pid }, "acquired the data folder lock");

  let released = false;
  const release = () => {
    if (released) {
      return;
    }
    released = true;
    process.removeListener("exit", release);
    // Delete only our own lock: if the file was taken over, it belongs to another process now.
    if (readLockContent(lockPath) === ownContent) {
      fs.rmSync(lockPath, { force: true });
    }
  };
  process.on("exit", release);

  return { lockPath, release };
}

/**
 * Replaces a lock file whose owner has exited, or throws DataDirLockedError if the owner is alive.
 * A second, short-lived lock file (<lockPath>.takeover) makes sure only one of several
 * processes that find the same stale lock replaces it.
 */
function takeOverStaleLock(folder: string, lockPath: string, ownContent: string, log: typeof dbLogger): void {
  const staleContent = readLockContent(lockPath);
  const staleOwner = parseLockOwner(staleContent);
  if (staleOwner === undefined) {
    throw new Error(
      `The lock file ${lockPath} of the PGlite data folder ${folder} is not a valid lock file. ` +
        "If no Runbridge process is using the folder, delete the lock file and start again.",
    );
  }
  if (isProcessAlive(staleOwner)) {
    throw new DataDirLockedError(folder, lockPath, staleOwner.pid);
  }

  const takeoverPath = `${lockPath}.takeover`;
  if (!tryCreateLockFile(takeoverPath, ownContent)) {
    throw new Error(
      `Another process is taking over the stale lock ${lockPath} of the PGlite data folder ${folder}. ` +
        `If no Runbridge process is starting, delete ${takeoverPath} and start again.`,
    );
  }
  try {
    // Check again under the takeover lock: another process may have replaced the stale lock
    // between our first read and now.
    const currentContent = readLockContent(lockPath);
    if (currentContent !== staleContent) {
      const currentOwner = parseLockOwner(currentContent);
      throw new DataDirLockedError(folder, lockPath, currentOwner?.pid ?? -1);
    }
    log.warn({ stalePid: staleOwner.pid, staleSince: staleOwner.acquiredAt }, "taking over the lock of a process that has exited");
    fs.rmSync(lockPath, { force: true });
    if (!tryCreateLockFile(lockPath, ownContent)) {
      throw new Error(`Taking over the stale lock ${lockPath} failed: the file was created again meanwhile.`);
    }
  } finally {
    fs.rmSync(takeoverPath, { force: true });
  }
}

/**
 * Creates the file with the content in one atomic step: the content goes to a temporary file
 * that is then hard-linked to `filePath`, and link() fails if `filePath` exists. So no process
 * ever reads a lock file that is half written. Returns false if the file exists.
 */
function tryCreateLockFile(filePath: string, content: string): boolean {
  const temporaryPath = `${filePath}.${process.pid}.${Date.now()}.tmp`;
  fs.writeFileSync(temporaryPath, content, { flag: "wx" });
  try {
    fs.linkSync(temporaryPath, filePath);
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "EEXIST") {
      return false;
    }
    throw error;
  } finally {
    fs.rmSync(temporaryPath, { force: true });
  }
}

function readLockContent(lockPath: string): string | undefined {
  try {
    return fs.readFileSync(lockPath, "utf8");
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") {
      return undefined;
    }
    throw error;
  }
}

function parseLockOwner(content: string | undefined): LockOwner | undefined {
  if (content === undefined) {
    return undefined;
  }
  try {
    const parsed = JSON.parse(content) as Partial<LockOwner>;
    if (typeof parsed.pid !== "number" || !Number.isInteger(parsed.pid) || parsed.pid <= 0) {
      return undefined;
    }
    return {
      pid: parsed.pid,
      startTicks: typeof parsed.startTicks === "number" ? parsed.startTicks : null,
      acquiredAt: typeof parsed.acquiredAt === "string" ? parsed.acquiredAt : "unknown",
    };
  } catch {
    return undefined;
  }
}

function isProcessAlive(owner: LockOwner): boolean {
  try {
    // Signal 0 checks that the process exists without sending anything.
    process.kill(owner.pid, 0);
  } catch (error) {
    // EPERM: the process exists but belongs to another user.
    if ((error as NodeJS.ErrnoException).code !== "EPERM") {
      return false;
    }
  }

  // A live process with this pid may still be a different one that reused the pid.
  const currentStartTicks = readStartTicks(owner.pid);
  if (owner.startTicks !== null && currentStartTicks !== null) {
    return owner.startTicks === currentStartTicks;
  }
  return true;
}

/** Reads a process's start time from /proc on Linux. Returns null elsewhere or if unreadable. */
function readStartTicks(pid: number): number | null {
  let stat: string;
  try {
    stat = fs.readFileSync(`/proc/${pid}/stat`, "utf8");
  } catch {
    return null;
  }
  // The second field is the command name in parentheses and may contain spaces, so count
  // fields from the last ")". starttime is field 22 overall, the 20th after that parenthesis.
  const fieldsAfterName = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
  const startTicks = Number(fieldsAfterName[19]);
  return Number.isFinite(startTicks) ? startTicks : null;
}
