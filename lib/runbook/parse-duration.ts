const MINUTES_PER_UNIT = new Map<string, number>([
  ["m", 1],
  ["min", 1],
  ["mins", 1],
  ["minute", 1],
  ["minutes", 1],
  ["h", 60],
  ["hr", 60],
  ["hrs", 60],
  ["hour", 60],
  ["hours", 60],
  ["d", 1440],
  ["day", 1440],
  ["days", 1440],
]);

// An optional bound ("< 4 hours", "up to 1 hour"), a number and a unit, and nothing else, so a
// sentence that happens to contain a duration is not taken for one.
const DURATION = /^(?:<=?|≤|~|up to|under|within)?\s*(\d+(?:\.\d+)?)\s*([a-z]+)\.?$/iu;

/**
 * Converts a duration such as "15 minutes", "4 hours", "1h" or "< 4 hours" to whole minutes.
 * A leading bound is dropped, because a recovery objective is the limit itself.
 * Returns null when the text is not a single number and unit.
 */
export function parseDuration(text: string): number | null {
  const match = DURATION.exec(text.trim());

  if (match === null) {
    return null;
  }

  const unitMinutes = MINUTES_PER_UNIT.get(match[2].toLowerCase());

  if (unitMinutes === undefined) {
    return null;
  }

  return Math.round(Number(match[1]) * unitMinutes);
}
