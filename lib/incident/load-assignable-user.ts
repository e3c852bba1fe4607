import type { Db } from "../db/types";
import { RunbridgeError } from "../errors";

/** A person who may hold an incident role or a step: an active user whose global role is not viewer. */
export interface AssignableUser {
  id: string;
  name: string;
  role: string;
}

/**
 * Loads a user who is about to get an incident role, a step or command. Throws NOT_FOUND
 * for an unknown id and INVALID_INPUT for a deactivated user or a viewer, because a viewer
 * can never change anything whatever incident role they hold.
 *
 * @param purpose what the user would be allowed to do, completing "they cannot …".
 */
export async function loadAssignableUser(db: Db, userId: string, purpose: string): Promise<AssignableUser> {
  const user = await db.user.findUnique({ where: { id: userId }, select: { id: true, name: true, role: true, active: true } });
  if (!user) {
    throw new RunbridgeError("NOT_FOUND", `User "${userId}" was not found: reload the page and pick someone from the list.`);
  }
  if (!user.active) {
    throw new RunbridgeError("INVALID_INPUT", `${user.name} is deactivated, so they cannot ${purpose}. Ask an admin to reactivate the account, or pick someone else.`);
  }
  if (user.role === "viewer") {
    throw new RunbridgeError(
      "INVALID_INPUT",
      `${user.name} is a viewer, and viewers cannot change anything, so they cannot ${purpose}. Ask an admin to change their global role first, or pick someone else.`,
    );
  }
  return { id: user.id, name: user.name, role: user.role };
}
