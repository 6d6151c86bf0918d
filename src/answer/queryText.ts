/**
 * What is left of a typed query once the characters that cannot mean anything to a search are gone:
 * invisible format characters (zero-width spaces and joiners, soft hyphens, byte order marks, and
 * the bidirectional controls that would make an echoed query display reversed), control
 * characters, and lone surrogates (half of an emoji, cut by whoever sent it). Letters of every
 * script, emoji, punctuation and symbols are kept: right-to-left text stays right-to-left text.
 */

/** Format characters (\p{Cf}) and lone surrogates (\p{Cs}): removed, so "sum\u200Bmit" is "summit". */
const INVISIBLE = /[\p{Cf}\p{Cs}]/gu;
/** Control characters (\p{Cc}: tabs, line breaks, NUL, escape sequences…): word separators. */
const CONTROL = /\p{Cc}/gu;

/**
 * The query as the answering core reads it: invisible characters removed, control characters and
 * runs of whitespace turned into one space, trimmed. Empty when nothing visible was typed.
 */
export function cleanQueryText(text: string): string {
  return text.replace(INVISIBLE, '').replace(CONTROL, ' ').replace(/\s+/gu, ' ').trim();
}
