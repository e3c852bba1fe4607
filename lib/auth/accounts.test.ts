// Sign-in, rate limits, user management, session versions and the audit log, against PGlite.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { listAuditEntries } from "../audit/list-audit-entries";
import type { Database } from "../db/open-database";
import { RunbridgeError } from "../errors";
import { createUser } from "./create-user";
import { loadSessionUser } from "./load-session-user";
import { changeUserRole, endUserSessions, resetUserPassword, setUserActive } from "./manage-user";
import { SignInLimiter } from "./sign-in-limiter";
import { openTestDatabase } from "./test-database";
import { describeSignInBlock, signInWithPassword } from "./verify-credentials";

const PASSWORD = "correct-horse-battery";

describe("sign-in limiter", () => {
  const limits = { maxFailuresPerAccount: 3, maxFailuresPerAddress: 5, windowMs: 60_000 };

  it("blocks an account after its failures", () => {
    const limiter = new SignInLimiter(limits);
    for (let index = 0; index < 3; index += 1) limiter.recordFailure("A@example.com", "10.0.0.1", 1_000 + index);
    expect(limiter.check("a@example.com", "10.0.0.2", 2_000)).toEqual({ scope: "account", retryAfterMs: 59_000 });
    expect(limiter.check("b@example.com", "10.0.0.1", 2_000)).toBeNull();
  });

  it("blocks an address after failures on many accounts", () => {
    const limiter = new SignInLimiter(limits);
    for (let index = 0; index < 5; index += 1) limiter.recordFailure(`user${index}@example.com`, "10.0.0.9", 1_000);
    expect(limiter.check("fresh@example.com", "10.0.0.9", 1_500)?.scope).toBe("address");
    expect(limiter.check("fresh@example.com", "10.0.0.8", 1_500)).toBeNull();
  });

  it("forgets failures after the window", () => {
    const limiter = new SignInLimiter(limits);
    for (let index = 0; index < 3; index += 1) limiter.recordFailure("a@example.com", "10.0.0.1", 1_000);
    expect(limiter.check("a@example.com", "10.0.0.1", 60_999)).not.toBeNull();
    expect(limiter.check("a@example.com", "10.0.0.1", 61_001)).toBeNull();
  });

  it("clears an account on success", () => {
    const limiter = new SignInLimiter(limits);
    limiter.recordFailure("a@example.com", "10.0.0.1", 1_000);
    limiter.recordFailure("a@example.com", "10.0.0.1", 1_000);
    limiter.recordSuccess("a@example.com");
    limiter.recordFailure("a@example.com", "10.0.0.1", 1_000);
    expect(limiter.check("a@example.com", "10.0.0.1", 1_000)).toBeNull();
  });

  it("describes a block in minutes", () => {
    expect(describeSignInBlock("account", 61_000)).toBe("Too many failed sign-ins for this account: wait 2 minutes and try again, or ask an admin to reset your password.");
    expect(describeSignInBlock("address", 10_000)).toBe("Too many failed sign-ins from your network address: wait 1 minute and try again.");
  });
});

