import type { Code, Paragraph, RootContent, Table } from "mdast";

import type { Section } from "./build-section-tree";
import { cleanTitle } from "./clean-title";
import { getStartLine } from "./get-start-line";
import type { ImportWarning, Step, StepCommand, SubStep } from "./model";
import { readCommand, splitCommentSteps } from "./read-command";
import { readPlainText } from "./read-plain-text";
import { readStep, toSubStep } from "./read-step";
import { flattenSections } from "./flatten-sections";
import { findColumn, readTable } from "./read-table";

const ACTION_COLUMN = /^(?:actions?|tasks?|steps?|what|procedures?|activit(?:y|ies)|aktion|aufgabe|schritt|maßnahme|步骤|操作|动作)$/iu;
const NUMBER_COLUMN = /^(?:#|no\.?|nr\.?|num(?:ber)?|steps?|seq|order)$/iu;
const OWNER_COLUMN = /^(?:owner|who|role|responsible|assignee|assigned to|team|verantwortlich|负责人|责任人)$/iu;
const TIME_COLUMN = /^(?:time|duration|eta|when|timing|t\+|minutes|time ?box|zeit|dauer|时间|时限)$/iu;
const COMMAND_COLUMN = /^(?:commands?|cmd|script|run)$/iu;

// A paragraph made only of "$ command" lines is a command written without a fence.
const PROMPT_PARAGRAPH = /^(?:\$ .+)(?:\n\$ .+)*$/u;

/**
 * Reads the steps in a run of Markdown blocks: list items, rows of a table with an action
 * column, code blocks, and the same inside block quotes. A fence right after a list belongs to
 * the list's last step. A fence after a paragraph becomes a step titled by that paragraph. One
 * large fence whose comments name steps becomes those steps.
 */
export function readSteps(nodes: RootContent[], warnings: ImportWarning[]): Step[] {
  const steps: Step[] = [];
  let lastListStep: Step | null = null;
  let lastParagraph: Paragraph | null = null;

  for (const node of nodes) {
    if (node.type === "list") {
      if (isLinkList(node.children)) {
        lastListStep = null;
        lastParagraph = null;
        continue;
      }

      for (const item of node.children) {
        const step = readStep(item, warnings);

        if (step !== null) {
          steps.push(step);
        }
      }

      lastListStep = steps[steps.length - 1] ?? null;
      lastParagraph = null;
      continue;
    }

    if (node.type === "paragraph" && PROMPT_PARAGRAPH.test(readLines(node))) {
      steps.push(...readCodeSteps(toCode(node), lastListStep, lastParagraph, warnings));
      lastParagraph = null;
      continue;
    }

    if (node.type === "paragraph") {
      lastParagraph = node;
      continue;
    }

    if (node.type === "code") {
      steps.push(...readCodeSteps(node, lastListStep, lastParagraph, warnings));
      lastParagraph = null;
      continue;
    }

    lastListStep = null;
    lastParagraph = null;

    if (node.type === "table") {
      steps.push(...readTableSteps(node, warnings));
    } else if (node.type === "blockquote") {
      steps.push(...readSteps(node.children, warnings));
    }
  }

  return steps;
}

/**
 * Reads a section whose heading is a step ("### 1. Restore the snapshot"). Its paragraphs are
 * the detail, its list items and table rows are sub-steps, and every code block in it and in its
 * sub-sections is a command.
 */
export function readHeadingStep(section: Section, warnings: ImportWarning[]): Step {
  const collected = { commands: [] as StepCommand[], detailLines: [] as string[], substeps: [] as SubStep[] };

  for (const part of flattenSections(section)) {
    if (part !== section) {
      collected.detailLines.push(part.title);
    }

    for (const node of part.content) {
      collectHeadingContent(node, collected, warnings);
    }
  }

  const step: Step = { title: section.title, detail: collected.detailLines.join("\n"), commands: collected.commands, line: section.line };

  if (collected.substeps.length > 0) step.substeps = collected.substeps;

  return step;
}

function collectHeadingContent(
  node: RootContent,
  collected: { commands: StepCommand[]; detailLines: string[]; substeps: SubStep[] },
  warnings: ImportWarning[],
): void {
  if (node.type === "code") {
    collected.commands.push(readCommand(node));
  } else if (node.type === "list") {
    for (const item of node.children) {
      const step = readStep(item, warnings);

      if (step === null) continue;

      collected.substeps.push(toSubStep(step));
      collected.commands.push(...step.commands);
      collected.detailLines.push(step.title);
    }
  } else if (node.type === "blockquote") {
    for (const child of node.children) {
      collectHeadingContent(child, collected, warnings);
    }
  } else if (node.type === "table") {
    for (const step of readTableSteps(node, warnings)) {
      collected.substeps.push(toSubStep(step));
      collected.commands.push(...step.commands);
    }
  } else {
    const text = readPlainText(node);

    if (text !== "") collected.detailLines.push(text);
  }
}

/** Reads the steps of a section and its sub-sections, where numbered sub-headings are steps of their own. */
export function readSectionSteps(section: Section, warnings: ImportWarning[]): Step[] {
  const steps = readSteps(section.content, warnings);

  for (const child of section.children) {
    if (isStepHeading(child)) {
      steps.push(readHeadingStep(child, warnings));
    } else {
      steps.push(...readSectionSteps(child, warnings));
    }
  }

  return steps;
}

/** Tells whether a section is a step: a numbered heading without a time box, such as "### 1. Restore the snapshot". */
export function isStepHeading(section: Section): boolean {
  return section.number !== null && !/\d\s*(?:min|h|hour|stunde|分)/iu.test(section.title);
}

function readCodeSteps(code: Code, lastListStep: Step | null, lastParagraph: Paragraph | null, warnings: ImportWarning[]): Step[] {
  const commentSteps = lastParagraph === null && lastListStep === null ? splitCommentSteps(code) : [];

  if (commentSteps.length > 0) {
    return commentSteps.map((step) => ({ title: step.title, detail: "", commands: [step.command], line: step.line }));
  }

  const command = readCommand(code);

  if (lastParagraph !== null) {
    const [firstLine, ...laterLines] = readLines(lastParagraph).split("\n");

    return [{ title: cleanTitle(firstLine), detail: laterLines.join("\n").trim(), commands: [command], line: getStartLine(lastParagraph) }];
  }

  if (lastListStep !== null) {
    lastListStep.commands.push(command);
    return [];
  }

  const firstCodeLine = command.code.split("\n").find((line) => line.trim() !== "")?.trim() ?? "";

  if (firstCodeLine === "") {
    return [];
  }

  warnings.push({
    line: command.line,
    message: `The code block at line ${command.line} has no step text, so its first line is the step title. Put a sentence or list item before it that describes what it does.`,
  });

  return [{ title: firstCodeLine, detail: "", commands: [command], line: command.line }];
}

/** Reads a table with an action column as one step per row. Other tables return no steps. */
function readTableSteps(table: Table, warnings: ImportWarning[]): Step[] {
  const { header, rows } = readTable(table);
  let actionColumn = findColumn(header, ACTION_COLUMN);

  // "| Step | Action |": the step column contains numbers and the action column the text.
  if (actionColumn !== -1 && NUMBER_COLUMN.test(header[actionColumn])) {
    const textColumn = findColumn(header, ACTION_COLUMN, [actionColumn]);

    if (textColumn !== -1) actionColumn = textColumn;
  }

  if (actionColumn === -1) {
    return [];
  }

  const ownerColumn = findColumn(header, OWNER_COLUMN, [actionColumn]);
  const timeColumn = findColumn(header, TIME_COLUMN, [actionColumn]);
  const commandColumn = findColumn(header, COMMAND_COLUMN, [actionColumn]);
  const steps: Step[] = [];

  for (const row of rows) {
    const title = row.cells[actionColumn] ?? "";

    if (title === "") {
      warnings.push({ line: row.line, message: `The table row at line ${row.line} has an empty "${header[actionColumn]}" cell, so it was not imported as a step.` });
      continue;
    }

    const step: Step = { title: cleanTitle(title), detail: "", commands: [], line: row.line };
    const owner = ownerColumn === -1 ? "" : (row.cells[ownerColumn] ?? "");
    const time = timeColumn === -1 ? "" : (row.cells[timeColumn] ?? "");
    const command = commandColumn === -1 ? "" : (row.cells[commandColumn] ?? "");

    if (owner !== "") step.owner = owner;
    if (time !== "") step.time = time;
    if (command !== "") step.commands.push({ lang: "", code: command, line: row.line });

    steps.push(step);
  }

  return steps;
}

/** Tells whether every item of a list is only a link, as in a table of contents, which contains no steps. */
function isLinkList(items: { children: RootContent[] }[]): boolean {
  return items.every((item) => {
    const [first, ...rest] = item.children;

    if (first?.type !== "paragraph") {
      return false;
    }

    const meaningful = first.children.filter((child) => !(child.type === "text" && child.value.trim() === ""));

    return meaningful.length === 1 && meaningful[0].type === "link" && rest.every((child) => child.type === "list" && isLinkList(child.children));
  });
}

function readLines(paragraph: Paragraph): string {
  return readPlainTextLines(paragraph);
}

function readPlainTextLines(paragraph: Paragraph): string {
  return paragraph.children
    .map((child) => (child.type === "break" ? "\n" : readPlainTextKeepingLines(child)))
    .join("")
    .trim();
}

function readPlainTextKeepingLines(node: Paragraph["children"][number]): string {
  if (node.type === "text" || node.type === "inlineCode" || node.type === "html") {
    return node.value;
  }

  return "children" in node ? node.children.map((child) => readPlainTextKeepingLines(child as Paragraph["children"][number])).join("") : "";
}

function toCode(paragraph: Paragraph): Code {
  return { type: "code", lang: "", meta: "indented", value: readLines(paragraph), position: paragraph.position };
}
