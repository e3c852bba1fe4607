/** Shortest password accepted, in characters. Kept apart from the hashing code so browser bundles can import it. */
export const MIN_PASSWORD_LENGTH = 12;
