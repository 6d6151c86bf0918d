import { isDigitGroupComma } from './spans.js';
import { tokenize } from './tokenize.js';
import { AUXILIARY_VERBS, CALENDAR_WORDS, wordsPattern } from './wordLists.js';

/**
 * Order in time between two events of a sentence, and questions that ask for it. A question asks
 * for what came after or before something ("where does he go after Beijing", "what did the police
 * do right before people left"); a sentence says which of its parts came first with its marking
 * words: "A, followed by B" and "A, then B" (A first), "A after B" and "A following B" (B first),
 * "A before B" and "Hours before B, A" (A first). A sentence that goes on from the one before
 * ("He will later travel to X") tells what came after whatever that one told.
 */
export type Direction = 'after' | 'before';

export interface AskedSequence {
  direction: Direction;
  /** The event the answer comes after or before, as the question names it ("the xi summit"). */
  reference: string;
}

/** A part of a sentence: character offsets, end excluded. */
export interface Region {
  start: number;
  end: number;
}

/** "following" as an order word, not as the adjective of "the following day". */
const FOLLOWING = String.raw`(?<!\bthe\s)following(?!\s+(?:${wordsPattern(CALENDAR_WORDS)})\b)`;
/** "after Beijing", "the day after the summit", "right before he left": the word and what follows it. */
const ASKED = new RegExp(String.raw`\b(after|${FOLLOWING}|before|prior to|ahead of)\s+(\S.*)$`, 'i');
/** The reference ends where the question goes on ("after the vote did the strike begin"). */
const REFERENCE_END = new RegExp(String.raw`\s+(?:${wordsPattern(AUXILIARY_VERBS)})\s.*$`, 'i');
/**
 * "before this", "before this one", "after that": the event the question is about itself, not
 * another one ("when did it last erupt before this" asks for an earlier time, not what came before).
 */
const SELF_REFERENCE = /^(?:this|that|it|now|then|today|these|those)\b/i;
/** Words that frame the order word and name no event: "the day after", "right before". */
const FRAME = new RegExp(
  String.raw`\b(?:the (?:${wordsPattern(CALENDAR_WORDS)})|right|just|shortly|soon|immediately)\s+(?=(?:after|before|following|prior to|ahead of)\b)`,
  'giu',
);

/**
 * "once he is done in Beijing", "once the summit is over": "after Beijing", "after the summit", as a
 * question's order words say it otherwise.
 */
const DONE_IN = /\bonce\s+(?:he|she|they|it|we)\s+(?:is|are|was|were|has|have)?\s*(?:done|finished|through)\s+(?:in|with|at)\s+/giu;
const IS_OVER = /\bonce\s+((?:the\s+)?[\p{L}\s-]{1,40}?)\s+(?:is|are|was|were)\s+(?:over|done|finished)\b/giu;

/** The question with "once ... done in X" and "once X is over" read as "after X". */
export function withOrderWords(query: string): string {
  return query.replace(DONE_IN, 'after ').replace(IS_OVER, 'after $1');
}

/** What a question asks to come after or before, and that event; null when it asks for no order. */
export function askedSequence(query: string): AskedSequence | null {
  const match = ASKED.exec(query);
  if (match === null) return null;
  const word = match[1]!.toLowerCase();
  const whole = match[2]!.trim();
  // "after the vote did the strike begin" → "the vote"; "after he was released" stays whole.
  const cut = whole.replace(REFERENCE_END, '').trim();
  const reference = tokenize(cut).some((t) => !t.isStopWord) ? cut : whole;
  if (reference.length === 0 || SELF_REFERENCE.test(reference)) return null;
  return { direction: word === 'after' || word === 'following' ? 'after' : 'before', reference };
}

/** The question's words without those that only frame its order word ("the day after X" → "after X"). */
export function withoutOrderFrame(query: string): string {
  return query.replace(FRAME, '').trim();
}

/** How a marking word orders the part of the sentence before it (main) and the part after it (object). */
type Order = 'mainFirst' | 'objectFirst';

