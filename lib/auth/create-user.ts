import { z } from "zod";
import type { PrismaClient } from "../db/types";
import { RunbridgeError } from "../errors";
import { hashPassword, MIN_PASSWORD_LENGTH } from "./passwords";
import { ROLES } from "./roles";

export const createUserInput = z.object({
  email: z.string().trim().toLowerCase().email("Email is invalid: give an address such as oncall@example.com."),
  name: z.string().trim().min(1, "Name is missing.").max(100, "Name is longer than 100 characters."),
  password: z.string().min(MIN_PASSWORD_LENGTH, `Password is shorter than ${MIN_PASSWORD_LENGTH} characters.`).max(200),
  role: z.enum(ROLES),
});
export type CreateUserInput = z.input<typeof createUserInput>;

/** Creates a user with a bcrypt-hashed password. */
export async function createUser(prisma: PrismaClient, rawInput: CreateUserInput) {
  const input = createUserInput.parse(rawInput);

  const existing = await prisma.user.findUnique({ where: { email: input.email } });
  if (existing) {
    throw new RunbridgeError("CONFLICT", `A user with the email ${input.email} already exists.`);
  }

  return prisma.user.create({
    data: { email: input.email, name: input.name, role: input.role, passwordHash: await hashPassword(input.password) },
    select: { id: true, email: true, name: true, role: true },
  });
}
