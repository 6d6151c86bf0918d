/** A stretch of a sentence that answers a kind of question, and how clearly it does. */
export interface Span {
  start: number;
  end: number;
  text: string;
  /** 0..1: how clearly the span is an answer of its kind (a date beats "later"). */
  strength: number;
  /** Finer label: for times "date" | "relative" | "duration" | "vague"; for names the entity type. */
  label: string;
}

/** Builds a span from offsets, trimming spaces and punctuation that chrono or a regex took along. */
export function makeSpan(text: string, start: number, end: number, strength: number, label: string): Span | null {
  let s = start;
  let e = end;
  while (s < e && /[\s,;:.!?"“”(]/.test(text.charAt(s))) s++;
  while (e > s && /[\s,;:!?"“”)]/.test(text.charAt(e - 1))) e--;
  // A final full stop goes unless it ends an abbreviation such as "Jan." or "U.S.".
  if (e > s && text.charAt(e - 1) === '.' && !endsWithAbbreviation(text.slice(s, e))) e--;
  if (e <= s) return null;
  return { start: s, end: e, text: text.slice(s, e), strength, label };
}

/**
 * "Jan.", "U.S.": the span ends with an abbreviation. Searched for in the last characters only
 * (from lastIndex, the characters before still deciding the word boundary), so that a long span
 * ending in "a.b.c.…" is not searched from each of its characters to its end.
 */
const ABBREVIATION_AT_END = /\b(?:\p{L}\.){2,}$|\b\p{Lu}\p{Ll}{1,3}\.$/gu;
const ABBREVIATION_SEARCHED_CHARS = 64;

function endsWithAbbreviation(span: string): boolean {
  ABBREVIATION_AT_END.lastIndex = Math.max(0, span.length - ABBREVIATION_SEARCHED_CHARS);
  return ABBREVIATION_AT_END.test(span);
}

/** Spans sorted by position, overlapping ones reduced to the strongest (then the longest). */
export function dedupeSpans(spans: Span[]): Span[] {
  const sorted = [...spans].sort((a, b) => b.strength - a.strength || b.end - b.start - (a.end - a.start));
  // The spans kept so far, in text order: they never overlap, so only the one just before where
  // a span would go can overlap it (a binary search, not a look at each kept span).
  const kept: Span[] = [];
  for (const span of sorted) {
    let low = 0;
    let high = kept.length;
    while (low < high) {
      const middle = (low + high) >>> 1;
      if (kept[middle]!.start < span.end) low = middle + 1;
      else high = middle;
    }
    if (low > 0 && kept[low - 1]!.end > span.start) continue;
    kept.splice(low, 0, span);
  }
  return kept;
}

/** Whether the comma at `i` groups a number's digits ("1,400"), rather than ending a clause. */
export function isDigitGroupComma(text: string, i: number): boolean {
  return text.charAt(i) === ',' && /\d/u.test(text.charAt(i - 1)) && /\d/u.test(text.charAt(i + 1));
}
