/**
 * The one truncator: text cut to a length at a word, with an ellipsis. The core uses it to shorten
 * what it names (an article's long headline), the faces to fit their own limits.
 */

/** The ellipsis that marks text cut to fit a limit. */
export const ELLIPSIS = '…';

/** A cut shorter than this share of the limit is not worth finding a word boundary for. */
const MIN_WORD_CUT_SHARE = 0.6;

/**
 * Cuts text to at most `max` UTF-16 code units (never more characters than Discord counts), at the
 * last word boundary that fits, with an ellipsis. Text that fits is returned unchanged. A surrogate
 * pair is never split.
 */
export function truncate(text: string, max: number): string {
  if (text.length <= max) return text;
  if (max <= ELLIPSIS.length) return ELLIPSIS.slice(0, Math.max(0, max));
  const room = max - ELLIPSIS.length;
  let cut = room;
  const space = lastBoundary(text, room);
  if (space >= room * MIN_WORD_CUT_SHARE) cut = space;
  // Do not leave half of a surrogate pair behind.
  if (cut > 0 && isHighSurrogate(text.charCodeAt(cut - 1))) cut--;
  return `${text.slice(0, cut).trimEnd()}${ELLIPSIS}`;
}

/** Index of the last whitespace at or before `limit` (so text.slice(0, index) ends a word), or -1. */
function lastBoundary(text: string, limit: number): number {
  for (let i = limit; i > 0; i--) {
    if (/\s/.test(text.charAt(i))) return i;
  }
  return -1;
}

function isHighSurrogate(code: number): boolean {
  return code >= 0xd800 && code <= 0xdbff;
}
