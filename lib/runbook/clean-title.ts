// An emoji is a character drawn as emoji by default, or a pictograph followed by the variation
// selector U+FE0F, with any skin-tone modifiers, keycap marks and ZWJ-joined parts.
// Text-style symbols such as "©", "™" or "↔" without U+FE0F are not emoji and stay.
const EMOJI_START = String.raw`(?:\p{Emoji_Presentation}|\p{Extended_Pictographic}\uFE0F|[#*0-9]\uFE0F?\u20E3)`;
const EMOJI_MODIFIERS = String.raw`(?:\p{Emoji_Modifier}|\uFE0F|\u20E3)*`;
const ZWJ_CONTINUATIONS = String.raw`(?:\u200D(?:\p{Emoji_Presentation}|\p{Extended_Pictographic})(?:\p{Emoji_Modifier}|\uFE0F)*)*`;
const EMOJI = new RegExp(EMOJI_START + EMOJI_MODIFIERS + ZWJ_CONTINUATIONS, "gu");
const NON_ASCII = /[^\u0000-\u007F]/u;

/**
 * Cleans a heading or step title for display: removes emoji, "**" that Markdown left
 * unparsed, a trailing colon and extra whitespace.
 * The text must already be plain text (mdast `toString`) with mojibake repaired.
 */
export function cleanTitle(text: string): string {
  // ASCII text has no emoji, and skipping the Unicode-property pattern for it saves most of the
  // importer's time spent here.
  const withoutEmoji = NON_ASCII.test(text) ? text.replace(EMOJI, " ") : text;

  return withoutEmoji
    .replaceAll("**", "")
    .replace(/\s+/gu, " ")
    .trim()
    .replace(/\s*:$/u, "");
}
