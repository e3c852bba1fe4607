import type { Node } from "mdast";

/** Returns the 1-based source line where a node starts. Nodes built by hand have no position, so they report line 1. */
export function getStartLine(node: Node): number {
  return node.position?.start.line ?? 1;
}
