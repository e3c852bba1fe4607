import { minutesPerUnit, UNIT_PATTERN } from "./duration-units";

export interface TimeBox {
  /** Minutes after the incident is declared, or null when the text contains no time box. */
  start: number | null;
  /** Null for an open-ended box such as "(30+ minutes)", or when there is no time box. */
  end: number | null;
}

const NUMBER = String.raw`(\d+(?:[.,]\d+)?)`;
const DASH = String.raw`\s*(?:-|–|—|~|〜|～|to|bis|à|a|至|到)\s*`;

// Each pattern reads one way of writing a time box. The first one that matches wins.
const PATTERNS: ReadonlyArray<{ pattern: RegExp; read: (match: RegExpExecArray) => TimeBox | null }> = [
  // "T+5 - T+15", "T+0 to T+15 min", "T+5-15". T+ counts minutes unless a unit follows.
  {
    pattern: new RegExp(String.raw`\bT\s*\+\s*${NUMBER}\s*(${UNIT_PATTERN})?${DASH}(?:T\s*\+\s*)?${NUMBER}\s*(${UNIT_PATTERN})?`, "iu"),
    read: (match) => range(match[1], match[2] ?? match[4] ?? "min", match[3], match[4] ?? match[2] ?? "min"),
  },
  // "0-5 minutes", "5–15 min", "0–2 hours", "1h-2h", "0-5分钟"
  {
    pattern: new RegExp(String.raw`${NUMBER}\s*(${UNIT_PATTERN})?${DASH}${NUMBER}\s*(${UNIT_PATTERN})`, "iu"),
    read: (match) => range(match[1], match[2] ?? match[4], match[3], match[4]),
  },
  // "30+ minutes", "30 minutes+", "2h+"
  {
    pattern: new RegExp(String.raw`${NUMBER}\s*(?:\+\s*(${UNIT_PATTERN})|(${UNIT_PATTERN})\s*\+)`, "iu"),
    read: (match) => openEnded(match[1], match[2] ?? match[3]),
  },
  // "T+5", "T+30 min": the phase starts then and has no end.
  {
    pattern: new RegExp(String.raw`\bT\s*\+\s*${NUMBER}\s*(${UNIT_PATTERN})?`, "iu"),
    read: (match) => openEnded(match[1], match[2] ?? "min"),
  },
  // "First 15 minutes", "< 10 min", "within 1 hour", "前15分钟", "erste 15 Minuten"
  {
    pattern: new RegExp(
      String.raw`(?:\bfirst|\bwithin|\bunder|\bup to|\berste[nr]?|\binnerhalb|\bpremi[eè]res?|\bprimeros?|<=?|≤|前)\s*${NUMBER}\s*(${UNIT_PATTERN})`,
      "iu",
    ),
    read: (match) => range("0", match[2], match[1], match[2]),
  },
];

/**
 * Reads a phase time box such as "(0-5 minutes)", "(30+ minutes)", "First 15 minutes", "T+5",
 * "< 10 min", "0–2 hours" or "5-15 分钟" in minutes after the declaration.
 * Returns nulls for text without one, for a number without a unit and for a range that ends
 * before it starts, so an unknown time box is never guessed.
 */
export function parseTimeBox(text: string): TimeBox {
  for (const { pattern, read } of PATTERNS) {
    const match = pattern.exec(text);

    if (match === null) {
      continue;
    }

    const timeBox = read(match);

    if (timeBox !== null) {
      return timeBox;
    }
  }

  return { start: null, end: null };
}

function range(startAmount: string, startUnit: string | undefined, endAmount: string, endUnit: string | undefined): TimeBox | null {
  const start = toMinutes(startAmount, startUnit);
  const end = toMinutes(endAmount, endUnit);

  if (start === null || end === null || end < start) {
    return null;
  }

  return { start, end };
}

function openEnded(amount: string, unit: string | undefined): TimeBox | null {
  const start = toMinutes(amount, unit);

  return start === null ? null : { start, end: null };
}

function toMinutes(amount: string, unit: string | undefined): number | null {
  const unitMinutes = unit === undefined ? undefined : minutesPerUnit(unit);

  if (unitMinutes === undefined) {
    return null;
  }

  return Math.round(Number(amount.replace(",", ".")) * unitMinutes);
}
