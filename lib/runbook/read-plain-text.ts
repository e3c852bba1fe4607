import type { Nodes } from "mdast";
import { toString } from "mdast-util-to-string";

/** Returns the text of Markdown nodes without markup, with each whitespace run collapsed to one space. */
export function readPlainText(nodes: Nodes | Nodes[]): string {
  return toString(nodes).replace(/\s+/gu, " ").trim();
}
