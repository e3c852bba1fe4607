// YAML front matter ("---" … "---" or "..."), as Jekyll, Hugo, MkDocs, Docusaurus and GitBook
// write it, and TOML front matter ("+++" … "+++"), as Hugo writes it.
const FENCES: ReadonlyArray<{ open: RegExp; close: RegExp; pair: RegExp }> = [
  { open: /^---\s*$/u, close: /^(?:---|\.\.\.)\s*$/u, pair: /^([A-Za-z_][\w .-]*?)\s*:\s*(.*)$/u },
  { open: /^\+\+\+\s*$/u, close: /^\+\+\+\s*$/u, pair: /^([A-Za-z_][\w.-]*)\s*=\s*(.*)$/u },
];

// Front matter longer than this is more likely a thematic break followed by prose.
const MAX_FRONT_MATTER_LINES = 200;

/**
 * Reads front matter at the top of the document and blanks its lines in place, so the Markdown
 * parser does not see it and line numbers stay valid. Returns the top-level scalar keys. A
 * folded or literal block ("description: >-") is joined into one line. Nested keys and lists
 * are skipped, because the importer only shows metadata as text.
 */
export function readFrontMatter(lines: string[]): Record<string, string> {
  const fence = FENCES.find((candidate) => candidate.open.test(lines[0] ?? ""));

  if (fence === undefined) {
    return {};
  }

  const limit = Math.min(lines.length, MAX_FRONT_MATTER_LINES);
  let closeIndex = -1;

  for (let index = 1; index < limit; index++) {
    if (fence.close.test(lines[index])) {
      closeIndex = index;
      break;
    }
  }

  if (closeIndex === -1) {
    return {};
  }

  const metadata = readPairs(lines.slice(1, closeIndex), fence.pair);

  for (let index = 0; index <= closeIndex; index++) {
    lines[index] = "";
  }

  return metadata;
}

function readPairs(lines: string[], pair: RegExp): Record<string, string> {
  const metadata: Record<string, string> = {};

  for (let index = 0; index < lines.length; index++) {
    const match = /^\s/u.test(lines[index]) ? null : pair.exec(lines[index]);

    if (match === null) {
      continue;
    }

    const [, key, rawValue] = match;
    let value = rawValue.trim();

    if (/^[>|][+-]?$/u.test(value)) {
      const blockLines: string[] = [];

      while (index + 1 < lines.length && (/^\s/u.test(lines[index + 1]) || lines[index + 1].trim() === "")) {
        index++;
        blockLines.push(lines[index].trim());
      }

      value = blockLines.filter((line) => line !== "").join(" ");
    }

    value = value.replace(/^(["'])(.*)\1$/u, "$2");

    if (value !== "" && !(key in metadata)) {
      metadata[key] = value;
    }
  }

  return metadata;
}
