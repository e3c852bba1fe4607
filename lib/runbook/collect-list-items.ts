import type { ListItem, RootContent } from "mdast";

/** Returns the top-level items of every list among `nodes`, in document order. Nested lists stay inside their items. */
export function collectListItems(nodes: RootContent[]): ListItem[] {
  return nodes.flatMap((node) => (node.type === "list" ? node.children : []));
}
