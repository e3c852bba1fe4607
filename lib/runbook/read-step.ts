import type { ListItem, Nodes, Paragraph } from "mdast";
import { toString } from "mdast-util-to-string";

import { cleanTitle } from "./clean-title";
import { getStartLine } from "./get-start-line";
import type { ImportWarning, Step, StepCommand, SubStep } from "./model";
import { readCommand } from "./read-command";
import { readPlainText } from "./read-plain-text";

// "Owner: DBA", "**Owner:** On-call SRE", "(Owner: Network team)", "Responsible: …", "Verantwortlich: …".
const OWNER_LINE = /^\(?\s*(?:owner|owned by|responsible|assignee|who|verantwortlich|负责人)\s*[:：]\s*(.+?)\)?$/iu;
const OWNER_SUFFIX = /\s*\((?:owner|responsible|who)\s*[:：]\s*([^()]+)\)\s*$/iu;

/**
 * Reads one runbook step from a top-level list item, or returns null with a warning when the
 * item has neither text nor commands.
 *
 * The title is the bold text that opens the item ("1. **Assess the situation**"), or the
 * item's first line when it does not open with bold text. Every fenced or indented code block
 * anywhere in the item, including in sub-items, becomes a command. All other text (sub-items,
 * paragraphs, text after the bold title) goes to `detail`, one line per paragraph or sub-item.
 * Nested list items also become `substeps`, each with the commands inside it.
 */
export function readStep(item: ListItem, warnings: ImportWarning[]): Step | null {
  const line = getStartLine(item);
  const commands: StepCommand[] = [];
  const detailLines: string[] = [];
  const substeps: SubStep[] = [];
  const [firstBlock, ...laterBlocks] = item.children;
  let title = "";

  if (firstBlock?.type === "paragraph") {
    const opening = splitOpeningParagraph(firstBlock);

    title = opening.title;
    detailLines.push(...opening.detailLines);
  } else if (firstBlock !== undefined) {
    collectBlock(firstBlock, commands, detailLines);
    collectSubsteps(firstBlock, substeps, warnings);
  }

  for (const block of laterBlocks) {
    collectBlock(block, commands, detailLines);
    collectSubsteps(block, substeps, warnings);
  }

  if (title === "" && detailLines.length === 0 && commands.length === 0) {
    warnings.push({ line, message: `The list item at line ${line} has no text, so it was not imported as a step.` });
    return null;
  }

  if (title === "") {
    title = detailLines.shift() ?? commands[0].code.split("\n")[0];
    warnings.push({
      line,
      message: 'Step has no title line, so its first detail line is used. Start the item with text, for example "1. **Restore the database**".',
    });
  }

  const step: Step = { title, detail: detailLines.join("\n"), commands, line };
  const owner = takeOwner(step);

  if (owner !== null) step.owner = owner;
  if (substeps.length > 0) step.substeps = substeps;
  if (item.checked !== null && item.checked !== undefined) step.checked = item.checked;

  return step;
}

/** Removes an "Owner:" detail line or an "(Owner: …)" title suffix from the step and returns the owner. */
function takeOwner(step: Step): string | null {
  const suffix = OWNER_SUFFIX.exec(step.title);

  if (suffix !== null) {
    step.title = step.title.slice(0, suffix.index).trim() || step.title;
    return suffix[1].trim();
  }

  const lines = step.detail === "" ? [] : step.detail.split("\n");
  const index = lines.findIndex((text) => OWNER_LINE.test(text));

  if (index === -1) {
    return null;
  }

  const owner = OWNER_LINE.exec(lines[index])?.[1].trim() ?? "";

  lines.splice(index, 1);
  step.detail = lines.join("\n");

  return owner === "" ? null : owner;
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
    commands.push(readCommand(node));
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

/** Adds the items of nested lists under `node` (also inside block quotes) as sub-steps. */
function collectSubsteps(node: Nodes, substeps: SubStep[], warnings: ImportWarning[]): void {
  if (node.type === "blockquote") {
    for (const child of node.children) {
      collectSubsteps(child, substeps, warnings);
    }

    return;
  }

  if (node.type !== "list") {
    return;
  }

  for (const item of node.children) {
    const step = readStep(item, []);

    if (step !== null) {
      substeps.push(toSubStep(step));
    }
  }
}

/** Keeps the fields of a step that a sub-step has. */
export function toSubStep(step: Step): SubStep {
  const substep: SubStep = { title: step.title, commands: step.commands, line: step.line };

  if (step.checked !== undefined) substep.checked = step.checked;
  if (step.substeps !== undefined) substep.substeps = step.substeps;

  return substep;
}
