/**
 * Converts text to a lowercase key such as "complete-database-failure". Accents are dropped,
 * and every run of other characters becomes one hyphen.
 * When `takenKeys` is given, appends "-2", "-3" and so on until the key is not in the set,
 * then adds the key to it.
 */
export function slugifyText(text: string, takenKeys?: Set<string>): string {
  const base =
    text
      .normalize("NFKD")
      .replace(/\p{M}/gu, "")
      .toLowerCase()
      .replace(/[^a-z0-9]+/gu, "-")
      .replace(/^-+|-+$/gu, "") || "untitled";

  if (takenKeys === undefined) {
    return base;
  }

  let key = base;

  for (let suffix = 2; takenKeys.has(key); suffix++) {
    key = `${base}-${suffix}`;
  }

  takenKeys.add(key);

  return key;
}
