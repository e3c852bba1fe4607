import type { Code } from "mdast";

import { getStartLine } from "./get-start-line";
import type { StepCommand } from "./model";

// "$ kubectl get pods" or "user@host:~$ ls": a shell prompt before a command.
const PROMPT = /^\s*(?:[\w.-]+@[\w.-]+(?::[^$#\s]*)?\s*)?\$\s(.*)$/u;

// "# Step 1: Stop the service", "# 2. Restore", "-- 3) Verify", "// Step 4 - Switch DNS", "REM 5: Notify".
const STEP_COMMENT = /^\s*(?:#+|\/\/|--|;+|REM\b|::)\s*(?:(?:step|schritt)\s*(\d+)\s*[:.)\-–—]?|(\d+)\s*[.):])\s*(\S.*?)\s*[-=#]*\s*$/iu;

/**
 * Turns a code block into a command. When some lines start with a "$ " prompt, the prompts are
 * removed and the other lines, which are the output the author pasted, move to `output`. A line
 * ending in "\" continues the command on the next line.
 */
export function readCommand(node: Code): StepCommand {
  const command: StepCommand = { lang: node.lang ?? "", code: node.value, line: getStartLine(node) };
  const lines = node.value.split("\n");

  if (!lines.some((line) => PROMPT.test(line))) {
    return command;
  }

  const codeLines: string[] = [];
  const outputLines: string[] = [];
  let continues = false;

  for (const line of lines) {
    const prompt = PROMPT.exec(line);

    if (prompt !== null) {
      codeLines.push(prompt[1]);
    } else if (continues) {
      codeLines.push(line);
    } else if (line.trim() !== "") {
      outputLines.push(line);
    }

    continues = /\\\s*$/u.test(prompt?.[1] ?? (continues ? line : ""));
  }

  command.code = codeLines.join("\n");

  if (outputLines.length > 0) {
    command.output = outputLines.join("\n");
  }

  return command;
}

export interface CommentStep {
  title: string;
  line: number;
  command: StepCommand;
}

/**
 * Splits one large code block whose comments name steps ("# Step 1: Stop the service",
 * "# 2. Restore") into one command per step. Lines before the first step comment go to the
 * first step. Returns an empty list when fewer than two step comments are found.
 */
export function splitCommentSteps(node: Code): CommentStep[] {
  const startLine = getStartLine(node);
  const lines = node.value.split("\n");
  const steps: Array<{ title: string; line: number; lines: string[] }> = [];
  const prelude: string[] = [];

  for (const [index, line] of lines.entries()) {
    const match = STEP_COMMENT.exec(line);

    if (match !== null) {
      // A fenced block's first code line follows its fence line.
      steps.push({ title: match[3], line: startLine + (node.meta === "indented" ? 0 : 1) + index, lines: [] });
      continue;
    }

    (steps.length === 0 ? prelude : steps[steps.length - 1].lines).push(line);
  }

  if (steps.length < 2) {
    return [];
  }

  steps[0].lines.unshift(...prelude);

  return steps.map((step) => ({
    title: step.title,
    line: step.line,
    command: readCommand({ type: "code", lang: node.lang, value: trimBlankLines(step.lines).join("\n"), position: { start: { line: step.line, column: 1 }, end: { line: step.line, column: 1 } } }),
  }));
}

function trimBlankLines(lines: string[]): string[] {
  let start = 0;
  let end = lines.length;

  while (start < end && lines[start].trim() === "") start++;
  while (end > start && lines[end - 1].trim() === "") end--;

  return lines.slice(start, end);
}
