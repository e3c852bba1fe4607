import { minutesPerUnit, UNIT_PATTERN } from "./duration-units";

// An optional bound ("< 4 hours", "up to 1 hour"), a number and a unit, and nothing else, so a
// sentence that happens to contain a duration is not taken for one. "2h 30m" has two parts.
const BOUND = String.raw`(?:<=?|≤|~|≈|up to|under|within|max(?:imum)?\.?|target:?|bis zu|unter|max|最多|不超过|以内)?`;
const PART = String.raw`(\d+(?:[.,]\d+)?)\s*(${UNIT_PATTERN})`;
const DURATION = new RegExp(String.raw`^${BOUND}\s*${PART}(?:\s*(?:and\s+)?${PART})?\s*(?:以内|内)?$`, "iu");

/**
 * Converts a duration such as "15 minutes", "4 hours", "1h", "< 4 hours", "2h 30m" or
 * "30 Minuten" to whole minutes.
 * A leading bound is dropped, because a recovery objective is the limit itself.
 * Returns null when the text is not a single duration.
 */
export function parseDuration(text: string): number | null {
  const match = DURATION.exec(text.trim());

  if (match === null) {
    return null;
  }

  const first = toMinutes(match[1], match[2]);
  const second = match[3] === undefined ? 0 : toMinutes(match[3], match[4]);

  if (first === null || second === null) {
    return null;
  }

  return Math.round(first + second);
}

function toMinutes(amount: string, unit: string): number | null {
  const unitMinutes = minutesPerUnit(unit);

  if (unitMinutes === undefined) {
    return null;
  }

  return Number(amount.replace(",", ".")) * unitMinutes;
}
