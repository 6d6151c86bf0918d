import { dedupeSpans, makeSpan, type Span } from './spans.js';
import { CALENDAR_WORDS, wordsPattern } from './wordLists.js';

/**
 * Reasons and purposes in a sentence: what /why answers point at. Each marker starts a clause that
 * runs to the next clause boundary: "aiming to keep up momentum to restore bilateral ties",
 * "fearing that touchy topics might anger Beijing", "after years of fraught ties ...".
 */

/** Pieces of regular expression as one alternation: `(?:tends?|seems?)`. */
function either(pieces: readonly string[]): string {
  return `(?:${pieces.join('|')})`;
}

/** "aiming to", "in a bid to": words that, before "to", give a purpose. */
const PURPOSE_BEFORE_TO = [
  'aiming',
  'aims',
  'aimed',
  'aim',
  'seeking',
  'seeks',
  'sought',
  'hoping',
  'hopes',
  'hoped',
  'wanting',
  'wants',
  'intending',
  'intends',
  'in order',
  'so as',
  'in a bid',
  'in an effort',
  'in an attempt',
  'trying',
  'tries',
  'working',
  'plans',
  'planning',
  'designed',
  'meant',
  'looking',
];
/** "because of", "amid": words that give a cause. */
const CAUSE_WORDS = [
  String.raw`because(?:\s+of)?`,
  'due to',
  'owing to',
  'thanks to',
  'as a result of',
  'in response to',
  'in protest',
  'for fear',
  'fearing',
  'citing',
  'given that',
  'so that',
  'after years of',
  'amid',
  'for lack of',
  'for want of',
  'at a time when',
];
/** "seeking", "calling for": words that give a purpose by themselves. */
const PURPOSE_WORDS = ['seeking', 'pursuing', 'hoping for', 'calling for', 'pushing for'];
/** Words after which "to" is no infinitive of purpose: "scheduled to", "has to", "a visit to". */
const NOT_PURPOSE_BEFORE_TO = [
  'scheduled',
  'set',
  'expected',
  'likely',
  'going',
  'able',
  'due',
  'has',
  'have',
  'had',
  'is',
  'are',
  'was',
  'were',
  'used',
  'about',
  'tends?',
  'seems?',
  'appears?',
  'wants?',
  'began',
  'begins?',
  'started',
  'starts?',
  'agreed',
  'decided',
  'refused',
  'continues?',
  'continued',
  'plans?',
  'planned',
  'visit',
  'head',
  'heads',
  'travel',
  'travels',
  'return',
  'returns',
  'trip',
];
/** Words after "to" that are no verb: "to the", "to be", "to 2030". */
const NOT_VERB_AFTER_TO = [
  ...['the', 'a', 'an', 'his', 'her', 'its', 'their', 'our', 'this', 'that', 'these', 'those', 'be', String.raw`\d`],
  // "cut power to about 18,000 homes": a word of amount opens a number, not a verb.
  ...['about', 'around', 'nearly', 'almost', 'roughly', 'some', 'more', 'less', 'over', 'under', 'up'],
];
/** Endings of adjectives and adverbs, not of verbs: "to economic", "to Chinese", "to quickly". */
const NOT_VERB_ENDINGS = ['ic', 'al', 'ous', 'ive', 'ful', 'ern', 'ese', 'ish', 'ian', 'ary', 'ly'];
/** "to deepen cooperation", "to support his efforts": an infinitive of purpose (a verb follows "to"). */
const INFINITIVE_OF_PURPOSE = new RegExp(
  String.raw`(?<!\b${either(NOT_PURPOSE_BEFORE_TO)}\s)\bto\s+(?!${either(NOT_VERB_AFTER_TO)}\b)\p{Ll}+(?<!${NOT_VERB_ENDINGS.join('|')})\b`,
  'gu',
);

/**
 * How surely "after ..." gives the reason. Across the 23 regression sets, 0.5 gave two right
 * reasons and one wrong one; 0.7 no more right first sentences and no fewer wrong answers: the
 * weaker of the two, as "after" is as often only a time.
 */
const AFTER_STRENGTH = 0.5;

/** Counts that open a stretch of time: "after ten years", "after a few hours". */
const COUNT_WORDS = [
  'a',
  'an',
  'a few',
  'several',
  'many',
  'some',
  'one',
  'two',
  'three',
  'four',
  'five',
  'six',
  'seven',
  'eight',
  'nine',
  'ten',
  'eleven',
  'twelve',
  'twenty',
  'thirty',
  'forty',
  'fifty',
  'hundreds of',
];
const TIME_UNITS = String.raw`(?:seconds?|minutes?|hours?|days?|weeks?|months?|years?|decades?)`;
/**
 * What after "after" makes it a time: "after 6 p.m.", "after ten years in prison", "after midnight",
 * "after Friday"; not "after Friday's vote", an event.
 */
const AFTER_A_TIME = new RegExp(
  String.raw`\s+(?:\d|(?:${either(COUNT_WORDS)}\s+)?${TIME_UNITS}\b|(?:midnight|noon|dawn|dusk|dark|nightfall|sunset|sunrise|${wordsPattern(CALENDAR_WORDS)})\b(?!['’]s))`,
  'iu',
);

