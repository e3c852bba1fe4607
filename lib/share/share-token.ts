import { createHash, randomBytes } from "node:crypto";

// 32 random bytes, base64url without padding: 43 characters.
const TOKEN_PATTERN = /^[A-Za-z0-9_-]{43}$/;

/** Generates a share token. Only its hash is stored, so the token itself is shown once. */
export function generateShareToken(): string {
  return randomBytes(32).toString("base64url");
}

export function hashShareToken(token: string): string {
  return createHash("sha256").update(token).digest("hex");
}

/** True when the text could be a token; anything else is refused before the database is asked. */
export function looksLikeShareToken(text: string): boolean {
  return TOKEN_PATTERN.test(text);
}
