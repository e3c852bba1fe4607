const NEXT_SUFFIXES = new WeakMap<Set<string>, Map<string, number>>();

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

  // The next suffix to try for each base is remembered per set, so many equal titles take
  // linear time instead of retrying every suffix from 2.
  let nextSuffixes = NEXT_SUFFIXES.get(takenKeys);

  if (nextSuffixes === undefined) {
    nextSuffixes = new Map();
    NEXT_SUFFIXES.set(takenKeys, nextSuffixes);
  }

  let key = base;
  let suffix = nextSuffixes.get(base) ?? 2;

  while (takenKeys.has(key)) {
    key = `${base}-${suffix}`;
    suffix++;
  }

  nextSuffixes.set(base, suffix);
  takenKeys.add(key);

  return key;
}
