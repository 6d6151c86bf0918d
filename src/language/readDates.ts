import * as chrono from 'chrono-node/en';

/**
 * chrono-node on bounded text. Its time grows faster than the length of what it reads, so a text
 * longer than CHRONO_WINDOW_CHARS (no sentence of the corpus is: see MAX_SENTENCE_CHARS) is read in
 * windows of at most that many characters, cut between words, each result placed back at its
 * offset in the whole text. An expression that a cut falls inside may be missed or read in part.
 */

/** The most characters chrono reads at once: more than any sentence of the corpus. */
export const CHRONO_WINDOW_CHARS = 1000;

/** A date expression chrono found: where it is in the text, its wording, and what it says. */
export interface DateReading {
  index: number;
  text: string;
  start: chrono.ParsedResult['start'];
  end?: chrono.ParsedResult['end'];
}

/** Where the window starting at `from` ends: at the last space before the limit, if there is one. */
function windowEnd(text: string, from: number): number {
  const limit = from + CHRONO_WINDOW_CHARS;
  if (limit >= text.length) return text.length;
  for (let i = limit; i > from + CHRONO_WINDOW_CHARS / 2; i--) if (/\s/u.test(text.charAt(i))) return i;
  return limit;
}

/** chrono.parse(text, reference), reading at most CHRONO_WINDOW_CHARS characters at a time. */
export function readDates(text: string, reference: chrono.ParsingReference | Date): DateReading[] {
  if (text.length <= CHRONO_WINDOW_CHARS) return chrono.parse(text, reference);
  const readings: DateReading[] = [];
  for (let from = 0; from < text.length;) {
    const to = windowEnd(text, from);
    for (const result of chrono.parse(text.slice(from, to), reference)) {
      readings.push({ index: from + result.index, text: result.text, start: result.start, end: result.end });
    }
    from = to;
  }
  return readings;
}
