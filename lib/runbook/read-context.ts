import type { Section } from "./build-section-tree";
import type { ContextSection } from "./model";
import { readPlainText } from "./read-plain-text";

/**
 * Lists the sections that hold text but were not imported as a scenario, phase or step, such
 * as an overview or an escalation policy, with their text as plain lines. HTML blocks stay as
 * their source text. `usedLines` are the lines of phases and steps, which skip their section,
 * and `referenceLines` those of objectives, severities and contacts, which skip the section
 * whose content contains them.
 */
export function readContext(sections: Section[], usedLines: ReadonlySet<number>, referenceLines: number[]): ContextSection[] {
  const context: ContextSection[] = [];
  const sortedReferenceLines = [...referenceLines].sort((left, right) => left - right);

  for (const section of sections) {
    if (section.heading === null || usedLines.has(section.line) || containsLine(section, sortedReferenceLines)) {
      continue;
    }

    const lines = section.content.map((node) => readPlainText(node)).filter((text) => text !== "");

    if (lines.length > 0) {
      context.push({ title: section.title, text: lines.join("\n"), line: section.line });
    }
  }

  return context;
}

function containsLine(section: Section, sortedLines: number[]): boolean {
  return section.content.some((node) => {
    const start = node.position?.start.line ?? 0;
    const end = node.position?.end.line ?? start;
    const index = lowerBound(sortedLines, start);

    return index < sortedLines.length && sortedLines[index] <= end;
  });
}

/** Returns the index of the first value that is at least `target`. */
function lowerBound(sorted: number[], target: number): number {
  let low = 0;
  let high = sorted.length;

  while (low < high) {
    const middle = (low + high) >> 1;

    if (sorted[middle] < target) {
      low = middle + 1;
    } else {
      high = middle;
    }
  }

  return low;
}
