// Names and notices shared by the socket server, the modules that server actions load and the
// browser, kept apart so none of those pulls in socket.io's server.

/** Requests an incident's stakeholder view and joins the room notified when it changes. */
export const WATCH_INCIDENT = "incident:watch";

/** Sent to a socket just before the server disconnects it because its session or share link ended. */
export const SESSION_ENDED = "session:ended";

/** Sent to an incident's room when its share links change, so the share links panels reload the list. */
export const SHARE_LINKS_CHANGED = "share-links:changed";

/** Sent to the stakeholder room after a change; watchers then ask for the view again. */
export const STAKEHOLDER_CHANGED = "stakeholder:changed";

export { SHARE_LINK_ENDED_MESSAGE } from "../share/share-link-constants";