/** Markers of purpose or cause, strongest first. `from` says where the span starts. */
const MARKERS: ReadonlyArray<{ pattern: RegExp; strength: number; label: string }> = [
  { pattern: new RegExp(String.raw`\b${either(PURPOSE_BEFORE_TO)}\s+to\b`, 'giu'), strength: 1, label: 'purpose' },
  { pattern: new RegExp(String.raw`\b${either(CAUSE_WORDS)}\b`, 'giu'), strength: 1, label: 'cause' },
  { pattern: new RegExp(String.raw`\b${either(PURPOSE_WORDS)}\b`, 'giu'), strength: 0.9, label: 'purpose' },
  { pattern: INFINITIVE_OF_PURPOSE, strength: 0.6, label: 'purpose' },
  { pattern: /\bfor\s+\p{Ll}+ing\b/gu, strength: 0.6, label: 'purpose' },
  // "issued late on Friday, after the wind shifted": what came just before is often the cause, but
  // not always ("fell on Monday after trading opened"), and not a time ("after 6 p.m.", "after ten years").
  { pattern: new RegExp(String.raw`\bafter\b(?!${AFTER_A_TIME.source})`, 'giu'), strength: AFTER_STRENGTH, label: 'cause' },
];

/** Verbs of consequence: the clause they stand in gives a reason ("taking sides only worsens tensions"). */
const CONSEQUENCE_VERBS = [
  'worsens?',
  'worsened',
  'hurts?',
  'harms?',
  'helps?',
  'helped',
  'causes?',
  'caused',
  'leads? to',
  'led to',
  String.raw`lead\b[^,.;]{0,40}\bto`,
  'results? in',
  'resulted in',
  'threatens?',
  'threatened',
  'undermines?',
  'undermined',
  'risks?',
  'boosts?',
  'boosted',
  'improves?',
  'damages?',
  'damaged',
  'angers?',
  'angered',
];
const CONSEQUENCE = new RegExp(String.raw`\b${either(CONSEQUENCE_VERBS)}\b`, 'giu');

// Where a clause ends: punctuation, a quotation mark, or a conjunction that starts another clause.
const CLAUSE_END = /[;:!?()“”"]|[,.](?!\d)|\s(?:while|but|whereas|although|though|and then|as well as)\s/u;
const CLAUSE_PUNCTUATION = new Set([...',;:.!?()“”"']);
const MAX_SPAN = 120;
/** The longest conjunction CLAUSE_END looks for, with its spaces (" as well as "). */
const LONGEST_CLAUSE_END = 12;

/**
 * Where the clause going on at `from` ends, at most MAX_SPAN characters on (cut at a word). Only
 * that far is searched: a clause that ends later is cut there anyway.
 */
function clauseEnd(text: string, from: number): number {
  const rest = text.slice(from, from + MAX_SPAN + LONGEST_CLAUSE_END);
  const match = CLAUSE_END.exec(rest);
  const end = match === null ? text.length : from + match.index;
  return Math.min(end, cutAtWord(text, from, from + MAX_SPAN));
}

/**
 * For each offset of a text, where the clause holding it starts: just after the last punctuation
 * mark or quotation mark before it (0 when there is none), a point or comma inside a number aside.
 * One pass, for all the markers of a sentence.
 */
function clauseStarts(text: string): Uint32Array {
  const starts = new Uint32Array(text.length + 1);
  let start = 0;
  for (let i = 0; i < text.length; i++) {
    starts[i] = start;
    // As CLAUSE_END: the point or comma inside a number ("3.5 billion", "18,000") ends no clause.
    if (CLAUSE_PUNCTUATION.has(text.charAt(i)) && !/[,.]\d/u.test(text.slice(i, i + 2))) start = i + 1;
  }
  starts[text.length] = start;
  return starts;
}

function cutAtWord(text: string, start: number, limit: number): number {
  if (limit >= text.length) return text.length;
  const space = text.lastIndexOf(' ', limit);
  return space > start ? space : limit;
}

/** At least three words: a span (trimmed) with at least two runs of whitespace, counted no further. */
function hasThreeWords(text: string): boolean {
  const spaces = /\s+/g;
  return spaces.exec(text) !== null && spaces.exec(text) !== null;
}

/** The reason and purpose clauses in a sentence. */
export function findReasonSpans(text: string): Span[] {
  const spans: Span[] = [];
  for (const { pattern, strength, label } of MARKERS) {
    for (const match of text.matchAll(pattern)) {
      const span = makeSpan(text, match.index, clauseEnd(text, match.index + match[0].length), strength, label);
      if (span !== null && hasThreeWords(span.text)) spans.push(span);
    }
  }
  let starts: Uint32Array | undefined;
  for (const match of text.matchAll(CONSEQUENCE)) {
    starts ??= clauseStarts(text);
    const span = makeSpan(text, starts[match.index]!, clauseEnd(text, match.index + match[0].length), 0.7, 'consequence');
    if (span !== null && hasThreeWords(span.text)) spans.push(span);
  }
  return dedupeSpans(spans);
}