const MARKS: ReadonlyArray<{ pattern: RegExp; order: Order; goesOn: boolean }> = [
  // "A, followed by B", "A, and later B": A first. Said alone ("He will later travel"), they go on from the sentence before.
  { pattern: /\b(?:followed by|and then|and later)\b/giu, order: 'mainFirst', goesOn: false },
  { pattern: /(?<!\band\s)\b(?:then|later|afterwards?|subsequently|thereafter)\b/giu, order: 'mainFirst', goesOn: true },
  // "A before B", "A ahead of B": A first.
  { pattern: /\b(?:before|ahead of|prior to)\b/giu, order: 'mainFirst', goesOn: false },
  // "A after B", "A following B": B first.
  { pattern: new RegExp(String.raw`\b(?:after|${FOLLOWING})\b`, 'giu'), order: 'objectFirst', goesOn: false },
];

/** Words that may stand before a marking word that opens its sentence: "Hours before ...", "Shortly after ...". */
const FRONTING =
  /^(?:(?:just|shortly|soon|right|immediately|only|moments?|minutes?|hours?|days?|weeks?|months?|years?|a|an|one|two|three|few|several|\d+)\s+)*$/iu;

interface MarkedParts {
  earlier: Region[];
  later: Region[];
  goesOn: boolean;
}

/**
 * The earlier and later parts each marking word of the sentence names. The object of the word runs
 * to the next comma; what follows that comma belongs with the main part ("A, following B, as C":
 * A and C against B).
 */
function markedParts(text: string): MarkedParts[] {
  const parts: Array<MarkedParts & { at: number }> = [];
  for (const { pattern, order, goesOn } of MARKS) {
    for (const match of text.matchAll(pattern)) {
      const start = match.index;
      const end = start + match[0].length;
      // "Later, the premier will travel ...": a comma right after the word opens what it tells.
      const opensClause = /^\s*,/u.test(text.slice(end));
      const comma = opensClause ? -1 : clauseComma(text, end);
      const objectEnd = comma === -1 ? text.length : comma;
      let main: Region[] = [{ start: 0, end: start }];
      // "Hours before Lee's departure, North Korea fired ...": the object runs to the comma, the rest is the main part.
      if (FRONTING.test(text.slice(0, start)) && comma !== -1) main = [];
      if (objectEnd < text.length) main.push({ start: objectEnd + 1, end: text.length });
      const object: Region[] = [{ start: end, end: objectEnd }];
      const [earlier, later] = order === 'mainFirst' ? [main, object] : [object, main];
      parts.push({ earlier, later, goesOn, at: start });
    }
  }
  return parts.sort((a, b) => a.at - b.at);
}

/** The first comma from `from` that ends a clause: not the comma of a number ("1,400"). */
function clauseComma(text: string, from: number): number {
  for (let i = text.indexOf(',', from); i !== -1; i = text.indexOf(',', i + 1)) if (!isDigitGroupComma(text, i)) return i;
  return -1;
}

const inside = (regions: readonly Region[], offset: number) => regions.some((r) => offset >= r.start && offset < r.end);

/**
 * The parts of a sentence that name what came `direction` the question's reference event, given
 * where the sentence names that event (`referenceAt`: for each of its words, the character offsets
 * where the sentence says it; none when it does not), one list of parts per order word that orders
 * them so, in the sentence's order. A sentence that does not name the event may go on from the one
 * before ("He will later travel to X"): then its later part is what came after. Empty when the
 * sentence orders nothing that way.
 */
export function sequenceRegions(text: string, direction: Direction, referenceAt: ReadonlyArray<readonly number[]>): Region[][] {
  const found: Region[][] = [];
  for (const { earlier, later, goesOn } of markedParts(text)) {
    const [reference, asked] = direction === 'after' ? [earlier, later] : [later, earlier];
    const named =
      referenceAt.length > 0
        ? referenceAt.every((offsets) => offsets.some((offset) => inside(reference, offset)))
        : goesOn && direction === 'after';
    if (named && asked.length > 0) found.push(asked);
  }
  return found;
}

/** Whether a sentence goes on from the one before ("He will later travel to X"): what it tells came after. */
export function goesOn(text: string): boolean {
  return markedParts(text).some((part) => part.goesOn);
}
