import type {
  Blockquote,
  Code,
  Heading,
  Html,
  List,
  ListItem,
  Paragraph,
  PhrasingContent,
  Root,
  RootContent,
  Table,
  TableCell,
  TableRow,
  ThematicBreak,
} from "mdast";
import MarkdownIt from "markdown-it";
import type Token from "markdown-it/lib/token.mjs";

// markdown-it parses CommonMark with GitHub tables and strikethrough (about 0.1 s for 1 MB on a
// 2-core EPYC VM, where remark's micromark took 14 s). HTML blocks are parsed, and the importer
// keeps them as text. Inline HTML is off, so a tag inside a line stays literal text: its rule
// scans to the end of the paragraph for every unclosed "<!--", which is quadratic. Links are
// not auto-detected, so URLs stay plain text.
const markdownIt = new MarkdownIt("default", { html: true, linkify: false, typographer: false }).disable("html_inline");

// "[ ] ", "[x] ", "[X] " at the start of a list item makes it a task list item, as on GitHub.
const TASK_MARKER = /^\[([ xX])\]\s+/u;

type Parent = { children: RootContent[] };

/**
 * Parses Markdown into an mdast tree, the syntax tree format of the unified ecosystem, so the
 * importer can walk typed nodes. Block nodes carry their start and end lines (1-based).
 * Inline nodes carry no position. Task list items get `checked`, as remark-gfm sets it.
 */
export function parseMarkdown(text: string): Root {
  const tokens = markdownIt.parse(text, {});
  const root: Root = { type: "root", children: [] };
  const stack: Parent[] = [root as Parent];

  for (let index = 0; index < tokens.length; index++) {
    const token = tokens[index];
    const parent = stack[stack.length - 1];

    switch (token.type) {
      case "heading_open": {
        const inline = tokens[index + 1];
        const heading: Heading = {
          type: "heading",
          depth: Number(token.tag.slice(1)) as Heading["depth"],
          children: convertInline(inline?.children ?? []),
          position: toPosition(token),
        };
        parent.children.push(heading);
        index += 2;
        break;
      }
      case "paragraph_open": {
        const inline = tokens[index + 1];
        const paragraph: Paragraph = { type: "paragraph", children: convertInline(inline?.children ?? []), position: toPosition(token) };
        parent.children.push(paragraph);
        index += 2;
        break;
      }
      case "bullet_list_open":
      case "ordered_list_open": {
        const start = token.attrGet("start");
        const list: List = {
          type: "list",
          ordered: token.type === "ordered_list_open",
          start: token.type === "ordered_list_open" ? Number(start ?? 1) : null,
          spread: false,
          children: [],
          position: toPosition(token),
        };
        parent.children.push(list);
        stack.push(list as unknown as Parent);
        break;
      }
      case "list_item_open": {
        const item: ListItem = { type: "listItem", spread: false, checked: null, children: [], position: toPosition(token) };
        parent.children.push(item as unknown as RootContent);
        stack.push(item as unknown as Parent);
        break;
      }
      case "blockquote_open": {
        const quote: Blockquote = { type: "blockquote", children: [], position: toPosition(token) };
        parent.children.push(quote);
        stack.push(quote as unknown as Parent);
        break;
      }
      case "bullet_list_close":
      case "ordered_list_close":
      case "blockquote_close":
        stack.pop();
        break;
      case "list_item_close": {
        const item = stack.pop() as unknown as ListItem;
        markTaskItem(item);
        break;
      }
      case "fence":
      case "code_block": {
        const code: Code = {
          type: "code",
          lang: token.type === "fence" ? token.info.trim().split(/\s+/u)[0] || null : null,
          // Indented code has no fence line, so its first code line is its start line.
          meta: token.type === "fence" ? null : "indented",
          value: token.content.replace(/\n$/u, ""),
          position: toPosition(token),
        };
        parent.children.push(code);
        break;
      }
      case "html_block": {
        const html: Html = { type: "html", value: token.content.replace(/\n$/u, ""), position: toPosition(token) };
        parent.children.push(html);
        break;
      }
      case "hr": {
        const rule: ThematicBreak = { type: "thematicBreak", position: toPosition(token) };
        parent.children.push(rule);
        break;
      }
      case "table_open":
        index = readTable(tokens, index, parent);
        break;
      default:
        break;
    }
  }

  return root;
}

