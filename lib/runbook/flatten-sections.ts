import type { Section } from "./build-section-tree";

/** Lists `section` and its descendants in document order, leaving out the subtrees of `excluded` sections. */
export function flattenSections(section: Section, excluded: ReadonlySet<Section> = new Set()): Section[] {
  if (excluded.has(section)) {
    return [];
  }

  return [section, ...section.children.flatMap((child) => flattenSections(child, excluded))];
}
