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
const CLAUSE_START = /[,;:.!?()“”"][^,;:.!?()“”"]*$/u;
const MAX_SPAN = 120;

function clauseEnd(text: string, from: number): number {
  const rest = text.slice(from);
  const match = CLAUSE_END.exec(rest);
  const end = match === null ? text.length : from + match.index;
  return Math.min(end, cutAtWord(text, from, from + MAX_SPAN));
}

function clauseStart(text: string, before: number): number {
  const head = text.slice(0, before);
  const match = CLAUSE_START.exec(head);
  return match === null ? 0 : match.index + 1;
}

function cutAtWord(text: string, start: number, limit: number): number {
  if (limit >= text.length) return text.length;
  const space = text.lastIndexOf(' ', limit);
  return space > start ? space : limit;
}

/** The reason and purpose clauses in a sentence. */
export function findReasonSpans(text: string): Span[] {
  const spans: Span[] = [];
  for (const { pattern, strength, label } of MARKERS) {
    for (const match of text.matchAll(pattern)) {
      const span = makeSpan(text, match.index, clauseEnd(text, match.index + match[0].length), strength, label);
      if (span !== null && span.text.split(/\s+/).length >= 3) spans.push(span);
    }
  }
  for (const match of text.matchAll(CONSEQUENCE)) {
    const start = clauseStart(text, match.index);
    const span = makeSpan(text, start, clauseEnd(text, match.index + match[0].length), 0.7, 'consequence');
    if (span !== null && span.text.split(/\s+/).length >= 3) spans.push(span);
  }
  return dedupeSpans(spans);
}
