import type { Paragraph, Table } from "mdast";

import type { Section } from "./build-section-tree";
import { collectListItems } from "./collect-list-items";
import { getStartLine } from "./get-start-line";
import type { ImportWarning, RecoveryObjective } from "./model";
import { parseDuration } from "./parse-duration";
import { readKeyValue } from "./read-key-value";
import { readPlainText } from "./read-plain-text";
import { findColumn, readTable } from "./read-table";
import { slugifyText } from "./slugify-text";

const RTO = /\bRTO\b|recovery time objective|wiederherstellungszeit|恢复时间目标/iu;
const RPO = /\bRPO\b|recovery point objective|wiederherstellungspunkt|恢复点目标/iu;
const NAME_COLUMN = /^(?:system|service|component|application|tier|name|asset|workload|scenario|dienst|系统|服务)$/iu;
const DURATION_COLUMN = /^(?:target|objective|time|duration|value|ziel|目标)$/iu;

type Kind = RecoveryObjective["kind"];

/**
 * Reads recovery time (RTO) and recovery point (RPO) objectives from three places.
 * List items under an RTO or RPO heading are written "Name: duration" (bold or not), and an
 * item that is only a duration ("< 4 hours") takes the heading as its name.
 * Lines such as "Total Target RTO: < 55 minutes" count anywhere.
 * Tables with RTO or RPO columns give one objective per row and column, and two-column tables
 * under an RTO or RPO heading give one per row.
 * An item under an RTO or RPO heading without a readable duration is skipped with a warning.
 * Keys are unique within each kind.
 */
export function readObjectives(sections: Section[], warnings: ImportWarning[]): RecoveryObjective[] {
  const objectives: RecoveryObjective[] = [];
  const takenKeys = { RTO: new Set<string>(), RPO: new Set<string>() };
  const add = (kind: Kind, name: string, minutes: number, line: number) => {
    objectives.push({ kind, key: slugifyText(name, takenKeys[kind]), name, minutes, line });
  };

  for (const section of sections) {
    const headingKind: Kind | null = RTO.test(section.title) ? "RTO" : RPO.test(section.title) ? "RPO" : null;

    for (const item of collectListItems(section.content)) {
      const firstBlock = item.children[0];
      const pair = firstBlock?.type === "paragraph" ? readKeyValue(firstBlock.children) : null;
      const line = getStartLine(item);
      const kind = headingKind ?? (pair === null ? null : kindOf(pair.key));

      if (kind === null) {
        continue;
      }

      const minutes = pair === null ? parseDuration(readPlainText(item)) : parseDuration(pair.value);

      if (minutes === null) {
        warnings.push({
          line,
          message: `${kind} item "${readPlainText(item)}" was skipped. Expected "**Name:** duration", for example "**Database Restore:** 15 minutes".`,
        });
        continue;
      }

      add(kind, pair?.key ?? (section.title || kind), minutes, line);
    }

    for (const node of section.content) {
      if (node.type === "paragraph") {
        readParagraphObjectives(node, add);
      } else if (node.type === "table") {
        readTableObjectives(node, headingKind, add);
      }
    }
  }

  return objectives;
}

function kindOf(text: string): Kind | null {
  return RTO.test(text) ? "RTO" : RPO.test(text) ? "RPO" : null;
}

/** Reads "RTO: 4 hours" and "Total Target RTO: < 55 minutes" lines from a paragraph. */
function readParagraphObjectives(paragraph: Paragraph, add: (kind: Kind, name: string, minutes: number, line: number) => void): void {
  const lines = readPlainTextLines(paragraph);

  for (const [index, text] of lines.entries()) {
    // Most lines name no objective, and this test is cheaper than the key-value pattern.
    if (kindOf(text) === null) continue;

    const match = /^(.{1,60}?)\s*[:：]\s*(.+)$/u.exec(text.replace(/\*\*/gu, ""));
    const kind = match === null ? null : kindOf(match[1]);
    const minutes = match === null ? null : parseDuration(match[2]);

    if (kind !== null && minutes !== null && match !== null) {
      add(kind, match[1].trim(), minutes, getStartLine(paragraph) + index);
    }
  }
}

function readTableObjectives(table: Table, headingKind: Kind | null, add: (kind: Kind, name: string, minutes: number, line: number) => void): void {
  const { header, rows } = readTable(table);
  const rtoColumn = findColumn(header, RTO);
  const rpoColumn = findColumn(header, RPO);
  const columns: Array<[Kind, number]> = [];

  if (rtoColumn !== -1) columns.push(["RTO", rtoColumn]);
  if (rpoColumn !== -1) columns.push(["RPO", rpoColumn]);

  if (columns.length === 0 && headingKind !== null) {
    const durationColumn = findColumn(header, DURATION_COLUMN);

    columns.push([headingKind, durationColumn === -1 ? 1 : durationColumn]);
  }

  if (columns.length === 0) {
    return;
  }

  const usedColumns = columns.map(([, column]) => column);
  let nameColumn = findColumn(header, NAME_COLUMN, usedColumns);

  if (nameColumn === -1) {
    nameColumn = header.findIndex((_, index) => !usedColumns.includes(index));
  }

  for (const row of rows) {
    const name = nameColumn === -1 ? "" : (row.cells[nameColumn] ?? "");

    for (const [kind, column] of columns) {
      const minutes = parseDuration(row.cells[column] ?? "");

      if (minutes !== null) {
        add(kind, name || kind, minutes, row.line);
      }
    }
  }
}

function readPlainTextLines(paragraph: Paragraph): string[] {
  const lines: string[] = [""];

  for (const node of paragraph.children) {
    if (node.type === "break") {
      lines.push("");
      continue;
    }

    const parts = (node.type === "text" ? node.value : readPlainText(node)).split("\n");

    lines[lines.length - 1] += parts[0];
    lines.push(...parts.slice(1));
  }

  return lines.map((line) => line.trim());
}
