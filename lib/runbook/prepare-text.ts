import type { ImportWarning } from "./model";
import { readFrontMatter } from "./read-front-matter";
import { repairMojibake } from "./repair-mojibake";

export interface PreparedText {
  /** The text to parse as Markdown. It has exactly as many lines as the input, so line numbers stay valid. */
  text: string;
  lines: string[];
  frontMatter: Record<string, string>;
  warnings: ImportWarning[];
}

// "!!! note", "!!! warning \"Title\"", "??? tip" (MkDocs Material and Python-Markdown admonitions).
const INDENTED_ADMONITION = /^ {0,3}(?:!!!|\?\?\?\+?)\s*[\w-]+/u;

// ":::warning", "::: tip Title", ":::" (Docusaurus and VuePress containers).
const CONTAINER_MARKER = /^ {0,3}:::.*$/u;

// A fence may follow block-quote markers and list markers ("> ", "- ", "1. ").
const FENCE_OPEN = /^((?:\s*(?:>\s?|[-*+]\s+|\d{1,9}[.)]\s+))*\s*)(`{3,}|~{3,})(.*)$/u;

/**
 * Prepares raw runbook text for the Markdown parser without changing its line count:
 * removes a byte-order mark, turns CRLF and lone CR line endings into LF, repairs mojibake,
 * blanks out front matter (returned as metadata), unindents the body of "!!! note" admonitions
 * so it is not read as code, blanks ":::" container markers, indents sub-lists that are
 * indented less than their parent's text (as "1. Step" then "  - sub-step") so they nest, and closes fences that are never
 * closed at the first blank line after them, with a warning.
 */
export function prepareText(raw: string): PreparedText {
  const normalized = repairMojibake(raw.replace(/^\uFEFF/u, "").replace(/\r\n?/gu, "\n"));
  const lines = normalized.split("\n");
  const warnings: ImportWarning[] = [];
  const frontMatter = readFrontMatter(lines);

  unindentAdmonitions(lines);
  nestShallowSublists(lines);
  closeUnclosedFences(lines, warnings);
  closeUnclosedComment(lines, warnings);

  return { text: lines.join("\n"), lines, frontMatter, warnings };
}

/** Unindents the four-space body of each admonition and blanks the marker lines of admonitions and containers. */
function unindentAdmonitions(lines: string[]): void {
  let inFence = false;

  for (let index = 0; index < lines.length; index++) {
    const line = lines[index];

    if (FENCE_OPEN.test(line)) {
      inFence = !inFence;
      continue;
    }

    if (inFence) {
      continue;
    }

    if (CONTAINER_MARKER.test(line)) {
      lines[index] = "";
      continue;
    }

    if (!INDENTED_ADMONITION.test(line)) {
      continue;
    }

    lines[index] = "";

    for (let bodyIndex = index + 1; bodyIndex < lines.length; bodyIndex++) {
      const bodyLine = lines[bodyIndex];

      if (bodyLine.trim() === "") {
        continue;
      }

      if (!bodyLine.startsWith("    ") && !bodyLine.startsWith("\t")) {
        break;
      }

      lines[bodyIndex] = bodyLine.startsWith("\t") ? bodyLine.slice(1) : bodyLine.slice(4);
      index = bodyIndex;
    }
  }
}

const LIST_ITEM = /^( *)([-*+]|\d{1,9}[.)])( +|$)/u;

/**
 * Indents list items that their author meant as sub-items but that CommonMark reads as a new
 * list: an item indented by two or more spaces more than its parent's marker, but less than its
 * parent's text ("1. Parent" then "  - child"). The item and the lines below it are indented
 * by the missing spaces.
 */
function nestShallowSublists(lines: string[]): void {
  const parents: Array<{ markerIndent: number; contentIndent: number }> = [];
  let shift: { fromIndent: number; spaces: string } | null = null;
  let inFence = false;

  for (let index = 0; index < lines.length; index++) {
    let line = lines[index];

    if (line.trim() === "") {
      continue;
    }

    let indent = line.length - line.trimStart().length;

    if (shift !== null && indent > shift.fromIndent) {
      line = shift.spaces + line;
      lines[index] = line;
      indent += shift.spaces.length;
    } else {
      shift = null;
    }

    if (FENCE_OPEN.test(line.trimStart().replace(/^(?:[-*+]|\d{1,9}[.)])\s+/u, ""))) {
      inFence = !inFence;
    }

    if (inFence) {
      continue;
    }

    const item = LIST_ITEM.exec(line);

    if (item === null) {
      if (indent === 0) parents.length = 0;
      continue;
    }

    while (parents.length > 0 && indent <= parents[parents.length - 1].markerIndent) {
      parents.pop();
    }

    const parent = parents[parents.length - 1];

    if (parent !== undefined && indent >= parent.markerIndent + 2 && indent < parent.contentIndent) {
      const spaces = " ".repeat(parent.contentIndent - indent);

      shift = { fromIndent: indent, spaces };
      lines[index] = spaces + line;
      indent = parent.contentIndent;
    }

    const gap = item[3].length > 4 || item[3].length === 0 ? 1 : item[3].length;

    parents.push({ markerIndent: indent, contentIndent: indent + item[2].length + gap });
  }
}

/**
 * Finds fences that are opened and never closed, which would make the rest of the file one code
 * block. Each is closed at the first blank line after it (or after the last line of the file)
 * and reported. Block-quote markers before a fence are kept on the closing line.
 * It runs in linear time: the longest closing fence after each line is computed once up front.
 */
function closeUnclosedFences(lines: string[], warnings: ImportWarning[]): void {
  const longestClosingAfter = { "`": suffixMaxRun(lines, "`"), "~": suffixMaxRun(lines, "~") };
  const nextBlank = nextBlankLines(lines);
  let open: { index: number; marker: string } | null = null;

  for (let index = 0; index < lines.length; index++) {
    const line = lines[index];

    if (open !== null) {
      if (readClosingRun(line, open.marker[0]) >= open.marker.length) {
        open = null;
      }

      continue;
    }

    const match = FENCE_OPEN.exec(line);

    // A backtick fence's info string cannot contain a backtick, so "```a``` b" is inline code.
    if (match === null || (match[2].startsWith("`") && match[3].includes("`"))) {
      continue;
    }

    const marker = match[2];
    const character = marker[0] as "`" | "~";

    if (longestClosingAfter[character][index + 1] >= marker.length) {
      open = { index, marker };
      continue;
    }

    const blankIndex = nextBlank[index + 1];
    // List markers become spaces, so the closing fence stays inside the list item.
    const closingFence = `${match[1].replace(/[-*+]|\d{1,9}[.)]/gu, (listMarker) => " ".repeat(listMarker.length))}${marker}`;

    if (blankIndex === -1) {
      lines.push(closingFence);
    } else {
      lines[blankIndex] = closingFence;
    }

    warnings.push({
      line: index + 1,
      message:
        blankIndex === -1
          ? `The code fence at line ${index + 1} is never closed, so it was closed at the end of the file. Add a closing ${marker} line.`
          : `The code fence at line ${index + 1} is never closed, so it was closed at the first blank line after it (line ${blankIndex + 1}). Add a closing ${marker} line.`,
    });

    if (blankIndex === -1) {
      return;
    }

    index = blankIndex;
  }
}

