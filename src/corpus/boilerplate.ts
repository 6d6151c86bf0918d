/**
 * Recognising text that a news web page puts around an article but that is not article text:
 * "End of Article", "Advertisement", "Read more…", "Published: …", section names, bylines,
 * copyright and photo credits. Scraped pages often glue such a marker to the next block
 * ("End of ArticlePresident Lee…"), so markers are also stripped from the start or end of a line.
 */

/**
 * Markers that may be glued to real text on the same line. They are stripped and the rest of the
 * line is kept. Matched case-insensitively.
 */
const GLUED_MARKERS: readonly string[] = [
  'End of Article',
  'Share this article',
  'Story continues below advertisement',
  'Story continues below',
  'Continue reading',
  'Advertisement',
];

/** A character that can begin a sentence: a capital or caseless letter, a digit, an opening quote. */
const SENTENCE_START = /[\p{Lu}\p{Lt}\p{Lo}\p{N}“"‘'(]/u;

/** Lines that are dropped whole when they start this way: the rest of such a line is page furniture. */
const WHOLE_LINE_PATTERNS: readonly RegExp[] = [
  /^read more\b/i,
  /^subscribe\b/i,
  /^sign up\b/i,
  /^follow us\b/i,
  /^listen to this article\b/i,
  /^click here\b/i,
  /^share (?:this|on)\b/i,
  /^(?:photo|photos|photograph|image|picture|file photo)(?: credit)?\s*:/i,
  /^copyright\b/i,
  /^©/,
  /^\(c\)\s*\d{4}/i,
  /^all rights reserved\b/i,
];

/** A byline: "By Kim Tong-hyung", "By Jane Doe and John Roe" (no final punctuation). */
const BYLINE = /^By\s+\p{Lu}[\p{L}.'’-]*(?:(?:\s+|,\s*)(?:and\s+)?\p{Lu}[\p{L}.'’-]*)*$/u;

const MONTHS =
  'jan|january|feb|february|mar|march|apr|april|may|jun|june|jul|july|aug|august|sep|sept|september|oct|october|nov|november|dec|december';
const WEEKDAYS = 'mon|monday|tue|tues|tuesday|wed|wednesday|thu|thur|thurs|thursday|fri|friday|sat|saturday|sun|sunday';
const DATE_TOKEN = new RegExp(
  `^(?:${MONTHS}|${WEEKDAYS}|\\d{1,2}(?:st|nd|rd|th)?|\\d{4}|\\d{1,2}[:.]\\d{2}(?:am|pm)?|am|pm|a\\.m|p\\.m|gmt|utc|[a-z]{2,4}t|[-|•·/])$`,
  'i',
);
const MONTH_TOKEN = new RegExp(`^(?:${MONTHS})$`, 'i');

/** Strips marker text glued to the start of a line; returns how many characters to skip. */
function gluedPrefixLength(line: string): number {
  for (const marker of GLUED_MARKERS) {
    if (line.length < marker.length || line.slice(0, marker.length).toLowerCase() !== marker.toLowerCase()) continue;
    const rest = line.slice(marker.length);
    const next = rest.trimStart().charAt(0);
    // A bare marker, or one glued to the start of a sentence ("AdvertisementPresident Lee…").
    // "Advertisement spending rose" is text, and "Share this article: …" is left to the line rules.
    if (next === '' || SENTENCE_START.test(next)) return line.length - rest.trimStart().length;
  }
  return 0;
}

/** Strips marker text glued to the end of a line ("…tensions”.End of Article"); returns the kept length. */
function keptLengthBeforeGluedSuffix(line: string): number {
  for (const marker of GLUED_MARKERS) {
    if (line.length <= marker.length || line.slice(-marker.length).toLowerCase() !== marker.toLowerCase()) continue;
    const before = line.slice(0, -marker.length);
    // Only after the end of a sentence, so "…bought the Advertisement" stays intact.
    if (/[.!?…”"’')\]]\s*$/u.test(before)) return before.trimEnd().length;
  }
  return line.length;
}

/**
 * The part of a (trimmed) line that may be article text once glued page markers are removed,
 * as offsets into the line so the caller can keep exact substrings.
 * Returns null when nothing is left.
 */
export function stripGluedMarkers(line: string): { start: number; end: number } | null {
  let start = 0;
  let end = line.length;
  // Markers can repeat ("AdvertisementEnd of ArticleLee…"): strip until nothing changes.
  for (;;) {
    const skip = gluedPrefixLength(line.slice(start, end));
    const kept = keptLengthBeforeGluedSuffix(line.slice(start + skip, end));
    if (skip === 0 && start + skip + kept === end) break;
    start += skip;
    end = start + kept;
  }
  return start < end ? { start, end } : null;
}

/** True for a line that is a date or time stamp only ("3 Jan 2026 07:45PM", "Jan 3, 2026"). */
export function isDateLine(line: string): boolean {
  // At most 8 words (and an empty piece before them): a long line is not split whole.
  const tokens = line
    .split(/\s+/, 10)
    .map((token) => token.replace(/[,.]+$/, ''))
    .filter((token) => token !== '');
  if (tokens.length === 0 || tokens.length > 8) return false;
  return tokens.some((token) => MONTH_TOKEN.test(token)) && tokens.every((token) => DATE_TOKEN.test(token));
}

/**
 * True for a bare label such as a section name ("World", "Asia Pacific", "Politics") or a
 * subheading: 1–3 words and no punctuation at all. Headlines are longer than that, which is how
 * the two are told apart; the cost is that a headline of three words or fewer is dropped.
 */
export function isBareLabel(line: string): boolean {
  if (!/^[\p{L}\p{N}\s&|/-]+$/u.test(line)) return false;
  // Counted only up to four: a line of a million words is not read to its end.
  let words = 0;
  for (const _word of line.matchAll(/[\p{L}\p{N}]+/gu)) if (++words > 3) return false;
  return words >= 1;
}

/** A "Published: …" / "Updated 3 Jan 2026" stamp. */
function isPublicationStamp(line: string): boolean {
  const match = /^(?:first |last )?(?:published|updated|posted)(?: on| at)?\s*(:?)\s*(.*)$/i.exec(line);
  if (!match) return false;
  const [, colon, rest = ''] = match;
  return colon === ':' || isDateLine(rest);
}

/** True for a line that carries no article text: page furniture, credits, bylines, stamps, labels. */
export function isBoilerplateLine(line: string): boolean {
  if (!/[\p{L}\p{N}]/u.test(line)) return true; // separators such as "***" or "—"
  return (
    WHOLE_LINE_PATTERNS.some((pattern) => pattern.test(line)) ||
    isPublicationStamp(line) ||
    BYLINE.test(line) ||
    isDateLine(line) ||
    isBareLabel(line)
  );
}
