import type { Db } from "../db/types";
import type { AssignableUser } from "./load-assignable-user";

/** Lists the active users who are not viewers, by name, for the role, step and command pickers. */
export async function listAssignableUsers(db: Db): Promise<AssignableUser[]> {
  return db.user.findMany({
    where: { active: true, role: { not: "viewer" } },
    orderBy: [{ name: "asc" }, { email: "asc" }],
    select: { id: true, name: true, role: true },
  });
}
