import type { Section } from "./build-section-tree";
import type { ContextSection } from "./model";
import { readPlainText } from "./read-plain-text";

/**
 * Lists the sections that hold text but were not imported as a scenario, phase or step, such
 * as an overview or an escalation policy, with their text as plain lines. HTML blocks stay as
 * their source text.
 */
export function readContext(sections: Section[], usedLines: ReadonlySet<number>): ContextSection[] {
  const context: ContextSection[] = [];

  for (const section of sections) {
    if (section.heading === null || usedLines.has(section.line)) {
      continue;
    }

    const lines = section.content.map((node) => readPlainText(node)).filter((text) => text !== "");

    if (lines.length > 0) {
      context.push({ title: section.title, text: lines.join("\n"), line: section.line });
    }
  }

  return context;
}
