/**
 * Words that put events in order: "then", "later", "followed by" (what came after), "hours
 * before", "ahead of", "earlier" (what came before). A question's own ("where does he go after
 * Beijing", "right before he left") say which way it asks; a sentence's say where in it the later
 * or earlier event is named.
 */
export type Direction = 'after' | 'before';

/** In a question: the words that ask for what came after or before something. */
export const ASKS_AFTER = /\b(?:after|afterwards?|following|next|then|later)\b/i;
export const ASKS_BEFORE = /\b(?:before|prior to|ahead of|beforehand)\b/i;

/** In a sentence: the words after which it names the later (or the earlier) event. */
const MARKS: Readonly<Record<Direction, RegExp>> = {
  after:
    /\b(?:then|later|afterwards?|after that|next|followed by|subsequently|thereafter|before heading|before travell?ing|going on to|moving on to)\b/giu,
  before: /\b(?:before|earlier|previously|prior to|ahead of|preceding|beforehand|first)\b/giu,
};

/** The question's words after its sequence word: the event the answer comes after or before ("Beijing"). */
export function referenceOf(query: string, direction: Direction): string | null {
  const pattern = direction === 'after' ? ASKS_AFTER : ASKS_BEFORE;
  const match = pattern.exec(query);
  if (match === null) return null;
  const rest = query.slice(match.index + match[0].length).trim();
  return rest.length > 0 ? rest : null;
}

/** Where a sentence marks the later (or earlier) event: the offsets just past each marking word. */
export function sequenceMarks(text: string, direction: Direction): number[] {
  return [...text.matchAll(MARKS[direction])].map((match) => match.index + match[0].length);
}
