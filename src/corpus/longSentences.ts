/**
 * Keeping sentences short enough to quote and to analyse. A web page can hold one paragraph of
 * 150,000 characters without a full stop, or a list of a thousand names and commas: taken whole as
 * one sentence, it is no quote, and answering a question about it costs time that grows with its
 * length. So a run of text longer than SENTENCE_TARGET_CHARS is cut at its clause boundaries into
 * pieces of at most that length where it has such boundaries, and one longer than MAX_SENTENCE_CHARS
 * is cut whatever it holds: at clause boundaries, else between words, else (a run without a space,
 * which is no prose) between two characters.
 *
 * Nothing is rewritten: the pieces are [start, end) offsets of the text, trimmed, and put together
 * with the whitespace between them they give the text back.
 */

/** A sentence longer than this is cut at clause boundaries, where it has them. */
export const SENTENCE_TARGET_CHARS = 400;
/** No sentence is longer than this. */
export const MAX_SENTENCE_CHARS = 600;
/** A piece is not cut shorter than this (unless the text ends). */
const MIN_PIECE_CHARS = 40;

/**
 * How surely a cut falls between two parts of a sentence, surest first: after `;`, `:`, a dash
 * between words or an ideographic full stop; after a comma; between two words.
 */
const Cut = { Strong: 0, Comma: 1, Space: 2 } as const;
type Cut = (typeof Cut)[keyof typeof Cut];

const DASHES = new Set(['—', '–', '―']);
const STRONG_BEFORE_SPACE = new Set([';', ':', '；', '：']);
const IDEOGRAPHIC_STOPS = new Set(['。', '！', '？', '；']);
const IDEOGRAPHIC_COMMAS = new Set(['，', '、']);

/** What `\s` matches, by character code (tested for every character of a long run: no regex). */
function isSpaceCode(code: number): boolean {
  if (code <= 0x20) return code === 0x20 || (code >= 0x09 && code <= 0x0d);
  if (code < 0xa0) return false;
  return (
    code === 0xa0 || code === 0x1680 || (code >= 0x2000 && code <= 0x200a) || code === 0x2028 || code === 0x2029 ||
    code === 0x202f || code === 0x205f || code === 0x3000 || code === 0xfeff
  );
}

const isSpace = (text: string, at: number): boolean => at >= 0 && at < text.length && isSpaceCode(text.charCodeAt(at));
const isDigit = (text: string, at: number): boolean => {
  const code = text.charCodeAt(at);
  return code >= 0x30 && code <= 0x39;
};

/**
 * The kind of cut that can be made at offset `at` of `text` (the piece before ends at `at`), or
 * null when none can. A cut after punctuation keeps the punctuation with the clause it ends.
 */
function cutKind(text: string, at: number): Cut | null {
  const spaceAfter = isSpace(text, at);
  if (spaceAfter && isSpace(text, at - 1)) return null;
  const before = text.charAt(at - 1);
  if (spaceAfter) {
    if (STRONG_BEFORE_SPACE.has(before)) return Cut.Strong;
    // A dash standing between spaces: "talks - and".
    if ((before === '-' || DASHES.has(before)) && isSpace(text, at - 2)) return Cut.Strong;
    if (before === ',') return Cut.Comma;
    return Cut.Space;
  }
  if (at >= text.length || text.charCodeAt(at - 1) < 0x2000) return null;
  // "ties—and": a dash between words, not a range of numbers ("2025–2026").
  if (DASHES.has(before)) return isDigit(text, at - 2) && isDigit(text, at) ? null : Cut.Strong;
  if (IDEOGRAPHIC_STOPS.has(before)) return Cut.Strong;
  if (IDEOGRAPHIC_COMMAS.has(before)) return Cut.Comma;
  return null;
}

/** Where a hard cut near `at` may fall: not inside a surrogate pair, not before a combining mark or joiner. */
function hardCut(text: string, from: number, at: number): number {
  let cut = at;
  while (cut > from + 1 && holdsToPrevious(text, cut)) cut--;
  return cut;
}

const MARK = /^\p{M}$/u;

/** True when the character at `at` cannot stand apart from the one before it. */
function holdsToPrevious(text: string, at: number): boolean {
  const code = text.charCodeAt(at);
  // The second half of a surrogate pair, a zero-width (non-)joiner, a variation selector.
  if ((code >= 0xdc00 && code <= 0xdfff) || code === 0x200c || code === 0x200d || (code >= 0xfe00 && code <= 0xfe0f)) return true;
  return MARK.test(String.fromCodePoint(text.codePointAt(at) ?? 0));
}

/**
 * The best cut of text[from, end) for a first piece of at most `limit` characters: of the surest
 * kind available, the one nearest `ideal`. Null when no cut of a kind up to `weakest` exists.
 */
function bestCut(text: string, from: number, end: number, limit: number, ideal: number, weakest: Cut): number | null {
  const best: Array<number | null> = [null, null, null];
  const last = Math.min(end - 1, from + limit);
  for (let at = from + MIN_PIECE_CHARS; at <= last; at++) {
    const kind = cutKind(text, at);
    if (kind === null || kind > weakest) continue;
    const current = best[kind] ?? null;
    if (current === null || Math.abs(at - ideal) < Math.abs(current - ideal)) best[kind] = at;
  }
  for (const cut of best) if (cut !== null) return cut;
  return null;
}

/** The first offset at or after `at` that is not whitespace (at most `end`). */
function skipSpace(text: string, at: number, end: number): number {
  let i = at;
  while (i < end && isSpace(text, i)) i++;
  return i;
}

/** The last offset at or before `at` after which only whitespace follows up to `at` (at least `start`). */
function trimEnd(text: string, start: number, at: number): number {
  let i = at;
  while (i > start && isSpace(text, i - 1)) i--;
  return i;
}

/**
 * The pieces of the sentence text[start, end) (trimmed): itself when it is short enough, else its
 * parts as described above, each trimmed of surrounding whitespace.
 */
export function capSentence(text: string, start: number, end: number): Array<[number, number]> {
  if (end - start <= SENTENCE_TARGET_CHARS) return [[start, end]];
  const pieces: Array<[number, number]> = [];
  let from = start;
  while (end - from > SENTENCE_TARGET_CHARS) {
    const length = end - from;
    // Pieces of about equal length rather than full ones and a scrap at the end.
    const ideal = from + Math.ceil(length / Math.ceil(length / SENTENCE_TARGET_CHARS));
    let cut = bestCut(text, from, end, SENTENCE_TARGET_CHARS, ideal, Cut.Comma);
    if (cut === null) {
      if (length <= MAX_SENTENCE_CHARS) break;
      cut = bestCut(text, from, end, MAX_SENTENCE_CHARS, ideal, Cut.Space) ?? hardCut(text, from, ideal);
    }
    pieces.push([from, trimEnd(text, from, cut)]);
    from = skipSpace(text, cut, end);
  }
  if (from < end) pieces.push([from, end]);
  return pieces.filter(([s, e]) => e > s);
}

/** "2 sentences longer than 600 characters were cut …": what the moderator and the log are told. */
export function longSentencesNote(count: number): string {
  const what = count === 1 ? 'One sentence was' : `${count} sentences were`;
  return (
    `${what} too long to quote (over ${SENTENCE_TARGET_CHARS} characters) and cut into shorter pieces ` +
    'at commas, semicolons or dashes, or between words where it had none; the text itself is unchanged.'
  );
}