/** Reads a table from `table_open` to `table_close` and returns the index of `table_close`. */
function readTable(tokens: Token[], openIndex: number, parent: Parent): number {
  const table: Table = { type: "table", align: [], children: [], position: toPosition(tokens[openIndex]) };
  let row: TableRow | null = null;
  let index = openIndex + 1;

  for (; index < tokens.length && tokens[index].type !== "table_close"; index++) {
    const token = tokens[index];

    if (token.type === "tr_open") {
      row = { type: "tableRow", children: [], position: toPosition(token) };
      table.children.push(row);
    } else if ((token.type === "th_open" || token.type === "td_open") && row !== null) {
      const inline = tokens[index + 1];
      const cell: TableCell = { type: "tableCell", children: inline?.type === "inline" ? convertInline(inline.children ?? []) : [] };
      row.children.push(cell);
    }
  }

  parent.children.push(table);

  return index;
}

/** Converts markdown-it inline tokens to mdast phrasing content. Unknown tokens become their text. */
function convertInline(tokens: Token[]): PhrasingContent[] {
  const root: { children: PhrasingContent[] } = { children: [] };
  const stack: Array<{ children: PhrasingContent[] }> = [root];

  for (const token of tokens) {
    const parent = stack[stack.length - 1];

    switch (token.type) {
      case "text":
      case "text_special":
        appendText(parent.children, token.content);
        break;
      case "softbreak":
        appendText(parent.children, "\n");
        break;
      case "hardbreak":
        parent.children.push({ type: "break" });
        break;
      case "code_inline":
        parent.children.push({ type: "inlineCode", value: token.content });
        break;
      case "html_inline":
        parent.children.push({ type: "html", value: token.content });
        break;
      case "image":
        appendText(parent.children, token.content);
        break;
      case "strong_open":
      case "em_open":
      case "s_open":
      case "link_open": {
        const node = openInline(token);
        parent.children.push(node as PhrasingContent);
        stack.push(node);
        break;
      }
      case "strong_close":
      case "em_close":
      case "s_close":
      case "link_close":
        if (stack.length > 1) {
          stack.pop();
        }
        break;
      default:
        appendText(parent.children, token.content);
    }
  }

  return root.children;
}

function openInline(token: Token): { children: PhrasingContent[] } & PhrasingContent {
  switch (token.type) {
    case "strong_open":
      return { type: "strong", children: [] };
    case "em_open":
      return { type: "emphasis", children: [] };
    case "s_open":
      return { type: "delete", children: [] };
    default:
      return { type: "link", url: token.attrGet("href") ?? "", children: [] };
  }
}

function appendText(children: PhrasingContent[], value: string): void {
  if (value === "") {
    return;
  }

  const last = children[children.length - 1];

  if (last?.type === "text") {
    last.value += value;
    return;
  }

  children.push({ type: "text", value });
}

/** Sets `checked` on a list item whose first paragraph starts with "[ ]" or "[x]", and removes the marker. */
function markTaskItem(item: ListItem): void {
  const first = item.children[0];

  if (first?.type !== "paragraph") {
    return;
  }

  const text = first.children[0];

  if (text?.type !== "text") {
    return;
  }

  const match = TASK_MARKER.exec(text.value);

  if (match === null) {
    return;
  }

  item.checked = match[1] !== " ";
  text.value = text.value.slice(match[0].length);
}

function toPosition(token: Token): Heading["position"] {
  const [startLine, endLine] = token.map ?? [0, 1];

  return {
    start: { line: startLine + 1, column: 1 },
    end: { line: Math.max(startLine + 1, endLine), column: 1 },
  };
}
