import { dedupeSpans, makeSpan, type Span } from './spans.js';

/**
 * Reasons and purposes in a sentence: what /why answers point at. Each marker starts a clause that
 * runs to the next clause boundary: "aiming to keep up momentum to restore bilateral ties",
 * "fearing that touchy topics might anger Beijing", "after years of fraught ties ...".
 */

/** Markers of purpose or cause, strongest first. `from` says where the span starts. */
const MARKERS: ReadonlyArray<{ pattern: RegExp; strength: number; label: string }> = [
  {
    pattern: /\b(?:aiming|aims|aimed|aim|seeking|seeks|sought|hoping|hopes|hoped|wanting|wants|intending|intends|in order|so as|in a bid|in an effort|in an attempt|trying|tries|working|plans|planning|designed|meant|looking)\s+to\b/giu,
    strength: 1,
    label: 'purpose',
  },
  { pattern: /\b(?:because(?:\s+of)?|due to|owing to|thanks to|as a result of|in response to|in protest|for fear|fearing|citing|given that|so that|after years of|amid)\b/giu, strength: 1, label: 'cause' },
  { pattern: /\b(?:seeking|pursuing|hoping for|calling for|pushing for)\b/giu, strength: 0.9, label: 'purpose' },
  // "to deepen cooperation", "to support his efforts": an infinitive of purpose (a verb follows "to").
  { pattern: /(?<!\b(?:scheduled|set|expected|likely|going|able|due|has|have|had|is|are|was|were|used|about|tends?|seems?|appears?|wants?|began|begins?|started|starts?|agreed|decided|refused|continues?|continued|plans?|planned|visit|head|heads|travel|travels|return|returns|trip)\s)\bto\s+(?!(?:the|a|an|his|her|its|their|our|this|that|these|those|be|\d)\b)\p{Ll}+(?<!ic|al|ous|ive|ful|ern|ese|ish|ian|ary|ly)\b/gu, strength: 0.6, label: 'purpose' },
  { pattern: /\bfor\s+\p{Ll}+ing\b/gu, strength: 0.6, label: 'purpose' },
];

/** Verbs of consequence: the clause they stand in gives a reason ("taking sides only worsens tensions"). */
const CONSEQUENCE = /\b(?:worsens?|worsened|hurts?|harms?|helps?|helped|causes?|caused|leads? to|led to|lead\b[^,.;]{0,40}\bto|results? in|resulted in|threatens?|threatened|undermines?|undermined|risks?|boosts?|boosted|improves?|damages?|damaged|angers?|angered)\b/giu;

// Where a clause ends: punctuation, a quotation mark, or a conjunction that starts another clause.
const CLAUSE_END = /[,;:.!?()“”"]|\s(?:while|but|whereas|although|though|and then|as well as)\s/u;
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
 * mark or quotation mark before it (0 when there is none). One pass, for all the markers of a sentence.
 */
function clauseStarts(text: string): Uint32Array {
  const starts = new Uint32Array(text.length + 1);
  let start = 0;
  for (let i = 0; i < text.length; i++) {
    starts[i] = start;
    if (CLAUSE_PUNCTUATION.has(text.charAt(i))) start = i + 1;
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
