// Mojibake is UTF-8 text that some tool decoded with a single-byte code page and saved again,
// so each byte of a multi-byte character became its own character. For example, "🚨"
// (F0 9F 9A A8) read as Mac Roman is "üö®", and "’" (E2 80 99) read as Windows-1252 is "â€™".

/** Mac Roman bytes 0x80–0xFF, as Node's TextDecoder("macintosh") decodes them. 0xF0 is the Apple logo. */
const MAC_ROMAN_HIGH_HALF =
  "ÄÅÇÉÑÖÜáàâäãåçéèêëíìîïñóòôöõúùûü†°¢£§•¶ß®©™´¨≠ÆØ∞±≤≥¥µ∂∑∏π∫ªºΩæø" +
  "¿¡¬√ƒ≈∆«»…\u00A0ÀÃÕŒœ–—“”‘’÷◊ÿŸ⁄€‹›ﬁﬂ‡·‚„‰ÂÊÁËÈÍÎÏÌÓÔ\uF8FFÒÚÛÙıˆ˜¯˘˙˚¸˝˛ˇ";

/**
 * Windows-1252 bytes 0x80–0x9F. Bytes 0xA0–0xFF equal their Latin-1 code points. The five bytes
 * that Windows-1252 leaves undefined (0x81, 0x8D, 0x8F, 0x90, 0x9D) hold the C1 control of the
 * same value.
 */
const WINDOWS_1252_C1_RANGE =
  "€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008DŽ\u008F\u0090‘’“”•–—˜™š›œ\u009DžŸ";

const MAC_ROMAN_BYTES = buildByteTable(MAC_ROMAN_HIGH_HALF);

const WINDOWS_1252_BYTES = buildWindows1252ByteTable();

// Windows-1252 goes first because "Ã©" (é as Windows-1252) is also valid as Mac Roman bytes
// CC A9, which would give a stray combining mark. Mac Roman mojibake contains characters such
// as "√" and the Apple logo that Windows-1252 cannot encode, so it still reaches the second table.
const CODE_PAGES = [WINDOWS_1252_BYTES, MAC_ROMAN_BYTES];

// Every byte of a multi-byte UTF-8 sequence is 0x80 or above, so its mojibake is a run of
// non-ASCII characters.
const NON_ASCII_RUN = /[^\u0000-\u007F]{2,}/gu;

// C0 and C1 controls are never what an author meant, so a decoding that produces one is wrong.
const CONTROL_CHARACTER = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/u;

const utf8Decoder = new TextDecoder("utf-8", { fatal: true });

/**
 * Repairs Mac Roman and Windows-1252 mojibake of UTF-8 text.
 *
 * Each run of two or more non-ASCII characters is encoded back to bytes with one code page and
 * decoded as UTF-8. The run is replaced only when every character has a byte in that code page
 * and the bytes are valid UTF-8 without control characters. Otherwise the run is kept as written.
 * Text without mojibake comes back unchanged, and line breaks are never touched, so line numbers
 * stay valid.
 *
 * NOTE: correct text can still match by chance. A curly quote directly before an accented
 * capital, as in "“Äpfel”", is the Windows-1252 bytes 93 C4 (invalid) but the Mac Roman bytes
 * D2 80, which decode as "Ҁ". Such pairs are rare in English runbooks.
 */
export function repairMojibake(text: string): string {
  return text.replace(NON_ASCII_RUN, (run) => {
    for (const byteTable of CODE_PAGES) {
      const repaired = decodeAsUtf8(run, byteTable);

      if (repaired !== null) {
        return repaired;
      }
    }

    return run;
  });
}

/** Encodes `run` with the code page and decodes the bytes as UTF-8, or returns null when either step fails. */
function decodeAsUtf8(run: string, byteTable: ReadonlyMap<string, number>): string | null {
  const bytes: number[] = [];

  for (const character of run) {
    const byte = byteTable.get(character);

    if (byte === undefined) {
      return null;
    }

    bytes.push(byte);
  }

  let decoded: string;

  try {
    decoded = utf8Decoder.decode(Uint8Array.from(bytes));
  } catch {
    return null;
  }

  if (CONTROL_CHARACTER.test(decoded)) {
    return null;
  }

  return decoded;
}

function buildByteTable(highHalf: string): Map<string, number> {
  const table = new Map<string, number>();

  Array.from(highHalf).forEach((character, index) => {
    table.set(character, 0x80 + index);
  });

  return table;
}

/**
 * Builds the Windows-1252 table and also maps every C1 control U+0080–U+009F to the byte of the
 * same value, so text decoded as ISO-8859-1 (Latin-1), which has the controls there, repairs too.
 */
function buildWindows1252ByteTable(): Map<string, number> {
  const table = buildByteTable(WINDOWS_1252_C1_RANGE);

  for (let byte = 0x80; byte <= 0xff; byte++) {
    const latin1Character = String.fromCharCode(byte);

    if (!table.has(latin1Character)) {
      table.set(latin1Character, byte);
    }
  }

  return table;
}
