import { describe, expect, it } from "vitest";

import { repairMojibake } from "./repair-mojibake";

const utf8Encoder = new TextEncoder();

/** Produces mojibake the way it arises, by decoding UTF-8 bytes with a single-byte code page. */
function garble(text: string, codePage: "macintosh" | "windows-1252"): string {
  return new TextDecoder(codePage).decode(utf8Encoder.encode(text));
}

describe("repairMojibake", () => {
  it.each([
    ["\uF8FFüö®", "🚨"],
    ["\uF8FFüìã", "📋"],
    ["\uF8FFüéØ", "🎯"],
    ["\uF8FFüîÑ", "🔄"],
    ["\uF8FFüß™", "🧪"],
    ["\uF8FFüìä", "📊"],
    ["\uF8FFüìù", "📝"],
    ["\uF8FFüîß", "🔧"],
  ])("repairs Mac Roman %j", (garbled, expected) => {
    expect(repairMojibake(`## ${garbled} RECOVERY`)).toBe(`## ${expected} RECOVERY`);
  });

  it.each([
    ["itâ€™s", "it’s"],
    ["â€œquotedâ€\u009D", "“quoted”"],
    ["a â€” b", "a — b"],
    ["cafÃ©", "café"],
    ["ÃœBERSICHT", "ÜBERSICHT"],
    ["ðŸš¨ alert", "🚨 alert"],
  ])("repairs Windows-1252 %j", (garbled, expected) => {
    expect(repairMojibake(garbled)).toBe(expected);
  });

  const originals = ["🚨", "📋", "✅", "⚠️", "’", "“quoted”", "é", "—", "中文", "Привет", "naïve café", "🧑‍💻"];

  it.each(originals)("inverts Mac Roman decoding of %j", (original) => {
    const garbled = garble(original, "macintosh");

    expect(garbled).not.toBe(original);
    expect(repairMojibake(garbled)).toBe(original);
  });

  // Node 20 decodes the "windows-1252" label as ISO-8859-1, with C1 controls at 0x80–0x9F where
  // the Windows-1252 table has "€", "“" and so on. The repair has to accept both forms.
  it.each(originals)("inverts TextDecoder windows-1252 output for %j", (original) => {
    expect(repairMojibake(garble(original, "windows-1252"))).toBe(original);
  });

  it.each([
    ["plain ASCII # heading"],
    ["🚨 DISASTER RECOVERY RUNBOOK"],
    ["naïve café, déjà vu, «à»"],
    ["Größe prüfen"],
    ["it’s “quoted” — ok"],
    ["中文 Привет"],
  ])("leaves clean text %j unchanged", (text) => {
    expect(repairMojibake(text)).toBe(text);
  });

  it.each([
    // F0 9F 9A: the last byte of the emoji is missing, so the bytes are not valid UTF-8.
    ["\uF8FFüö DISASTER"],
    // E2 80: a three-byte sequence cut short.
    ["itâ€ s"],
    // "√" has no Windows-1252 byte, and as Mac Roman the run is CC C3, a lead byte without its continuation.
    ["Ã√"],
  ])("leaves unrepairable run %j unchanged", (text) => {
    expect(repairMojibake(text)).toBe(text);
  });

  it("keeps line breaks and repairs each line", () => {
    const garbled = "# \uF8FFüö® TITLE\n\n## \uF8FFüìã CONTACTS\nitâ€™s";

    expect(repairMojibake(garbled)).toBe("# 🚨 TITLE\n\n## 📋 CONTACTS\nit’s");
    expect(repairMojibake(garbled).split("\n")).toHaveLength(garbled.split("\n").length);
  });
});
