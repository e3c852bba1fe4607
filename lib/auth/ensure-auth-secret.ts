import { randomBytes } from "node:crypto";
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";

/**
 * Returns AUTH_SECRET from the environment, or else a secret kept in the data folder
 * (created on first start with mode 0600), so sessions survive restarts without setup.
 */
export function ensureAuthSecret(dataDir: string, env: NodeJS.ProcessEnv = process.env): string {
  if (env.AUTH_SECRET) {
    return env.AUTH_SECRET;
  }

  const file = path.join(dataDir, "auth-secret");
  try {
    return readFileSync(file, "utf8").trim();
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "ENOENT") throw error;
  }

  mkdirSync(dataDir, { recursive: true });
  const secret = randomBytes(32).toString("base64url");
  writeFileSync(file, secret, { mode: 0o600, flag: "wx" });
  return secret;
}
