import type { PrismaClient } from "../db/types";

export interface UserSummary {
  id: string;
  email: string;
  name: string;
  role: string;
  active: boolean;
  createdAt: string;
}

/** Lists every user, active ones first, then by email. */
export async function listUsers(prisma: PrismaClient): Promise<UserSummary[]> {
  const users = await prisma.user.findMany({
    orderBy: [{ active: "desc" }, { email: "asc" }],
    select: { id: true, email: true, name: true, role: true, active: true, createdAt: true },
  });
  return users.map((user) => ({ ...user, createdAt: user.createdAt.toISOString() }));
}
