import type { TimelineEvent } from "./events";

/** Returns true when the event gives the user, or takes from them, an incident role. */
export function changesRolesOf(event: TimelineEvent, userId: string): boolean {
  switch (event.type) {
    case "role.assigned":
    case "role.removed":
      return event.payload.user.id === userId;
    case "command.handed_over":
      return event.payload.to.id === userId || event.payload.from?.id === userId;
    default:
      return false;
  }
}