describe("accounts", () => {
  let database: Database;
  let cleanUp: () => Promise<void>;
  let admin: { id: string; email: string };

  beforeAll(async () => {
    ({ database, cleanUp } = await openTestDatabase("accounts"));
    admin = await createUser(database.prisma, { email: "admin@example.com", name: "Admin", password: PASSWORD, role: "admin" });
  });

  afterAll(async () => cleanUp());

  const adminActor = () => ({ id: admin.id, email: admin.email, address: "127.0.0.1" });
  const newUser = (email: string, role: "admin" | "commander" | "responder" | "viewer" = "responder") =>
    createUser(database.prisma, { email, name: email.split("@")[0], password: PASSWORD, role }, adminActor());

  async function auditActions(targetUserId: string): Promise<string[]> {
    const rows = await database.prisma.auditEntry.findMany({ where: { targetUserId }, orderBy: [{ at: "asc" }, { id: "asc" }] });
    return rows.map((row) => row.action);
  }

  it("records sign-ins and failed sign-ins", async () => {
    const limiter = new SignInLimiter();
    await newUser("sam@example.com");

    const good = await signInWithPassword(database.prisma, limiter, { email: " SAM@example.com ", password: PASSWORD, address: "198.51.100.1" });
    expect(good.ok).toBe(true);
    const bad = await signInWithPassword(database.prisma, limiter, { email: "sam@example.com", password: "wrong-password-1", address: "198.51.100.1" });
    expect(bad).toEqual({ ok: false, reason: "invalid" });
    const unknown = await signInWithPassword(database.prisma, limiter, { email: "nobody@example.com", password: PASSWORD, address: "198.51.100.2" });
    expect(unknown).toEqual({ ok: false, reason: "invalid" });

    const rows = await database.prisma.auditEntry.findMany({ where: { actorEmail: { in: ["sam@example.com", "nobody@example.com"] } }, orderBy: [{ at: "asc" }, { id: "asc" }] });
    expect(rows.map((row) => [row.action, row.actorEmail, row.address])).toEqual([
      ["sign_in", "sam@example.com", "198.51.100.1"],
      ["sign_in_failed", "sam@example.com", "198.51.100.1"],
      ["sign_in_failed", "nobody@example.com", "198.51.100.2"],
    ]);
  });

  it("blocks an account after repeated failures, even with the right password", async () => {
    const limiter = new SignInLimiter({ maxFailuresPerAccount: 3, maxFailuresPerAddress: 100, windowMs: 60_000 });
    await newUser("lee@example.com");
    for (let index = 0; index < 3; index += 1) {
      await signInWithPassword(database.prisma, limiter, { email: "lee@example.com", password: `guess-${index}-xxxxxx`, address: "203.0.113.5" });
    }

    const blocked = await signInWithPassword(database.prisma, limiter, { email: "lee@example.com", password: PASSWORD, address: "203.0.113.6" });
    expect(blocked).toMatchObject({ ok: false, reason: "rate_limited", scope: "account" });
    const entries = await database.prisma.auditEntry.findMany({ where: { actorEmail: "lee@example.com", action: "sign_in_rate_limited" } });
    expect(entries).toHaveLength(1);
    expect(entries[0].details).toEqual({ scope: "account" });
  });

  it("ends sessions and sign-in on deactivation", async () => {
    const user = await newUser("dee@example.com");
    const stored = await database.prisma.user.findUniqueOrThrow({ where: { id: user.id } });
    const claims = { userId: user.id, sessionVersion: stored.sessionVersion };
    expect(await loadSessionUser(database.prisma, claims)).toMatchObject({ id: user.id });

    const result = await setUserActive(database.prisma, { userId: user.id, active: false }, adminActor());
    expect(result.sessionsEnded).toBe(true);
    expect(await loadSessionUser(database.prisma, claims)).toBeNull();
    expect((await signInWithPassword(database.prisma, new SignInLimiter(), { email: "dee@example.com", password: PASSWORD, address: "x" })).ok).toBe(false);

    await setUserActive(database.prisma, { userId: user.id, active: true }, adminActor());
    // Reactivation lets the user sign in again, but the old cookie stays dead.
    expect(await loadSessionUser(database.prisma, claims)).toBeNull();
    const again = await signInWithPassword(database.prisma, new SignInLimiter(), { email: "dee@example.com", password: PASSWORD, address: "x" });
    expect(again.ok).toBe(true);
    expect(await auditActions(user.id)).toEqual(["user_created", "user_deactivated", "user_reactivated"]);
  });

  it("keeps the last active admin", async () => {
    const error = await setUserActive(database.prisma, { userId: admin.id, active: false }, adminActor()).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(RunbridgeError);
    expect((error as RunbridgeError).code).toBe("CONFLICT");
    expect((error as RunbridgeError).message).toContain("last active admin");

    const demote = await changeUserRole(database.prisma, { userId: admin.id, role: "viewer" }, adminActor()).catch((caught: unknown) => caught);
    expect((demote as RunbridgeError).code).toBe("CONFLICT");
    expect((await database.prisma.user.findUniqueOrThrow({ where: { id: admin.id } })).role).toBe("admin");

    const second = await newUser("admin2@example.com", "admin");
    await changeUserRole(database.prisma, { userId: second.id, role: "viewer" }, adminActor());
    expect((await database.prisma.user.findUniqueOrThrow({ where: { id: second.id } })).role).toBe("viewer");
  });

  it("records role changes with both roles", async () => {
    const user = await newUser("rory@example.com", "viewer");
    await changeUserRole(database.prisma, { userId: user.id, role: "commander" }, adminActor());
    const entry = await database.prisma.auditEntry.findFirstOrThrow({ where: { targetUserId: user.id, action: "role_changed" } });
    expect(entry.details).toEqual({ from: "viewer", to: "commander" });
    expect(entry.actorEmail).toBe("admin@example.com");

    const invalid = await changeUserRole(database.prisma, { userId: user.id, role: "owner" as "admin" }, adminActor()).catch((caught: unknown) => caught);
    expect(String(invalid)).toContain("Role must be one of admin, commander, responder, viewer");
  });

  it("ends sessions on a password reset", async () => {
    const user = await newUser("pat@example.com");
    const before = await database.prisma.user.findUniqueOrThrow({ where: { id: user.id } });
    await resetUserPassword(database.prisma, { userId: user.id, password: "a-brand-new-password" }, adminActor());

    expect(await loadSessionUser(database.prisma, { userId: user.id, sessionVersion: before.sessionVersion })).toBeNull();
    const limiter = new SignInLimiter();
    expect((await signInWithPassword(database.prisma, limiter, { email: "pat@example.com", password: PASSWORD, address: "x" })).ok).toBe(false);
    expect((await signInWithPassword(database.prisma, limiter, { email: "pat@example.com", password: "a-brand-new-password", address: "x" })).ok).toBe(true);

    const short = await resetUserPassword(database.prisma, { userId: user.id, password: "short" }, adminActor()).catch((caught: unknown) => caught);
    expect(String(short)).toContain("shorter than 12 characters");
  });

  it("tells sign out everywhere from an admin ending sessions", async () => {
    const user = await newUser("kim@example.com");
    await endUserSessions(database.prisma, { userId: user.id }, { id: user.id, email: user.email });
    await endUserSessions(database.prisma, { userId: user.id }, adminActor());
    expect(await auditActions(user.id)).toEqual(["user_created", "sign_out_everywhere", "sessions_revoked"]);
    expect((await database.prisma.user.findUniqueOrThrow({ where: { id: user.id } })).sessionVersion).toBe(2);
  });

  it("filters the audit log", async () => {
    const failed = await listAuditEntries(database.prisma, { action: "sign_in_failed" });
    expect(failed.entries.length).toBeGreaterThanOrEqual(3);
    expect(failed.entries.every((entry) => entry.action === "sign_in_failed")).toBe(true);

    const byEmail = await listAuditEntries(database.prisma, { email: "RORY" });
    expect(byEmail.entries.map((entry) => entry.action)).toEqual([]);
    const aboutRory = await listAuditEntries(database.prisma, { action: "role_changed" });
    expect(aboutRory.entries.some((entry) => entry.targetEmail === "rory@example.com")).toBe(true);

    const today = new Date().toISOString().slice(0, 10);
    expect((await listAuditEntries(database.prisma, { from: today, to: today })).entries.length).toBeGreaterThan(5);
    expect((await listAuditEntries(database.prisma, { to: "2000-01-01" })).entries).toEqual([]);
    await expect(listAuditEntries(database.prisma, { from: "yesterday" })).rejects.toThrow(/2026-12-31/);
  });

  it("pages through the audit log without gaps", async () => {
    for (let index = 0; index < 105; index += 1) {
      await database.prisma.auditEntry.create({ data: { action: "sign_in_failed", actorEmail: `page${index}@example.com` } });
    }
    const first = await listAuditEntries(database.prisma, { email: "page" });
    expect(first.entries).toHaveLength(100);
    expect(first.nextBefore).not.toBeNull();
    const second = await listAuditEntries(database.prisma, { email: "page", before: first.nextBefore! });
    expect(second.entries).toHaveLength(5);
    expect(second.nextBefore).toBeNull();
    const seen = new Set([...first.entries, ...second.entries].map((entry) => entry.actorEmail));
    expect(seen.size).toBe(105);
  });
});
