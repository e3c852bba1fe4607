import type { ListItem, Nodes, Paragraph } from "mdast";
import { toString } from "mdast-util-to-string";

import { cleanTitle } from "./clean-title";
import { getStartLine } from "./get-start-line";
import type { ImportWarning, Step, StepCommand } from "./model";
import { readPlainText } from "./read-plain-text";

/**
 * Reads one runbook step from a top-level list item.
 *
 * The title is the bold text that opens the item ("1. **Assess the situation**"), or the
 * item's first line when it does not open with bold text. Every fenced or indented code block
 * anywhere in the item, including in sub-items, becomes a command. All other text (sub-items,
 * paragraphs, text after the bold title) goes to `detail`, one line per paragraph or sub-item.
 */
export function readStep(item: ListItem, warnings: ImportWarning[]): Step {
  const line = getStartLine(item);
  const commands: StepCommand[] = [];
  const detailLines: string[] = [];
  const [firstBlock, ...laterBlocks] = item.children;
  let title = "";

  if (firstBlock?.type === "paragraph") {
    const opening = splitOpeningParagraph(firstBlock);

    title = opening.title;
    detailLines.push(...opening.detailLines);
  } else if (firstBlock !== undefined) {
    collectBlock(firstBlock, commands, detailLines);
  }

  for (const block of laterBlocks) {
    collectBlock(block, commands, detailLines);
  }

  if (title === "") {
    title = detailLines.shift() ?? "";
    warnings.push({
      line,
      message: 'Step has no title line, so its first detail line is used. Start the item with text, for example "1. **Restore the database**".',
    });
  }

  return { title, detail: detailLines.join("\n"), commands, line };
}

/** Splits the paragraph that opens a list item into the title and any text after it. */
function splitOpeningParagraph(paragraph: Paragraph): { title: string; detailLines: string[] } {
  const firstIndex = paragraph.children.findIndex((node) => !(node.type === "text" && node.value.trim() === ""));
  const first = paragraph.children[firstIndex];

  if (first?.type === "strong") {
    // "**Restore**: run the script" leaves ": run the script" after the bold title.
    const remainder = readPlainText(paragraph.children.slice(firstIndex + 1)).replace(/^[:\-–—]\s*/u, "");

    return { title: cleanTitle(readPlainText(first)), detailLines: remainder === "" ? [] : [remainder] };
  }

  const [firstLine, ...laterLines] = toString(paragraph).split("\n");
  const detailLines = laterLines.map((text) => text.trim()).filter((text) => text !== "");

  return { title: cleanTitle(firstLine), detailLines };
}

/** Adds code blocks under `node` to `commands` and every other paragraph or leaf block to `detailLines`. */
function collectBlock(node: Nodes, commands: StepCommand[], detailLines: string[]): void {
  if (node.type === "code") {
    commands.push({ lang: node.lang ?? "", code: node.value, line: getStartLine(node) });
    return;
  }

  if (node.type === "list" || node.type === "listItem" || node.type === "blockquote") {
    for (const child of node.children) {
      collectBlock(child, commands, detailLines);
    }

    return;
  }

  const text = readPlainText(node);

  if (text !== "") {
    detailLines.push(text);
  }
}
