// The user:create command line, run as a real process against a PGlite folder.
import { execFile } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { afterAll, describe, expect, it } from "vitest";
import { openDatabase } from "../lib/db/open-database";
import { verifyPassword } from "../lib/auth/passwords";

const run = promisify(execFile);
const projectDir = path.resolve(import.meta.dirname, "..");
const dataDir = mkdtempSync(path.join(os.tmpdir(), "runbridge-cli-"));

function createUserCommand(args: string[], stdin?: string) {
  const child = run("node", ["--import", "tsx", "scripts/create-user.ts", ...args], {
    cwd: projectDir,
    env: { ...process.env, RUNBRIDGE_DATA_DIR: dataDir, DATABASE_URL: "", LOG_LEVEL: "warn" },
  });
  child.child.stdin?.end(stdin ?? "");
  return child.then(
    (result) => ({ code: 0, ...result }),
    (error: { code: number; stdout: string; stderr: string }) => ({ code: error.code, stdout: error.stdout, stderr: error.stderr }),
  );
}

describe("user:create", () => {
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  it("creates users and rejects bad input", async () => {
    const generated = await createUserCommand(["--email", "Ops@Example.com", "--name", "Ops Lead", "--role", "commander"]);
    expect(generated.code).toBe(0);
    expect(generated.stdout).toContain("Created ops@example.com (commander).");
    const password = /Password: (\S+)/.exec(generated.stdout)?.[1];
    expect(password).toHaveLength(16);

    const fromStdin = await createUserCommand(["--email", "viewer@example.com", "--name", "Stake Holder", "--role", "viewer", "--password-stdin"], "a-long-enough-password\n");
    expect(fromStdin.code).toBe(0);
    expect(fromStdin.stdout).not.toContain("Password:");

    const duplicate = await createUserCommand(["--email", "ops@example.com", "--name", "Again"]);
    expect(duplicate.code).toBe(1);
    expect(duplicate.stderr).toContain("A user with the email ops@example.com already exists.");

    const badRole = await createUserCommand(["--email", "x@example.com", "--name", "X", "--role", "owner"]);
    expect(badRole.code).toBe(1);
    expect(badRole.stderr).toContain("Role must be one of admin, commander, responder, viewer.");

    const missing = await createUserCommand(["--name", "Nobody"]);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain("Missing --email.");

    const database = await openDatabase({ dataDir, databaseUrl: "" });
    try {
      const ops = await database.prisma.user.findUniqueOrThrow({ where: { email: "ops@example.com" } });
      expect(ops.role).toBe("commander");
      expect(await verifyPassword(password!, ops.passwordHash)).toBe(true);
      const viewer = await database.prisma.user.findUniqueOrThrow({ where: { email: "viewer@example.com" } });
      expect(await verifyPassword("a-long-enough-password", viewer.passwordHash)).toBe(true);
      const audit = await database.prisma.auditEntry.findMany({ where: { action: "user_created" } });
      expect(audit.map((entry) => entry.address)).toEqual(["command line", "command line"]);
      expect(await database.prisma.user.count()).toBe(2);
    } finally {
      await database.close();
    }
    // Five processes each start tsx and open PGlite: about a minute on a loaded 2-core machine.
  }, 180_000);
});
