/** Reading article bytes as text, refusing anything that is not clean UTF-8 text. */

const STRICT_UTF8 = new TextDecoder('utf-8', { fatal: true });

/**
 * Checks that decoded text looks like text.
 * @throws Error when it contains NUL characters (binary or UTF-16 data) or U+FFFD replacement
 * characters (text that was decoded badly somewhere before it was saved).
 */
export function assertCleanText(text: string): void {
  const nul = text.indexOf('\u0000');
  if (nul !== -1) throw new Error(`contains a NUL byte at character ${nul}: binary or UTF-16 data, not UTF-8 text`);
  const replacement = text.indexOf('\uFFFD');
  if (replacement !== -1) {
    throw new Error(
      `contains the replacement character U+FFFD at character ${replacement}: the text was decoded badly before it was saved`,
    );
  }
}

/**
 * Decodes file bytes as UTF-8 text (a leading byte order mark is dropped).
 * @throws Error when the bytes are not valid UTF-8, or the text is not clean (see assertCleanText).
 */
export function decodeUtf8Text(bytes: Uint8Array): string {
  let text: string;
  try {
    text = STRICT_UTF8.decode(bytes);
  } catch {
    throw new Error('not valid UTF-8 text (save the file as UTF-8)');
  }
  assertCleanText(text);
  return text;
}
