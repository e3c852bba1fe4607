import type { Heading, PhrasingContent, RootContent } from "mdast";

import { readKeyValue } from "./read-key-value";
import { readPlainText } from "./read-plain-text";

/**
 * Reads "**Key:** value" lines from the paragraphs at the top of the document, which end at the
 * first thematic break ("---") or the first heading other than the title and a subtitle
 * directly under it.
 * A paragraph counts only when every line is a key-value pair, so prose is never read as
 * metadata. When a key repeats, the first value wins.
 */
export function readMetadata(nodes: RootContent[], titleHeading: Heading | null): Record<string, string> {
  const metadata = new Map<string, string>();
  const titleIndex = titleHeading === null ? -1 : nodes.indexOf(titleHeading);

  for (const [index, node] of nodes.entries()) {
    if (node.type === "thematicBreak") {
      break;
    }

    if (node.type === "heading") {
      const isTitle = index === titleIndex;
      const isSubtitle = titleIndex !== -1 && index === titleIndex + 1;

      if (!isTitle && !isSubtitle) {
        break;
      }

      continue;
    }

    if (node.type !== "paragraph") {
      continue;
    }

    const pairs = splitLines(node.children).map(readKeyValue);

    if (pairs.length === 0 || pairs.some((pair) => pair === null)) {
      continue;
    }

    for (const pair of pairs) {
      if (pair !== null && !metadata.has(pair.key)) {
        metadata.set(pair.key, pair.value);
      }
    }
  }

  return Object.fromEntries(metadata);
}

/** Splits a paragraph's inline nodes at soft line breaks ("\n" inside text) and hard breaks. */
function splitLines(nodes: PhrasingContent[]): PhrasingContent[][] {
  const lines: PhrasingContent[][] = [[]];

  for (const node of nodes) {
    if (node.type === "break") {
      lines.push([]);
      continue;
    }

    if (node.type !== "text" || !node.value.includes("\n")) {
      lines[lines.length - 1].push(node);
      continue;
    }

    const [firstPart, ...laterParts] = node.value.split("\n");

    lines[lines.length - 1].push({ type: "text", value: firstPart });

    for (const part of laterParts) {
      lines.push([{ type: "text", value: part }]);
    }
  }

  return lines.filter((line) => readPlainText(line) !== "");
}
