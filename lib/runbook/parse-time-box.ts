export interface TimeBox {
  /** Minutes after the incident is declared, or null when the text contains no time box. */
  start: number | null;
  /** Null for an open-ended box such as "(30+ minutes)", or when there is no time box. */
  end: number | null;
}

// "0-5 minutes", "5–15 min", "30+ minutes", with or without brackets, anywhere in the text.
const TIME_BOX = /(\d+)\s*(?:[-–—]\s*(\d+)|(\+))\s*(?:minutes?|mins?|m)\b/iu;

/**
 * Reads a phase time box such as "(0-5 minutes)" or "(30+ minutes)" in minutes.
 * Returns nulls for text without one, and for a range that ends before it starts.
 */
export function parseTimeBox(text: string): TimeBox {
  const match = TIME_BOX.exec(text);

  if (match === null) {
    return { start: null, end: null };
  }

  const start = Number(match[1]);

  if (match[3] === "+") {
    return { start, end: null };
  }

  const end = Number(match[2]);

  if (end < start) {
    return { start: null, end: null };
  }

  return { start, end };
}
