import type { SentenceAnalysis } from '../language/sentenceAnalysis.js';
import { contradictsNationality, matchConcepts, type Concept, type ConceptMatch } from '../search/queryConcepts.js';
import type { Candidate } from '../search/sentenceIndex.js';
import { answerSpans, type ScoredSpan } from './answerSpans.js';
import type { Question, Tense, WantedAnswer } from './question.js';
import { sentenceTense } from '../language/sentenceTense.js';
import { goesOn, sequenceRegions, type Direction, type Region } from '../language/sequence.js';
import { makeSpan } from '../language/spans.js';
import { tokenize } from '../language/tokenize.js';
import { replaceSynonymPhrases } from '../language/synonyms.js';

/**
 * Ranking of candidate sentences for a question. A sentence ranks by
 *  - coverage: the share of the query's concepts it matches, rare concepts weighing more (a
 *    sentence that leans on the one before may take the concepts it lacks from it);
 *  - answer: whether it holds an answer of the kind asked for, near the matched words;
 *  - proximity of the matched words to each other, tense agreement, and MiniSearch's BM25 score.
 * A sentence that covers too little of the query is not relevant at all: that is how the bot
 * abstains instead of quoting the least bad sentence.
 */

/**
 * The least coverage of the query that makes a sentence relevant. Chosen on the team's question
 * sets (docs/answer-quality.md): from 0.5 to 0.6, 20 fewer wrong answers and 10 fewer right first
 * sentences out of 218 questions; to 0.65 with everyday words weighing less (queryConcepts.ts),
 * better on all three figures across the nine sets than 0.6 before it.
 */
export const MIN_COVERAGE = 0.65;
/**
 * How strongly a role must match for what qualifies it to count less, and how much less. Across the
 * 23 regression sets: 3 more right answers ("whos the spokesperson for the korean prez office"),
 * none wrong once a role the sentence qualifies otherwise ("the captain of the Kestrel") was excluded.
 */
const ROLE_NAMED = 0.7;
const QUALIFIER_SHARE = 0.5;
const ROLE_QUALIFIER = new Set(['of', 'for', 'at']);
/**
 * Concepts found only in the sentence before count this much. This and the ranking's other
 * constants below marked "searched" were chosen together by a coordinate search over the 21
 * regression sets (docs/answer-quality.md, "Constants searched together").
 */
const CONTEXT_DISCOUNT = 0.65;
/** What an event a sentence going on from the one before leaves unsaid ("Later, ...") counts. */
const ASSUMED_DISCOUNT = 0.8;
/** A short answer found in the context sentence (the "he" of "he said") counts this much. */
const CONTEXT_ANSWER_DISCOUNT = 0.8;

/** How a sentence's score is made (base, answer and proximity searched; see CONTEXT_DISCOUNT). */
const WEIGHTS = { base: 0.85, answer: 0.35, proximity: 0.08, bm25: 0.05, tense: 0.06 } as const;
/**
 * A headline is a telegraphic summary of what the body says in full sentences: where the two come
 * close, the body's sentence is the better quote (searched; 0.95 before).
 */
const HEADLINE_FACTOR = 0.75;

/** The short answer found in a sentence. */
export interface FoundAnswer {
  text: string;
  start: number;
  end: number;
  /** True when the answer is in the context sentence, not the excerpt itself. */
  fromContext: boolean;
}

export interface RankedSentence {
  ref: number;
  score: number;
  coverage: number;
  needsContext: boolean;
  answer: FoundAnswer | null;
  /** How clearly the short answer is an answer of the kind asked for, near the question's words (0 without one). */
  answerScore: number;
}

/** What the ranking needs from the engine: sentence analyses and neighbours. */
export interface SentenceSource {
  analysis(ref: number): SentenceAnalysis;
  previous(ref: number): number | null;
  isHeadline(ref: number): boolean;
}

