import type { Section } from "./build-section-tree";
import { collectListItems } from "./collect-list-items";
import type { ImportWarning, SeverityLevel } from "./model";
import { readPlainText } from "./read-plain-text";

// "Severity 1 - Critical", "SEV-2: High", "P3 – Medium". The label after the number is optional.
const SEVERITY_HEADING = /^(?:severity|sev|p)[\s-]*(\d+)\b\s*(?:[-–—:]\s*(.*))?$/iu;

/**
 * Reads one severity level from each heading such as "Severity 1 - Critical". The list items
 * under the heading are the criteria. A heading without a label uses the whole heading as the label. A level
 * without criteria is kept with a warning.
 */
export function readSeverities(sections: Section[], warnings: ImportWarning[]): SeverityLevel[] {
  const severities: SeverityLevel[] = [];

  for (const section of sections) {
    const match = SEVERITY_HEADING.exec(section.title);

    if (match === null) {
      continue;
    }

    const criteria = collectListItems(section.content)
      .map((item) => readPlainText(item))
      .filter((criterion) => criterion !== "");

    if (criteria.length === 0) {
      warnings.push({ line: section.line, message: `Severity "${section.title}" lists no criteria.` });
    }

    severities.push({
      level: Number(match[1]),
      title: section.title,
      label: match[2]?.trim() || section.title,
      criteria,
      line: section.line,
    });
  }

  return severities;
}
