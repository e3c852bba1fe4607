import { describe, expect, it } from "vitest";

import { checkRunbookText, decodeRunbookFile, MAX_RUNBOOK_BYTES } from "./decode-runbook-file";

const encode = (text: string) => new TextEncoder().encode(text);

describe("decodeRunbookFile", () => {
  it("decodes UTF-8 Markdown", () => {
    expect(decodeRunbookFile(encode("# Runbook\n- Restart ✓\n"))).toEqual({ ok: true, text: "# Runbook\n- Restart ✓\n" });
  });

  it("drops a byte-order mark", () => {
    const result = decodeRunbookFile(Uint8Array.from([0xef, 0xbb, 0xbf, 0x23, 0x20, 0x52]));

    expect(result).toEqual({ ok: true, text: "# R" });
  });

  it("rejects a file over the limit", () => {
    const result = decodeRunbookFile(new Uint8Array(MAX_RUNBOOK_BYTES + 1).fill(0x61));

    expect(result).toEqual({
      ok: false,
      message: "The file is 2 MiB, over the 2 MiB limit for a runbook. Split it into one runbook per service or scenario.",
    });
  });

  it("rejects an empty file", () => {
    const result = decodeRunbookFile(new Uint8Array(0));

    expect(result).toEqual({ ok: false, message: "The file is empty (0 bytes). Choose the Markdown file of the runbook." });
  });

  it("rejects binary data", () => {
    const png = Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0x00, 0x0d]);
    const result = decodeRunbookFile(png);

    expect(result.ok).toBe(false);
    expect(result).toHaveProperty("message", expect.stringContaining("binary data"));
  });

  it("names the offset of invalid UTF-8", () => {
    const bytes = Uint8Array.from([...encode("# Café "), 0xe9, ...encode(" menu")]);
    const result = decodeRunbookFile(bytes);

    expect(result).toEqual({
      ok: false,
      message: "The file is not valid UTF-8 (the first invalid byte is at offset 8). Save it as UTF-8 in your editor and upload it again.",
    });
  });

  it("rejects whitespace-only text", () => {
    expect(checkRunbookText(" \n\t\n")).toEqual({
      ok: false,
      message: "The runbook is empty: it has no text other than whitespace. Paste or upload its Markdown.",
    });
  });

  it("rejects pasted control characters", () => {
    expect(checkRunbookText("# R\u0000\u0001").ok).toBe(false);
  });
});
