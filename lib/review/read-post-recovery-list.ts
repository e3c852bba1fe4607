// Reads the runbook's post-recovery list, which becomes the follow-up checklist of a review:
// the list under a heading such as "Immediate Post-Recovery" inside the "Post-Incident
// Procedures" section. It reads the stored Markdown itself because the runbook model keeps that
// section only as plain text, without its list structure.
import type { Heading, List, RootContent } from "mdast";
import { toString } from "mdast-util-to-string";
import { cleanTitle } from "../runbook/clean-title";
import { parseMarkdown } from "../runbook/parse-markdown";

const POST_INCIDENT_HEADING = /post[-\s]?incident/iu;
const POST_RECOVERY_HEADING = /post[-\s]?recovery/iu;

/** Returns the items of the post-recovery list as plain text, or [] when the runbook has none. */
export function readPostRecoveryList(markdown: string): string[] {
  const nodes = parseMarkdown(markdown).children;

  const sectionStart = nodes.findIndex((node) => node.type === "heading" && POST_INCIDENT_HEADING.test(toString(node)));
  if (sectionStart === -1) return [];
  const sectionDepth = (nodes[sectionStart] as Heading).depth;
  const section = takeUntilHeading(nodes.slice(sectionStart + 1), sectionDepth);

  const listStart = section.findIndex((node) => node.type === "heading" && POST_RECOVERY_HEADING.test(toString(node)));
  if (listStart === -1) return [];
  const subsection = takeUntilHeading(section.slice(listStart + 1), (section[listStart] as Heading).depth);

  const list = subsection.find((node): node is List => node.type === "list");
  if (!list) return [];
  return list.children.map((item) => cleanTitle(toString(item, { includeImageAlt: false }))).filter((text) => text.length > 0);
}

function takeUntilHeading(nodes: RootContent[], depth: number): RootContent[] {
  const end = nodes.findIndex((node) => node.type === "heading" && node.depth <= depth);
  return end === -1 ? nodes : nodes.slice(0, end);
}
