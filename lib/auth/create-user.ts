import { z } from "zod";
import { recordAudit } from "../audit/record-audit";
import type { PrismaClient } from "../db/types";
import { RunbridgeError } from "../errors";
import { COMMAND_LINE_ACTOR, type AuditActor } from "./audit-actor";
import { hashPassword, MIN_PASSWORD_LENGTH } from "./passwords";
import { ROLES } from "./roles";

export const passwordInput = z
  .string()
  .min(MIN_PASSWORD_LENGTH, `Password is shorter than ${MIN_PASSWORD_LENGTH} characters.`)
  .max(200, "Password is longer than 200 characters.");

export const createUserInput = z.object({
  email: z.string().trim().toLowerCase().email("Email is invalid: give an address such as oncall@example.com."),
  name: z.string().trim().min(1, "Name is missing.").max(100, "Name is longer than 100 characters."),
  password: passwordInput,
  role: z.enum(ROLES, `Role must be one of ${ROLES.join(", ")}.`),
});
export type CreateUserInput = z.input<typeof createUserInput>;

/** Creates a user with a bcrypt-hashed password and records it in the audit log. */
export async function createUser(prisma: PrismaClient, rawInput: CreateUserInput, actor: AuditActor = COMMAND_LINE_ACTOR) {
  const parsed = createUserInput.safeParse(rawInput);
  if (!parsed.success) {
    throw new RunbridgeError("INVALID_INPUT", parsed.error.issues.map((issue) => issue.message).join(" "));
  }
  const input = parsed.data;

  const existing = await prisma.user.findUnique({ where: { email: input.email } });
  if (existing) {
    throw new RunbridgeError("CONFLICT", `A user with the email ${input.email} already exists.`);
  }

  const passwordHash = await hashPassword(input.password);
  return prisma.$transaction(async (tx) => {
    const user = await tx.user.create({
      data: { email: input.email, name: input.name, role: input.role, passwordHash },
      select: { id: true, email: true, name: true, role: true },
    });
    await recordAudit(tx, { action: "user_created", actorId: actor.id, actorEmail: actor.email, address: actor.address, targetUserId: user.id, details: { role: user.role } });
    return user;
  });
}
