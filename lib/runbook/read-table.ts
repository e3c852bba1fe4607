import type { Table } from "mdast";

import { getStartLine } from "./get-start-line";
import { readPlainText } from "./read-plain-text";

export interface TableRows {
  /** Header cells as plain text, lowercase. */
  header: string[];
  rows: Array<{ cells: string[]; line: number }>;
}

/** Reads a table's header and body rows as plain text. A row without text is left out. */
export function readTable(table: Table): TableRows {
  const [headerRow, ...bodyRows] = table.children;

  return {
    header: (headerRow?.children ?? []).map((cell) => readPlainText(cell).toLowerCase()),
    rows: bodyRows
      .map((row) => ({ cells: row.children.map((cell) => readPlainText(cell)), line: getStartLine(row) }))
      .filter((row) => row.cells.some((cell) => cell !== "")),
  };
}

/** Returns the index of the first header cell that matches, or -1. */
export function findColumn(header: string[], pattern: RegExp, exclude: number[] = []): number {
  return header.findIndex((cell, index) => !exclude.includes(index) && pattern.test(cell));
}
