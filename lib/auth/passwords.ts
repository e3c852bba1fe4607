import bcrypt from "bcryptjs";

// bcrypt cost 11 takes about 0.1 s in bcryptjs on one core: slow enough for offline guessing
// to be expensive, fast enough for a sign-in during an incident.
const BCRYPT_COST = 11;
export { MIN_PASSWORD_LENGTH } from "./password-rules";

export function hashPassword(password: string): Promise<string> {
  return bcrypt.hash(password, BCRYPT_COST);
}

export function verifyPassword(password: string, passwordHash: string): Promise<boolean> {
  return bcrypt.compare(password, passwordHash);
}
