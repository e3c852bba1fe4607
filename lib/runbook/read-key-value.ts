import type { PhrasingContent } from "mdast";

import { readPlainText } from "./read-plain-text";

export interface KeyValue {
  key: string;
  value: string;
}

// "Role: value" without bold. The key stops at the first colon that a space follows, so the
// colon in "https://" does not split.
const PLAIN_KEY_VALUE = /^([^:]{1,60}?):\s+(.+)$/u;

/**
 * Reads one line of the form "**Key:** value" (the colon may also follow the bold text) or
 * "Key: value". Returns null when the line has neither form or the value is empty.
 */
export function readKeyValue(line: PhrasingContent[]): KeyValue | null {
  const firstIndex = line.findIndex((node) => !(node.type === "text" && node.value.trim() === ""));
  const first = line[firstIndex];

  if (first?.type === "strong") {
    const boldText = readPlainText(first);
    const rest = readPlainText(line.slice(firstIndex + 1));

    if (boldText.endsWith(":")) {
      return buildKeyValue(boldText.slice(0, -1), rest);
    }

    if (rest.startsWith(":")) {
      return buildKeyValue(boldText, rest.slice(1));
    }
  }

  const match = PLAIN_KEY_VALUE.exec(readPlainText(line));

  if (match === null) {
    return null;
  }

  return buildKeyValue(match[1], match[2]);
}

function buildKeyValue(key: string, value: string): KeyValue | null {
  const trimmedKey = key.trim();
  const trimmedValue = value.trim();

  if (trimmedKey === "" || trimmedValue === "") {
    return null;
  }

  return { key: trimmedKey, value: trimmedValue };
}
