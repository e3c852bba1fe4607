// Names and notices shared by the socket server and the modules that server actions load,
// kept apart so those modules do not pull in socket.io's server.

/** Sent to a socket just before the server disconnects it because its session or share link ended. */
export const SESSION_ENDED = "session:ended";

/** Sent to an incident's room when its share links change, so the share links panels reload the list. */
export const SHARE_LINKS_CHANGED = "share-links:changed";

/** Sent to the stakeholder room after a change; watchers then ask for the view again. */
export const STAKEHOLDER_CHANGED = "stakeholder:changed";

export { SHARE_LINK_ENDED_MESSAGE } from "../share/share-link-constants";