/** Returns the length of the fence run when `line` is a closing fence of `character`, otherwise 0. */
function readClosingRun(line: string, character: string): number {
  const match = /^\s*(?:>\s?)*\s*(`{3,}|~{3,})\s*$/u.exec(line);

  return match !== null && match[1][0] === character ? match[1].length : 0;
}

/** For each index, the longest closing fence of `character` at that index or later (one extra entry for the end). */
function suffixMaxRun(lines: string[], character: string): number[] {
  const longest = new Array<number>(lines.length + 1).fill(0);

  for (let index = lines.length - 1; index >= 0; index--) {
    longest[index] = Math.max(longest[index + 1], readClosingRun(lines[index], character));
  }

  return longest;
}

/** For each index, the index of the first blank line at or after it, or -1. */
function nextBlankLines(lines: string[]): number[] {
  const next = new Array<number>(lines.length + 1).fill(-1);

  for (let index = lines.length - 1; index >= 0; index--) {
    next[index] = lines[index].trim() === "" ? index : next[index + 1];
  }

  return next;
}

/**
 * Closes an HTML comment ("<!--" at the start of a line) that has no "-->" anywhere after it,
 * which would make the rest of the file one HTML block. Each such comment ends on its own line.
 */
function closeUnclosedComment(lines: string[], warnings: ImportWarning[]): void {
  let lastClose = -1;

  for (let index = lines.length - 1; index >= 0 && lastClose === -1; index--) {
    if (lines[index].includes("-->")) lastClose = index;
  }

  for (let index = 0; index < lines.length; index++) {
    const opening = /^ {0,3}<!--/u.exec(lines[index]);

    if (opening === null || index < lastClose || (index === lastClose && lines[index].indexOf("-->") > opening[0].length - 4)) {
      continue;
    }

    lines[index] = `${lines[index]} -->`;
    warnings.push({
      line: index + 1,
      message: `The HTML comment at line ${index + 1} is never closed, so it was closed at the end of that line. Add "-->" where the comment ends.`,
    });
  }
}