export function rankSentences(
  source: SentenceSource,
  question: Question,
  concepts: readonly Concept[],
  candidates: readonly Candidate[],
): RankedSentence[] {
  if (topicWeight(concepts) === 0) return [];
  const topBm25 = Math.max(...candidates.map((c) => c.score), Number.MIN_VALUE);
  const order =
    question.sequence === null ? null : { ...question.sequence, reference: referenceConcepts(concepts, question.sequence.reference) };
  // "Where does he go after Beijing": a sentence that goes on from the one before ("He will later
  // travel to Shanghai") may leave Beijing unsaid.
  const given = order?.direction === 'after' ? order.reference : null;
  const ranked: RankedSentence[] = [];
  for (const candidate of candidates) {
    const relevant = relevance(source, concepts, candidate.ref, given);
    if (relevant === null) continue;
    const { sentence, previous, matches, contextMatches, coverage } = relevant;
    // "What did Xi say about the launch": not a sentence that names neither Xi nor the one before it,
    // nor speaks of anyone as "he" or "she".
    if (
      question.kind === 'thing' &&
      question.asksForSpeaker &&
      !PERSONAL_PRONOUN.test(sentence.text) &&
      speakerUnsaid(matches, contextMatches)
    )
      continue;
    const matched = matchedTokens(matches);
    // "When was the observatory founded": a sentence that does not say the event dates something else.
    const eventUnsaid = question.kind === 'time' && unsaidEvent(matches, contextMatches);
    const answer = eventUnsaid
      ? null
      : order === null
        ? bestAnswer(sentence, previous, question, matched, contextMatches)
        : orderedAnswer(sentence, question, matches, order);
    const score =
      coverage * (WEIGHTS.base + WEIGHTS.answer * Math.min(answer?.score ?? 0, 1)) +
      WEIGHTS.proximity * proximity(matches) * coverage +
      WEIGHTS.bm25 * (candidate.score / topBm25) +
      WEIGHTS.tense * tenseAgreement(question.tense, sentence.text);
    ranked.push({
      ref: candidate.ref,
      score: source.isHeadline(candidate.ref) ? score * HEADLINE_FACTOR : score,
      coverage,
      needsContext: sentence.needsContext && previous !== null,
      answer: answer?.found ?? null,
      answerScore: answer?.score ?? 0,
    });
  }
  return ranked.sort((a, b) => b.score - a.score || a.ref - b.ref);
}

/**
 * The candidates relevant to the query, in the order given: those `rankSentences` ranks, without
 * looking for an answer in each (what a timeline needs: it dates them all).
 */
export function relevantSentences(source: SentenceSource, concepts: readonly Concept[], candidates: readonly Candidate[]): number[] {
  if (topicWeight(concepts) === 0) return [];
  return candidates.filter((candidate) => relevance(source, concepts, candidate.ref, null) !== null).map((candidate) => candidate.ref);
}

/**
 * The weight of what the question is about. The noun that describes the answer ("companies" in
 * "which companies exhibit") helps ranking but is not required: a sentence naming the exhibitors
 * answers without the word "companies".
 */
function topicWeight(concepts: readonly Concept[]): number {
  return concepts.reduce((sum, c) => (c.describesAnswer === true ? sum : sum + c.weight), 0);
}

/**
 * How a sentence (and the one before, when it leans on it) matches the query; null when it covers
 * too little of it. `given`: concepts that a sentence going on from the one before ("He will later
 * travel ...") may leave unsaid, as if said in the sentence before.
 */
function relevance(source: SentenceSource, concepts: readonly Concept[], ref: number, given: ReadonlySet<Concept> | null) {
  const sentence = source.analysis(ref);
  const previousRef = sentence.needsContext ? source.previous(ref) : null;
  const previous = previousRef === null ? null : source.analysis(previousRef);
  const matches = matchConcepts(concepts, sentence);
  const contextMatches = previous === null ? null : matchConcepts(concepts, previous);
  const earlier = previousRef === null ? [] : earlierContext(source, concepts, previousRef);
  const assumed = given !== null && given.size > 0 && goesOn(sentence.text) && toldBefore(source, given, ref) ? given : null;
  // "the spokesperson for the presidential office": where the sentence names the role itself, what
  // it qualifies counts less, in what the sentence has and in what the question asks.
  // Not where the sentence gives the role a qualifier of its own ("the captain of the Kestrel").
  const roleNamed = (c: Concept) => {
    if (c.qualifies === undefined) return false;
    const role = matches.find((m) => m.concept === c.qualifies);
    if (role === undefined || role.strength < ROLE_NAMED || role.tokens.length === 0) return false;
    const after = sentence.tokens[Math.max(...role.tokens) + 1];
    return after === undefined || !ROLE_QUALIFIER.has(after.lower);
  };
  // What each concept weighs in this sentence's coverage (the noun describing the answer, nothing).
  const weights = matches.map((m) =>
    m.concept.describesAnswer === true ? 0 : roleNamed(m.concept) ? m.concept.weight * QUALIFIER_SHARE : m.concept.weight,
  );
  const total = weights.reduce((sum, w) => sum + w, 0);
  const coverage =
    matches.reduce(
      (sum, m, i) =>
        sum +
        weights[i]! *
          Math.max(
            m.strength,
            CONTEXT_DISCOUNT * (contextMatches?.[i]?.strength ?? 0),
            earlier[i] ?? 0,
            assumed?.has(m.concept) === true ? ASSUMED_DISCOUNT : 0,
          ),
      0,
    ) / total;
  if (coverage < MIN_COVERAGE || contradictsNationality(matches, sentence)) return null;
  return { sentence, previous, matches, contextMatches, coverage };
}

