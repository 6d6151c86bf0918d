/**
 * The one way text is cut to fit a limit, for every face of the bot: an answer's short answer, an
 * echoed query, a Discord message's parts, a log's look at a body. Knows nothing of Discord.
 */

/** The ellipsis that marks text cut to fit a limit. */
export const ELLIPSIS = '…';

/** A cut shorter than this share of the limit is not worth finding a word boundary for. */
const MIN_WORD_CUT_SHARE = 0.6;

/**
 * Cuts text to at most `max` UTF-16 code units (what `length` counts, and never fewer than Discord's
 * limits count), at the last word boundary that fits, with an ellipsis. Text that fits is returned
 * unchanged. A surrogate pair is never split.
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

/**
 * Joins lines until the next one would pass `max`, then ends with `more(hidden)` (e.g. "…and 3 more"),
 * itself counted inside `max`. A first line too long on its own is truncated.
 */
export function joinLinesWithin(lines: readonly string[], max: number, more: (hidden: number) => string): string {
  const kept: string[] = [];
  let length = 0;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    const hidden = lines.length - i - 1;
    const tail = hidden > 0 ? 1 + more(hidden).length : 0;
    const added = (kept.length > 0 ? 1 : 0) + line.length;
    if (length + added + tail > max) {
      if (kept.length === 0) return truncate(line, max);
      const note = more(lines.length - i);
      return `${kept.join('\n')}\n${note}`.slice(0, max);
    }
    kept.push(line);
    length += added;
  }
  return kept.join('\n');
}
