import type { ListItem } from "mdast";

import type { Section } from "./build-section-tree";
import { collectListItems } from "./collect-list-items";
import type { ImportWarning, SeverityLevel } from "./model";
import { readPlainText } from "./read-plain-text";
import { findColumn, readTable } from "./read-table";

// "Severity 1 - Critical", "SEV-2: High", "P3 – Medium", "Priority 1 (Critical)", "Sev1".
// The label after the number is optional.
const SEVERITY_LABEL = /^(?:severity|sev|priority|prio|p|level|stufe)[\s-]*(\d+)\b\s*(?:[-–—:(]\s*(.*?)\)?\s*)?$/iu;
const SEVERITY_SECTION = /\b(?:severity|severities|priority|priorities|incident (?:classification|levels)|classification|schweregrad)\b/iu;
const LEVEL_COLUMN = /^(?:severity|sev|level|priority|prio|p|schweregrad)$/iu;
const LABEL_COLUMN = /^(?:name|label|title|impact|category)$/iu;

/**
 * Reads severity levels from three forms. A heading such as "Severity 1 - Critical" takes the
 * list items below it as criteria. A list item such as "**SEV1 - Critical:** complete outage"
 * under a severity heading takes the text after the colon and its sub-items. A table row with a
 * severity or level column that names a numbered level takes its other cells.
 * A level without criteria is kept with a warning. The first definition of each level wins.
 */
export function readSeverities(sections: Section[], warnings: ImportWarning[]): SeverityLevel[] {
  const severities: SeverityLevel[] = [];
  const add = (severity: SeverityLevel) => {
    if (severities.some((known) => known.level === severity.level)) {
      return;
    }

    if (severity.criteria.length === 0) {
      warnings.push({ line: severity.line, message: `Severity "${severity.title}" lists no criteria.` });
    }

    severities.push(severity);
  };

  for (const section of sections) {
    const match = SEVERITY_LABEL.exec(section.title);

    if (match !== null) {
      const criteria = collectListItems(section.content)
        .map((item) => readPlainText(item))
        .filter((criterion) => criterion !== "");

      add({ level: Number(match[1]), title: section.title, label: match[2]?.trim() || section.title, criteria, line: section.line });
      continue;
    }

    if (!SEVERITY_SECTION.test(section.title)) {
      continue;
    }

    for (const item of collectListItems(section.content)) {
      const severity = readSeverityItem(item);

      if (severity !== null) add(severity);
    }

    for (const node of section.content) {
      if (node.type === "table") {
        readSeverityTable(node, add);
      }
    }
  }

  return severities.sort((left, right) => left.level - right.level);
}

/** Reads "**SEV1 - Critical:** criteria" or "P2 (High): criteria" with any sub-items as more criteria. */
function readSeverityItem(item: ListItem): SeverityLevel | null {
  const [first, ...rest] = item.children;

  if (first?.type !== "paragraph") {
    return null;
  }

  const text = readPlainText(first);
  const colon = /^(.{1,60}?)\s*[:：]\s*(.*)$/u.exec(text);
  const head = colon?.[1] ?? text;
  const match = SEVERITY_LABEL.exec(head.replace(/\*\*/gu, ""));

  if (match === null) {
    return null;
  }

  const criteria = [colon?.[2] ?? "", ...rest.flatMap((block) => (block.type === "list" ? block.children.map((child) => readPlainText(child)) : [readPlainText(block)]))].filter(
    (criterion) => criterion !== "",
  );

  return { level: Number(match[1]), title: head, label: match[2]?.trim() || head, criteria, line: item.position?.start.line ?? 1 };
}

function readSeverityTable(table: Parameters<typeof readTable>[0], add: (severity: SeverityLevel) => void): void {
  const { header, rows } = readTable(table);
  const levelColumn = findColumn(header, LEVEL_COLUMN);

  if (levelColumn === -1) {
    return;
  }

  const labelColumn = findColumn(header, LABEL_COLUMN, [levelColumn]);

  for (const row of rows) {
    const cell = row.cells[levelColumn] ?? "";
    const match = SEVERITY_LABEL.exec(cell) ?? /^(\d+)$/u.exec(cell);

    if (match === null) {
      continue;
    }

    const label = (labelColumn === -1 ? "" : row.cells[labelColumn]) || match[2]?.trim() || cell;
    const criteria = row.cells.filter((value, index) => index !== levelColumn && index !== labelColumn && value !== "");

    add({ level: Number(match[1]), title: cell, label, criteria, line: row.line });
  }
}
