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
  if (e > s && text.charAt(e - 1) === '.' && !/\b(?:\p{L}\.){2,}$|\b\p{Lu}\p{Ll}{1,3}\.$/u.test(text.slice(s, e))) e--;
  if (e <= s) return null;
  return { start: s, end: e, text: text.slice(s, e), strength, label };
}

/** Spans sorted by position, overlapping ones reduced to the strongest (then the longest). */
export function dedupeSpans(spans: Span[]): Span[] {
  const sorted = [...spans].sort((a, b) => b.strength - a.strength || b.end - b.start - (a.end - a.start));
  const kept: Span[] = [];
  for (const span of sorted) {
    if (!kept.some((k) => span.start < k.end && k.start < span.end)) kept.push(span);
  }
  return kept.sort((a, b) => a.start - b.start);
}
