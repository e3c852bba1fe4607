import type { Heading, Root, RootContent } from "mdast";

import { cleanTitle } from "./clean-title";
import { getStartLine } from "./get-start-line";
import { splitHeadingNumber } from "./split-heading-number";
import { readPlainText } from "./read-plain-text";

/** A heading with the nodes up to the next heading, and the deeper headings after it as children. */
export interface Section {
  /** Null for the document root, which contains whatever precedes the first heading. */
  heading: Heading | null;
  /** The heading text cleaned by `cleanTitle` without its step number, or "" for the document root. */
  title: string;
  /** The step number that opened the heading ("1" for "### 1. Restore"), or null. */
  number: string | null;
  /** Heading depth 1–6, or 0 for the document root. */
  depth: number;
  line: number;
  /** Nodes between this heading and the next heading of any depth. */
  content: RootContent[];
  children: Section[];
}

/**
 * Nests the flat list of top-level Markdown nodes by heading depth.
 * A heading becomes a child of the nearest earlier heading with a smaller depth, so a skipped
 * level ("##" followed by "####") still nests. Headings inside lists or block quotes are content.
 */
export function buildSectionTree(tree: Root): Section {
  const root: Section = { heading: null, title: "", number: null, depth: 0, line: 1, content: [], children: [] };
  const openSections: Section[] = [root];

  for (const node of tree.children) {
    if (node.type !== "heading") {
      openSections[openSections.length - 1].content.push(node);
      continue;
    }

    while (openSections[openSections.length - 1].depth >= node.depth) {
      openSections.pop();
    }

    const { number, rest } = splitHeadingNumber(readPlainText(node));
    const section: Section = {
      heading: node,
      title: cleanTitle(rest),
      number,
      depth: node.depth,
      line: getStartLine(node),
      content: [],
      children: [],
    };

    openSections[openSections.length - 1].children.push(section);
    openSections.push(section);
  }

  return root;
}
