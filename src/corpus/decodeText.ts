/**
 * Reading article bytes as text: UTF-8 (with or without a byte order mark), or UTF-16 when the file
 * starts with a UTF-16 byte order mark (Windows editors save "Unicode" text that way; decoding it is
 * friendlier than refusing it, and nothing is guessed: without the mark, bytes are read as UTF-8).
 * Anything else — binary data, another encoding, UTF-32, text with control characters — is refused
 * with a reason a curator can act on.
 */

const STRICT_UTF8 = new TextDecoder('utf-8', { fatal: true });
const STRICT_UTF16LE = new TextDecoder('utf-16le', { fatal: true });

/** Control characters that text may hold: tab, line feed, vertical tab, form feed, carriage return. */
const TEXT_CONTROLS = new Set(['\t', '\n', '\u000B', '\f', '\r']);
/** C0 and C1 control characters and DEL (\p{Cc}). */
const CONTROL = /\p{Cc}/gu;

/** "U+001B". */
function codePointName(char: string): string {
  return `U+${(char.codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, '0')}`;
}

/**
 * Checks that decoded text looks like text.
 * @throws Error when it contains NUL characters (binary or UTF-16 data), other control characters
 * (binary data, terminal escape sequences), or U+FFFD replacement characters (text that was decoded
 * badly somewhere before it was saved).
 */
export function assertCleanText(text: string): void {
  const nul = text.indexOf('\u0000');
  if (nul !== -1) {
    throw new Error(`contains a NUL byte at character ${nul}: binary data, or UTF-16 text without a byte order mark, not UTF-8 text`);
  }
  for (const match of text.matchAll(CONTROL)) {
    if (TEXT_CONTROLS.has(match[0])) continue;
    throw new Error(`contains the control character ${codePointName(match[0])} at character ${match.index}: binary data, not text`);
  }
  const replacement = text.indexOf('\uFFFD');
  if (replacement !== -1) {
    throw new Error(
      `contains the replacement character U+FFFD at character ${replacement}: the text was decoded badly before it was saved`,
    );
  }
}

/** The encoding a byte order mark announces, if the bytes start with one. */
function byteOrderMark(bytes: Uint8Array): 'utf-16le' | 'utf-16be' | 'utf-32' | null {
  const [b0, b1, b2, b3] = bytes;
  if ((b0 === 0xff && b1 === 0xfe && b2 === 0x00 && b3 === 0x00) || (b0 === 0x00 && b1 === 0x00 && b2 === 0xfe && b3 === 0xff)) return 'utf-32';
  if (b0 === 0xff && b1 === 0xfe) return 'utf-16le';
  if (b0 === 0xfe && b1 === 0xff) return 'utf-16be';
  return null;
}

/** Decodes UTF-16 (its byte order mark dropped); big-endian bytes are swapped first. */
function decodeUtf16(bytes: Uint8Array, order: 'utf-16le' | 'utf-16be'): string {
  let littleEndian = bytes;
  if (order === 'utf-16be') {
    littleEndian = new Uint8Array(bytes.length);
    for (let i = 0; i + 1 < bytes.length; i += 2) {
      littleEndian[i] = bytes[i + 1]!;
      littleEndian[i + 1] = bytes[i]!;
    }
    if (bytes.length % 2 === 1) littleEndian[bytes.length - 1] = bytes[bytes.length - 1]!;
  }
  try {
    return STRICT_UTF16LE.decode(littleEndian);
  } catch {
    throw new Error(`starts with a ${order === 'utf-16le' ? 'UTF-16LE' : 'UTF-16BE'} byte order mark but is not valid UTF-16 text (save the file as UTF-8)`);
  }
}

/**
 * Decodes file bytes as text: UTF-8 (a leading byte order mark is dropped), or UTF-16 LE/BE when a
 * UTF-16 byte order mark says so.
 * @throws Error when the bytes are not valid text in that encoding, are UTF-32, or the text is not
 * clean (see assertCleanText).
 */
export function decodeText(bytes: Uint8Array): string {
  const mark = byteOrderMark(bytes);
  if (mark === 'utf-32') throw new Error('UTF-32 text is not read (save the file as UTF-8)');
  let text: string;
  if (mark !== null) {
    text = decodeUtf16(bytes, mark);
  } else {
    const nul = bytes.indexOf(0);
    if (nul !== -1) {
      throw new Error(`contains a NUL byte at byte ${nul}: binary data, or UTF-16 text without a byte order mark, not UTF-8 text`);
    }
    try {
      text = STRICT_UTF8.decode(bytes);
    } catch {
      throw new Error('not valid UTF-8 text (save the file as UTF-8)');
    }
  }
  assertCleanText(text);
  return text;
}
