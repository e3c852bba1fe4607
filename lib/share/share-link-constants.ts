// Messages and limits of share links, kept free of server-only imports (share-token.ts needs
// node:crypto) so that browser code can import them.
export const SHARE_LINK_ENDED_MESSAGE = "This share link was revoked or has expired: ask the incident commander for a new link.";

/** Maximum life of a share link: two weeks, so a forgotten link does not stay open for good. */
export const MAX_SHARE_LINK_HOURS = 14 * 24;
export const MAX_SHARE_LABEL_LENGTH = 100;
