// "1. ", "2) ", "3: ", "1.2 ", "Step 4: ", "Schritt 4 - ", "步骤 4：" at the start of a heading.
const NUMBERED = /^(?:(?:step|schritt|paso|étape|etape|passo|步骤|手順)\s*(\d+(?:\.\d+)*)\s*[:.)\-–—：]?\s*|(\d+(?:\.\d+)+)\.?\s+|(\d+)[.):：]\s*)/iu;

// A keycap digit such as "1️⃣": the digit, an optional variation selector and U+20E3.
const KEYCAP = /^\s*([0-9])\uFE0F?\u20E3\s*/u;

/**
 * Splits a leading step number from heading text: "1. Restore the snapshot", "Step 2: Verify"
 * and "3️⃣ Notify" give the numbers "1", "2" and "3". A bare number needs a ".", ")" or ":"
 * after it unless it has several parts ("1.2 Title"), so "2024 review" keeps its number.
 */
export function splitHeadingNumber(text: string): { number: string | null; rest: string } {
  const keycap = KEYCAP.exec(text);

  if (keycap !== null) {
    return { number: keycap[1], rest: text.slice(keycap[0].length) };
  }

  const match = NUMBERED.exec(text.trim());

  if (match === null) {
    return { number: null, rest: text };
  }

  const number = match[1] ?? match[2] ?? match[3];
  const rest = text.trim().slice(match[0].length);

  return rest.trim() === "" ? { number: null, rest: text } : { number, rest };
}