/** "He has dodged questions": a sentence that may speak of the person asked about without naming them. */
const PERSONAL_PRONOUN = /\b(?:he|she|his|her|him)\b/i;

/** Whether a person the question names is named neither in the sentence nor in the one before. */
function speakerUnsaid(matches: readonly ConceptMatch[], contextMatches: readonly ConceptMatch[] | null): boolean {
  return matches.some((m, i) => m.concept.type === 'name' && m.strength === 0 && (contextMatches?.[i]?.strength ?? 0) === 0);
}

/** Whether a verb that names the event asked about is said neither in the sentence nor in the one before. */
function unsaidEvent(matches: readonly ConceptMatch[], contextMatches: readonly ConceptMatch[] | null): boolean {
  return matches.some(
    (m, i) =>
      m.concept.namesEvent === true && m.concept.describesAnswer !== true && m.strength === 0 && (contextMatches?.[i]?.strength ?? 0) === 0,
  );
}

/** How many sentences a chain of sentences leaning each on the one before may reach back ("Vrannick ..." ← "He ..." ← "His lawyer ..."). */
const CONTEXT_CHAIN = 3;

/**
 * How strongly the sentences before `previousRef` match each concept (by the concepts' order), as
 * far back as each leans on the one before it, each sentence further back counting less.
 */
function earlierContext(source: SentenceSource, concepts: readonly Concept[], previousRef: number): number[] {
  const strengths: number[] = [];
  let discount = CONTEXT_DISCOUNT;
  let ref: number | null = previousRef;
  for (let back = 1; back < CONTEXT_CHAIN && ref !== null && source.analysis(ref).needsContext; back++) {
    ref = source.previous(ref);
    if (ref === null) break;
    discount *= CONTEXT_DISCOUNT;
    matchConcepts(concepts, source.analysis(ref)).forEach((m, i) => (strengths[i] = Math.max(strengths[i] ?? 0, discount * m.strength)));
  }
  return strengths;
}

/** The tokens the question's concepts match, those that may not be the answer themselves (what answerSpans is given). */
export function matchedTokens(matches: readonly ConceptMatch[]): Set<number> {
  const tokens = new Set<number>();
  // What the answer is described as ("which agency" → "Maritime Authority") may be the answer itself.
  for (const m of matches) if (m.strength > 0 && m.concept.describesAnswer !== true) for (const t of m.tokens) tokens.add(t);
  return tokens;
}

function bestAnswer(
  sentence: SentenceAnalysis,
  previous: SentenceAnalysis | null,
  wanted: WantedAnswer,
  matched: ReadonlySet<number>,
  contextMatches: readonly ConceptMatch[] | null,
): { score: number; found: FoundAnswer } | null {
  const { kind } = wanted;
  const own: ScoredSpan | undefined = answerSpans(sentence, wanted, matched)[0];
  let best =
    own === undefined
      ? null
      : { score: own.score, found: { text: own.span.text, start: own.span.start, end: own.span.end, fromContext: false } };
  // "..., he said.": who "he" is, is in the sentence before.
  if (previous !== null && (kind === 'person' || kind === 'organisation') && (best === null || best.score < 0.5)) {
    const fromContext = answerSpans(previous, wanted, contextMatches === null ? new Set() : matchedTokens(contextMatches))[0];
    if (fromContext !== undefined && fromContext.score * CONTEXT_ANSWER_DISCOUNT > (best?.score ?? 0)) {
      best = {
        score: fromContext.score * CONTEXT_ANSWER_DISCOUNT,
        found: { text: fromContext.span.text, start: fromContext.span.start, end: fromContext.span.end, fromContext: true },
      };
    }
  }
  return best;
}

/** How many sentences back a sentence that goes on from earlier ones may find the event it goes on from. */
const GOES_ON_FROM = 8;

/** Whether one of the sentences shortly before `ref`, in its article, names all of `concepts`. */
function toldBefore(source: SentenceSource, concepts: ReadonlySet<Concept>, ref: number): boolean {
  const wanted = [...concepts];
  let previous = source.previous(ref);
  for (let back = 0; previous !== null && back < GOES_ON_FROM; back++, previous = source.previous(previous)) {
    if (matchConcepts(wanted, source.analysis(previous)).every((m) => m.strength > 0)) return true;
  }
  return false;
}

