/** Largest runbook file the importer accepts, in bytes. Real runbooks are under 100 KB. */
export const MAX_RUNBOOK_BYTES = 2 * 1024 * 1024;

export type DecodedRunbook = { ok: true; text: string } | { ok: false; message: string };

// Control characters other than tab, line feed, form feed and carriage return do not occur in
// Markdown text. A file with NUL bytes or many of these is binary.
const BINARY_CONTROL = /[\u0000-\u0008\u000B\u000E-\u001F]/gu;

const decoder = new TextDecoder("utf-8", { fatal: true, ignoreBOM: false });

/**
 * Checks and decodes an uploaded runbook file: it must be at most `MAX_RUNBOOK_BYTES`, valid
 * UTF-8, text rather than binary data, and not empty. Returns the text, or a message that says
 * what was found and what to do.
 */
export function decodeRunbookFile(bytes: Uint8Array): DecodedRunbook {
  if (bytes.byteLength > MAX_RUNBOOK_BYTES) {
    return { ok: false, message: `The file is ${formatBytes(bytes.byteLength)}, over the ${formatBytes(MAX_RUNBOOK_BYTES)} limit for a runbook. Split it into one runbook per service or scenario.` };
  }

  if (bytes.byteLength === 0) {
    return { ok: false, message: "The file is empty (0 bytes). Choose the Markdown file of the runbook." };
  }

  if (looksBinary(bytes)) {
    return { ok: false, message: "The file contains binary data, not text, so it is not a Markdown runbook. Export the runbook as Markdown (.md) and upload that." };
  }

  let text: string;

  try {
    text = decoder.decode(bytes);
  } catch {
    const offset = findInvalidUtf8(bytes);

    return {
      ok: false,
      message: `The file is not valid UTF-8 (the first invalid byte is at offset ${offset}). Save it as UTF-8 in your editor and upload it again.`,
    };
  }

  return checkRunbookText(text);
}

/** Checks pasted text the same way as a file: size, binary control characters and emptiness. */
export function checkRunbookText(text: string): DecodedRunbook {
  const size = new TextEncoder().encode(text).byteLength;

  if (size > MAX_RUNBOOK_BYTES) {
    return { ok: false, message: `The text is ${formatBytes(size)}, over the ${formatBytes(MAX_RUNBOOK_BYTES)} limit for a runbook. Split it into one runbook per service or scenario.` };
  }

  const controls = text.match(BINARY_CONTROL)?.length ?? 0;

  if (text.includes("\u0000") || controls > Math.max(8, text.length / 100)) {
    return { ok: false, message: "The text contains binary control characters, so it is not a Markdown runbook. Paste the runbook's Markdown source." };
  }

  if (text.replace(/^\uFEFF/u, "").trim() === "") {
    return { ok: false, message: "The runbook is empty: it has no text other than whitespace. Paste or upload its Markdown." };
  }

  return { ok: true, text };
}

function looksBinary(bytes: Uint8Array): boolean {
  const sample = bytes.subarray(0, 8192);
  let controls = 0;

  for (const byte of sample) {
    if (byte === 0) {
      return true;
    }

    if (byte < 0x20 && byte !== 0x09 && byte !== 0x0a && byte !== 0x0c && byte !== 0x0d) {
      controls++;
    }
  }

  return controls > Math.max(8, sample.length / 100);
}

/**
 * Returns the offset of the first byte that does not start a well-formed UTF-8 sequence. It
 * checks lead and continuation bytes only, so for an overlong form or a surrogate, which the
 * strict decoder also rejects, it may point at a later byte or at the end.
 */
function findInvalidUtf8(bytes: Uint8Array): number {
  let index = 0;

  while (index < bytes.length) {
    const length = readSequenceLength(bytes[index]);

    if (length === 0) {
      return index;
    }

    for (let offset = 1; offset < length; offset++) {
      if (index + offset >= bytes.length || (bytes[index + offset] & 0xc0) !== 0x80) {
        return index;
      }
    }

    index += length;
  }

  return index;
}

/** Returns the byte count of the UTF-8 sequence that `lead` starts, or 0 when it cannot start one. */
function readSequenceLength(lead: number): number {
  if (lead < 0x80) return 1;
  if (lead >> 5 === 0b110) return 2;
  if (lead >> 4 === 0b1110) return 3;
  if (lead >> 3 === 0b11110) return 4;

  return 0;
}

function formatBytes(bytes: number): string {
  if (bytes >= 1024 * 1024) {
    return `${(bytes / (1024 * 1024)).toFixed(1).replace(/\.0$/u, "")} MiB`;
  }

  if (bytes >= 1024) {
    return `${(bytes / 1024).toFixed(1).replace(/\.0$/u, "")} KiB`;
  }

  return `${bytes} bytes`;
}
