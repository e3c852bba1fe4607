export type ShareLinkStatus = "active" | "expired" | "revoked";

/** A share link as the command view lists it; the token itself is never listed. */
export interface ShareLinkView {
  id: string;
  label: string;
  showNames: boolean;
  createdAt: string;
  createdByName: string;
  expiresAt: string;
  revokedAt: string | null;
  revokedByName: string | null;
  status: ShareLinkStatus;
}

interface StoredShareLink {
  id: string;
  label: string;
  showNames: boolean;
  createdAt: Date;
  createdByName: string;
  expiresAt: Date;
  revokedAt: Date | null;
  revokedByName: string | null;
}

export function toShareLinkView(row: StoredShareLink, nowMs: number): ShareLinkView {
  const status: ShareLinkStatus = row.revokedAt ? "revoked" : row.expiresAt.getTime() <= nowMs ? "expired" : "active";
  return {
    id: row.id,
    label: row.label,
    showNames: row.showNames,
    createdAt: row.createdAt.toISOString(),
    createdByName: row.createdByName,
    expiresAt: row.expiresAt.toISOString(),
    revokedAt: row.revokedAt?.toISOString() ?? null,
    revokedByName: row.revokedByName,
    status,
  };
}