/** The concepts of the question that name the event its answer comes after or before ("the xi summit"). */
function referenceConcepts(concepts: readonly Concept[], reference: string): Set<Concept> {
  // The labels are the query's, with its synonym phrases read as one word ("prime minister" → "premier").
  const words = new Set(tokenize(replaceSynonymPhrases(reference)).map((t) => t.lower));
  return new Set(concepts.filter((c) => c.describesAnswer !== true && tokenize(c.label).every((t) => words.has(t.lower))));
}

/** How surely the part of a sentence its order words single out is the answer to a /what question. */
const ORDERED_PART_SCORE = 0.6;

/**
 * The answer to a question about order in time: only from the part of the sentence that names what
 * came after (or before) the event the question names, where the sentence orders the two; none
 * from a sentence that does not.
 */
function orderedAnswer(
  sentence: SentenceAnalysis,
  wanted: WantedAnswer,
  matches: readonly ConceptMatch[],
  order: { direction: Direction; reference: ReadonlySet<Concept> },
): { score: number; found: FoundAnswer } | null {
  const referenceAt = matches
    .filter((m) => m.strength > 0 && order.reference.has(m.concept))
    .map((m) => m.tokens.map((t) => sentence.tokens[t]?.start ?? -1));
  const matched = matchedTokens(matches);
  for (const regions of sequenceRegions(sentence.text, order.direction, referenceAt)) {
    const found = answerInParts(sentence, wanted, matched, regions);
    if (found !== null) return found;
  }
  return null;
}

/** The answer within the parts of a sentence (see orderedAnswer). */
function answerInParts(
  sentence: SentenceAnalysis,
  wanted: WantedAnswer,
  matched: ReadonlySet<number>,
  regions: readonly Region[],
): { score: number; found: FoundAnswer } | null {
  const within = (span: { start: number; end: number }) => regions.some((r) => span.start >= r.start && span.end <= r.end);
  if (wanted.kind !== 'thing' || wanted.asksForSpeaker) {
    const found = answerSpans(sentence, wanted, matched).find((s) => within(s.span));
    if (found === undefined) return null;
    const { text, start, end } = found.span;
    return { score: found.score, found: { text, start, end, fromContext: false } };
  }
  // "What comes after the summit": the part itself ("trade talks with Premier Li on Tuesday"), not
  // a clause around the question's words; of two parts, the one holding more of them ("what did Seoul skip").
  const held = (region: Region) =>
    sentence.tokens.filter((t) => matched.has(t.index) && t.start >= region.start && t.start < region.end).length;
  const region = regions.reduce((best, r) => (held(r) > held(best) ? r : best));
  const part = makeSpan(sentence.text, region.start, region.end, ORDERED_PART_SCORE, 'clause');
  const text = part?.text.replace(LEADING_CONNECTIVE, '');
  if (part === null || text === undefined || text.split(/\s+/).length < 2) return null;
  const start = part.end - text.length;
  return { score: ORDERED_PART_SCORE, found: { text, start, end: part.end, fromContext: false } };
}

/** Words a part of a sentence may open with that belong to neither event: "and", "then". */
const LEADING_CONNECTIVE = /^(?:(?:and|but|then|as|while|,)\s+)+/iu;

/**
 * How close together the matched concepts stand: the number of matched concepts over the length
 * of the shortest stretch of tokens that holds one of each (1 when they are side by side).
 */
function proximity(matches: readonly ConceptMatch[]): number {
  const present = matches.filter((m) => m.strength > 0 && m.tokens.length > 0);
  if (present.length < 2) return present.length === 1 ? 0.5 : 0;
  const events = present.flatMap((m, concept) => m.tokens.map((token) => ({ token, concept }))).sort((a, b) => a.token - b.token);
  const counts = new Map<number, number>();
  let covered = 0;
  let best = Infinity;
  let left = 0;
  for (const event of events) {
    counts.set(event.concept, (counts.get(event.concept) ?? 0) + 1);
    if (counts.get(event.concept) === 1) covered++;
    while (covered === present.length) {
      const start = events[left]!;
      best = Math.min(best, event.token - start.token + 1);
      const n = counts.get(start.concept)! - 1;
      counts.set(start.concept, n);
      if (n === 0) covered--;
      left++;
    }
  }
  return Math.min(1, present.length / best);
}

/** +1 when the sentence speaks in the tense the question asks in, -1 when in the other. */
function tenseAgreement(tense: Tense, text: string): number {
  if (tense === null) return 0;
  const told = sentenceTense(text);
  if (told === null) return 0;
  return told === tense ? 1 : -1;
}
