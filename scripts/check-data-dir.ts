// Stops `npm run up` before it reinstalls and rebuilds under a server that is already running
// on the same embedded data folder. Exits 1 with the holder's pid when the folder is in use.
import path from "node:path";
import { acquireDataDirLock, DataDirLockedError } from "../lib/db/data-dir-lock";

if (!process.env.DATABASE_URL) {
  const dataDir = path.resolve(process.env.RUNBRIDGE_DATA_DIR || path.join(process.cwd(), ".data"));
  try {
    acquireDataDirLock(path.join(dataDir, "pglite"), path.join(dataDir, "pglite.lock")).release();
  } catch (error) {
    if (!(error instanceof DataDirLockedError)) throw error;
    process.stderr.write(`${error.message}\n`);
    process.exit(1);
  }
}
