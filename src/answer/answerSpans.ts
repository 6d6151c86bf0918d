import { datelineLength } from '../language/dateline.js';
import type { LinkedEntity, SentenceAnalysis } from '../language/sentenceAnalysis.js';
import { DEMONYMS, PLACE_WORDS, PLACES, TITLES } from '../language/gazetteer.js';
import { isDigitGroupComma, makeSpan, type Span } from '../language/spans.js';
import { speaksOfThePast } from '../language/sentenceTense.js';
import { isPersonNoun } from '../language/roleNouns.js';
import { synonymStems } from '../language/synonyms.js';
import { PEOPLE_WORDS } from '../language/wordLists.js';
import { stemsOf } from '../language/tokenize.js';
import { PEOPLE_UNIT, type AnswerKind, type WantedAnswer } from './question.js';
import { LOCATIVES, SPEAKER_VERBS, wordsPattern } from '../language/wordLists.js';

/**
 * The spans of a sentence that could be the short answer to a question of a given kind, each
 * scored by how clearly it is such an answer and how close it stands to the words the question
 * matched: an answer is usually in the same clause as what was asked about.
 */
export interface ScoredSpan {
  span: Span;
  score: number;
}

/** Tokens between two points count this much more for each clause boundary in between. */
const BOUNDARY_COST = 4;
/** Distance (in tokens) at which an answer's score halves. */
const HALF_DISTANCE = 8;
/**
 * The same for a reason: it stands in a clause of its own, often after the event's details ("closed
 * a 60-km stretch of the highway on Saturday because ..."). Across the 23 regression sets, from 8 to
 * 16: four more right reasons in bold, none wrong.
 */
const REASON_HALF_DISTANCE = 16;

const SPEECH_VERB = new RegExp(`^(?:${wordsPattern(SPEAKER_VERBS, ['according'])})$`, 'i');
// "Lee Jae-mook, political science professor at ..., told AFP": the speaker, behind a description.
// Sticky: tried where the name ends (lastIndex), never on a copy of the rest of the sentence.
const SPEAKER_AFTER_APPOSITION = new RegExp(`\\s*,[^,;.“”"]{1,100},\\s*(?:${wordsPattern(SPEAKER_VERBS)})\\b`, 'y');
const PREPOSITIONS = new Set(['at', 'of', 'from', 'in', 'with', 'for', 'by', 'on', 'to']);
const DETERMINERS = new Set(['the', 'a', 'an']);
const LOCATIVE = new Set(LOCATIVES);
const COMPANY_NOUNS =
  /^(?:compan(?:y|ies)|firms?|groups?|conglomerates?|makers?|brands?|carriers?|banks?|lenders?|giants?|chaebols?|businesses)$/i;

const ENTITY_STRENGTH: Readonly<Partial<Record<AnswerKind, Partial<Record<LinkedEntity['type'], number>>>>> = {
  // A country can be the actor too ("the United States, its chief defence guarantor"), but seldom.
  person: { person: 1, organisation: 0.85, name: 0.75, place: 0.4 },
  organisation: { organisation: 1, name: 0.9, person: 0.5, place: 0.3 },
  place: { place: 0.85, name: 0.5, organisation: 0.5 },
};

/**
 * Each candidate costs time in proportion to its own length (and the logarithm of the sentence's),
 * never to the sentence's: one over-long sentence cannot hold up the questions of everyone else.
 */
export function answerSpans(sentence: SentenceAnalysis, wanted: WantedAnswer, matched: ReadonlySet<number>): ScoredSpan[] {
  const { kind } = wanted;
  const sortedMatched = Int32Array.from(matched).sort();
  const scored = candidateSpans(sentence, wanted, matched, sortedMatched).map(({ span, first, last, governsSentence }) => ({
    span,
    score:
      span.strength /
      (1 +
        (governsSentence === true ? 0 : distanceToMatch(sentence, first, last, sortedMatched, kind)) /
          (kind === 'reason' ? REASON_HALF_DISTANCE : HALF_DISTANCE)),
  }));
  return scored.filter((s) => s.score > 0).sort((a, b) => b.score - a.score || a.span.start - b.span.start);
}

interface Candidate {
  span: Span;
  first: number;
  last: number;
  /**
   * The span stands for the whole sentence, wherever the question's words are in it: a time phrase
   * that opens the sentence ("Hours before the launch, ...") dates all of it; the speaker of a
   * sentence that is a quotation said all of it.
   */
  governsSentence?: boolean;
}

function candidateSpans(
  sentence: SentenceAnalysis,
  wanted: WantedAnswer,
  matched: ReadonlySet<number>,
  sortedMatched: Int32Array,
): Candidate[] {
  const { kind } = wanted;
  switch (kind) {
    case 'time':
      return novel(
        sentence,
        withTokens(
          sentence,
          previousFirst(
            sentence.text,
            inCalendarUnit(sentence.times, wanted.unit ?? null).map((t) => withTimeQualifier(sentence.text, t)),
            wanted.previous === true,
          ),
        ),
        matched,
      ).map((c) => (opensSentence(sentence, c) ? { ...c, governsSentence: true } : c));
    case 'duration':
      return novel(
        sentence,
        withTokens(
          sentence,
          elapsedFirst(
            sentence.text,
            sentence.times.map((s) => ({
              ...s,
              strength:
                s.label === 'duration' ? 1 : s.label === 'range' ? 0.9 : isDay(s) && !endsAPeriod(sentence.text, s) ? 0 : s.strength * 0.6,
            })),
            wanted.previous === true,
          ),
        ),
        matched,
      );
    case 'reason': {
      const reasons = withTokens(sentence, sentence.reasons).filter((c) => !coveredBy(c, matched, 0.8));
      return reasons.length > 0 ? reasons : reportedReasons(sentence, matched);
    }
    case 'person':
    case 'organisation':
    case 'place':
      return entitySpans(sentence, kind, matched, sortedMatched, wanted.asksForSpeaker);
    case 'name':
      return nameSpans(sentence, matched);
    case 'description':
      return descriptionSpans(sentence, matched);
    case 'quantity':
      return withTokens(sentence, quantitySpans(sentence.text)).flatMap((c) => {
        const unit = wanted.unit ?? null;
        const measure = unit === null ? undefined : MEASURES[unit];
        if (measure !== undefined) return measure.test(c.span.text) || (unit === 'age' && isAgeApposition(sentence, c.span)) ? [c] : [];
        if (countsAskedUnit(sentence, c, matched, unit))
          return [{ ...c, span: { ...c.span, strength: Math.min(1, c.span.strength + UNIT_BONUS) } }];
        if (coveredBy(c, matched, 0.5)) return [];
        // "How many members": a number of something else ("six-day") is no answer to it.
        return unit === null ? [c] : [];
      });
    case 'thing':
      // "What did the minister say": what was said, in its quotation marks.
      return wanted.asksForSpeaker
        ? [...quotationSpans(sentence), ...clauseSpans(sentence, matched, sortedMatched)]
        : clauseSpans(sentence, matched, sortedMatched);
  }
}

/**
 * Words that qualify a time and belong to the answer: "shortly before midnight", "the following
 * afternoon", "at least Saturday", "no later than Friday".
 */
const TIME_QUALIFIER =
  /(?:\b(?:shortly|just|soon|right|immediately|well|long)\s+(?:before|after)|\bthe\s+(?:following|next|previous)|\bat\s+(?:least|the\s+earliest|the\s+latest)|\bno\s+(?:later|earlier)\s+than|\bas\s+(?:early|late)\s+as|\b(?:early|late)(?:\s+on)?)\s+$/iu;

function withTimeQualifier(text: string, span: Span): Span {
  const match = TIME_QUALIFIER.exec(text.slice(Math.max(0, span.start - 30), span.start));
  if (match === null) return span;
  const start = span.start - match[0].length;
  return { ...span, start, text: text.slice(start, span.end) };
}

/** "The first eruption since 2009": the time it last happened before, what "when did it last erupt" asks. */
const FIRST_SINCE = /\bfirst\b[^.;,]{0,60}\bsince\s+$/iu;
const FIRST_BEFORE = /\bfirst\b[^.;,]{0,60}$/iu;
/** What the other times of a sentence that has one keep of their strength (see Question.previous). */
const NOT_PREVIOUS_SHARE = 0.3;

/** For a question about when it last happened: the time of "the first since ..." first, the others weaker. */
function previousFirst(text: string, times: Span[], previous: boolean): Span[] {
  if (!previous) return times;
  const isPrevious = (span: Span) => {
    const before = text.slice(0, span.start);
    return /^since\b/iu.test(span.text) ? FIRST_BEFORE.test(before) : FIRST_SINCE.test(before);
  };
  const weaker = (span: Span): Span => weakened(span, NOT_PREVIOUS_SHARE);
  // A sentence that neither tells "the first since" nor speaks of the past ("they met in March",
  // "it last erupted in 2009", "a ferry sank there in 2009") tells when this time is ("heads to
  // China on Sunday", "will visit from January 4").
  if (!times.some(isPrevious)) return speaksOfThePast(text) ? times : times.map(weaker);
  return times.map((span) => (isPrevious(span) ? span : weaker(span)));
}

/** The span, counting `factor` as much. */
function weakened(span: Span, factor: number): Span {
  return { ...span, strength: span.strength * factor };
}

/** A day or a date, one day of the calendar. */
function isDay(span: Span): boolean {
  return span.label === 'weekday' || span.label === 'date';
}

/**
 * "How long": a day or date that ends or opens a period ("shut until at least Saturday", "since 2019")
 * says how long; a day alone ("confirmed the trip on Tuesday") does not.
 */
function endsAPeriod(text: string, span: Span): boolean {
  return PERIOD_EDGE_IN.test(span.text) || PERIOD_EDGE_BEFORE.test(text.slice(Math.max(0, span.start - 40), span.start));
}
const PERIOD_EDGE_IN = /^(?:until|till|through|since)\b/iu;
const PERIOD_EDGE_BEFORE = /\b(?:until|till|through|since)\s+(?:(?:at\s+least|at\s+the\s+earliest|at\s+the\s+latest|early|late)\s+)?$/iu;

/** For a question about how long since it last happened: "in six years" after "the first", or "... ago", first; the others weaker. */
function elapsedFirst(text: string, durations: Span[], previous: boolean): Span[] {
  if (!previous) return durations;
  const isElapsed = (span: Span) =>
    /\bago$/iu.test(span.text) || (/^in\b/iu.test(span.text) && FIRST_BEFORE.test(text.slice(0, span.start)));
  if (!durations.some(isElapsed)) return durations;
  return durations.map((span) => {
    if (!isElapsed(span)) return weakened(span, NOT_PREVIOUS_SHARE);
    // "how long since": "six years", not "in six years".
    const opening = /^in\s+/iu.exec(span.text);
    return opening === null ? span : (makeSpan(text, span.start + opening[0].length, span.end, span.strength, span.label) ?? span);
  });
}

/** How much a quantity's strength gains when its unit is the question's. */
const UNIT_BONUS = 0.3;
/**
 * A measure asked for ("how tall", "how old", "how much money") is answered only by a number in its
 * units; "how many containers" only by a number of containers (or of what the question's words match).
 */
const MEASURES: Readonly<Record<string, RegExp>> = {
  height: /\b(?:m|metres?|meters?|feet|foot|ft)\b/iu,
  age: /\b(?:years? old|year-old|aged)\b/iu,
  distance: /\b(?:km|kilometres?|kilometers?|miles?|metres?|meters?)\b/iu,
  money:
    /[$€£¥₩₹₽₺]|\b(?:dollars?|euros?|pounds?|yen|yuan|renminbi|won|usd|eur|gbp|francs?|krona|kronor|krone|kroner|crowns?|rupees?|roubles?|rubles?|pesos?|reais|lira|lire|shekels?|dinars?|dirhams?|riyals?|baht|ringgit|rupiah|zloty|forints?|koruna|naira|shillings?|pence)\b/iu,
};

/** "Kaisa Lorr, 24, said": an age written as a bare number between commas right after a name, as news gives it. */
const AGE_APPOSITION = /^,\s*$/u;

function isAgeApposition(sentence: SentenceAnalysis, span: Span): boolean {
  if (!/^\d{1,3}$/u.test(span.text) || Number(span.text) > 120) return false;
  if (!/^\s*,/u.test(sentence.text.slice(span.end))) return false;
  return sentence.entities.some((e) => e.type === 'person' && AGE_APPOSITION.test(sentence.text.slice(e.end, span.start)));
}

/** What a span of several days counts for a question asking which day. */
const RANGE_FOR_A_DAY_FACTOR = 0.6;
/** What a time expression that is not in the calendar unit asked ("which day" → "11 days later") keeps. */
const OTHER_CALENDAR_UNIT_FACTOR = 0.5;
const YEAR = /\b(?:1[89]|20)\d{2}\b/u;

/** "2 p.m.", "6:12 a.m.", "14:30", "noon", "midnight": a time of day. */
const CLOCK_TIME = /\d\s*(?:a\.m\.?|p\.m\.?|am|pm)(?![\p{L}])|\b\d{1,2}:\d{2}\b|\b(?:noon|midnight)\b/iu;

/**
 * "What year" wants an expression with a year in it; "which day" or "what date" a date or a
 * weekday, not "11 days later". Other expressions stay, weaker: the sentence may word it so.
 */
function inCalendarUnit(times: Span[], unit: string | null): Span[] {
  if (unit === null) return times;
  // "What time", "what hour": a clock time ("2 p.m.") before any other time of the sentence, and
  // never a length of time ("for at least three weeks").
  if (unit === 'time' || unit === 'hour') {
    const ofDay = times.filter((span) => span.label !== 'duration');
    if (!ofDay.some((span) => CLOCK_TIME.test(span.text))) return ofDay;
    return ofDay.map((span) => (CLOCK_TIME.test(span.text) ? span : weakened(span, OTHER_CALENDAR_UNIT_FACTOR)));
  }
  // "What dates", "which days": a span of days ("January 4 to 7") more surely than one day.
  if (unit === 'dates' || unit === 'days')
    return times.map((span) => (span.label === 'weekday' ? weakened(span, OTHER_CALENDAR_UNIT_FACTOR) : span));
  const fits = (span: Span) =>
    unit === 'year'
      ? YEAR.test(span.text)
      : unit === 'weekday'
        ? span.label === 'weekday'
        : ['date', 'range', 'weekday'].includes(span.label);
  // "Which day": one day more surely than a span of several ("January 4 to 7").
  const factor = (span: Span) =>
    !fits(span) ? OTHER_CALENDAR_UNIT_FACTOR : (unit === 'day' || unit === 'date') && span.label === 'range' ? RANGE_FOR_A_DAY_FACTOR : 1;
  return times.map((span) => (factor(span) === 1 ? span : weakened(span, factor(span))));
}

/**
 * "How many years ..." asks for a number of years: a number whose unit is a word of the question
 * ("six years", "three-day") is the answer more surely than another number of the sentence.
 */

function countsAskedUnit(sentence: SentenceAnalysis, c: Candidate, matched: ReadonlySet<number>, unit: string | null): boolean {
  // "How many lifeboats": the number's own noun must be the one counted, not another matched word
  // ("31 launched them" counts no lifeboats).
  const unitStems = unit === null ? null : new Set(stemsOf(unit).flatMap((s) => [s, ...synonymStems(s)]));
  // "How many people": any kind of person counts ("240,000 passengers", "1,300 evacuees").
  if (unit === PEOPLE_UNIT) {
    for (let i = c.first + 1; i <= c.last; i++) {
      const word = sentence.tokens[i]!.lower;
      if (PEOPLE_WORDS.has(word) || isPersonNoun(word)) return true;
    }
  }
  for (let i = c.first; i <= c.last; i++) {
    if (!matched.has(i) || !(i > c.first || sentence.tokens[i]!.surface.includes('-'))) continue;
    if (unitStems === null || sentence.tokens[i]!.stems.some((s) => unitStems.has(s))) return true;
  }
  return false;
}

function withTokens(sentence: SentenceAnalysis, spans: Span[]): Candidate[] {
  return spans.map((span) => ({ span, first: sentence.tokenAt(span.start), last: sentence.tokenAt(span.end - 1) }));
}

/** Drops spans made (mostly) of the question's own words: they restate, not answer. */
function novel(_sentence: SentenceAnalysis, candidates: Candidate[], matched: ReadonlySet<number>): Candidate[] {
  return candidates.filter((c) => !coveredBy(c, matched, 0.5));
}

function coveredBy(c: Candidate, matched: ReadonlySet<number>, share: number): boolean {
  return matchedIn(c.first, c.last, matched) / (c.last - c.first + 1) > share;
}

/**
 * "Why is the opposition so angry": with no word that marks a reason, what someone is reported to
 * have said about it ("..., said the national government had cut funding for fire brigades") is the
 * reason they give; not where what was said only repeats the question ("reported North Korea fired a
 * missile" for "why did North Korea fire").
 */
const REPORTED = new RegExp(`\\b(?:${wordsPattern(SPEAKER_VERBS)})\\s+(?:that\\s+)?`, 'giu');
/**
 * How surely what was said is the reason, and the share of its words that may be the question's own.
 * Across the 25 regression sets: 5 more right first sentences and reasons, 1 more wrong; 0.4 lost
 * three of them to the answer floor, 0.6 gained nothing more.
 */
const REPORTED_STRENGTH = 0.5;
const REPORT_REPEATS_QUESTION = 0.3;

function reportedReasons(sentence: SentenceAnalysis, matched: ReadonlySet<number>): Candidate[] {
  const candidates: Candidate[] = [];
  for (const match of sentence.text.matchAll(REPORTED)) {
    const start = match.index + match[0].length;
    const span = makeSpan(sentence.text, start, Math.min(sentence.text.length, start + 160), REPORTED_STRENGTH, 'reported');
    if (span === null || span.text.split(/\s+/).length < 4) continue;
    const candidate = { span, first: sentence.tokenAt(span.start), last: sentence.tokenAt(span.end - 1) };
    if (!coveredBy(candidate, matched, REPORT_REPEATS_QUESTION)) candidates.push(candidate);
  }
  return candidates;
}

/**
 * "X, a brokerage based in the northern city of Y": the apposition that places the name before it.
 * From a matched word to the place: a comma, the description, and "based/headquartered/located in".
 */
const BASED_IN = /^\s*,\s*(?:an?|the|its)\s+[^,;.()“”"]{0,60}?\b(?:based|headquartered|located)\s+(?:in|at)\s+[^,;.()“”"]{0,40}$/iu;

function isBasedInAfterMatch(sentence: SentenceAnalysis, placeToken: number, sortedMatched: Int32Array): boolean {
  const before = firstAtLeast(sortedMatched, placeToken) - 1;
  if (before < 0) return false;
  const { tokens, text } = sentence;
  return BASED_IN.test(text.slice(tokens[sortedMatched[before]!]!.end, tokens[placeToken]!.start));
}

/** What an organisation or place in a phrase of its own ("at the X University") counts as the answer to "who". */
const INSTITUTION_OF_PERSON_FACTOR = 0.7;

/** A speaker's bonus: small in general, large when the question asks who said something. */
const SPEAKER_BONUS = { usual: 0.15, asked: 0.6 } as const;

function entitySpans(
  sentence: SentenceAnalysis,
  kind: 'person' | 'organisation' | 'place',
  matched: ReadonlySet<number>,
  sortedMatched: Int32Array,
  asksForSpeaker: boolean,
): Candidate[] {
  const strengths = ENTITY_STRENGTH[kind]!;
  const { entities, tokens, text } = sentence;
  const candidates: Candidate[] = [];
  // "TORSAND, March 11 (Test Wire) -": the wire that filed the story is no answer about it.
  const dateline = datelineLength(text);
  for (let i = 0; i < entities.length; i++) {
    const entity = entities[i]!;
    if (overlaps(entity.firstToken, entity.lastToken, matched) || entity.start < dateline) continue;
    const before = tokens[entity.firstToken - 1];
    const type = kind !== 'place' && entity.type === 'name' && isCompanyContext(sentence, entity) ? 'organisation' : entity.type;
    let strength = strengths[type] ?? 0;
    if (kind === 'place') strength = placeStrength(sentence, entity, strength);
    // "China is South Korea’s largest trading partner": the subject of "is" + what was asked.
    else if (isCopulaSubject(sentence, entity, matched)) strength = Math.max(strength, COPULA_STRENGTH);
    if (strength === 0) continue;
    // "firms such as Samsung", "executives from firms like Hyundai": named as examples of what was asked.
    if (kind !== 'place' && introducesExamples(tokens, entity.firstToken)) strength = Math.max(strength, EXAMPLE_STRENGTH);
    let quoted = false;
    if (kind !== 'place') {
      const after = tokens[entity.lastToken + 1];
      // The subject of "said"/"told": right after the verb, or before it unless a preposition makes
      // the name part of someone else's description ("professor at the X University, told AFP").
      const beforeThat = tokens[entity.firstToken - 2];
      const inPhrase =
        (before !== undefined && PREPOSITIONS.has(before.lower)) ||
        (before !== undefined && DETERMINERS.has(before.lower) && beforeThat !== undefined && PREPOSITIONS.has(beforeThat.lower));
      // "said Professor Kang": the verb may stand before the name's title.
      const beforeTitle = tokens[titleStart(tokens, entity.firstToken) - 1];
      const spoken =
        (beforeTitle !== undefined && SPEECH_VERB.test(beforeTitle.lower)) ||
        (!inPhrase && after !== undefined && SPEECH_VERB.test(after.lower)) ||
        (!inPhrase && matchesAt(SPEAKER_AFTER_APPOSITION, text, entity.end));
      if (spoken) strength += asksForSpeaker ? SPEAKER_BONUS.asked : SPEAKER_BONUS.usual;
      // "professor at the Hankuk University": where someone works, not who they are.
      if (kind === 'person' && type !== 'person' && inPhrase) strength *= INSTITUTION_OF_PERSON_FACTOR;
      quoted = spoken && opensWithQuotation(text);
      if (entity.titled) strength += 0.1;
    }
    // "Samsung and Hyundai Motor Group": names joined by "and" answer together.
    let last = entity;
    for (let next = entities[i + 1]; next !== undefined && joinsList(text, last, next, entity, matched); next = entities[i + 1]) {
      last = next;
      i++;
    }
    // The answer is the name; the phrase around it ("the city of ...") places it in the sentence.
    const first = kind === 'place' ? placePhraseStart(sentence, entity.firstToken) : entity.firstToken;
    // "into the Sea of Japan": a place's article is part of its name's answer ("the Sea of Japan").
    // So is an organisation's ("the Red Cross") and its owner's possessive ("China’s Foreign Ministry").
    const start = answerStart(tokens, text, entity, type);
    const span = makeSpan(text, start, last.end, Math.min(strength, 1.6), type);
    // "Danforth Securities, a brokerage based in the city of Kell": where the name asked about is based.
    const basedIn = kind === 'place' && isBasedInAfterMatch(sentence, first, sortedMatched);
    if (span !== null) candidates.push({ span, first, last: last.lastToken, governsSentence: quoted || basedIn });
  }
  // Places answer "who" only where the sentence names no one else.
  const named = (c: Candidate) => c.span.label !== 'place' || c.span.strength >= COPULA_STRENGTH;
  if (kind !== 'place' && candidates.some(named)) return candidates.filter(named);
  return candidates;
}

/**
 * What may stand between the asked words and their name: nothing ("Premier Li Qiang"), "of" ("the
 * island of Anholt"), or a naming word ("a summit called ...", "the missile, known as ..."). A comma
 * alone does not: "After the summit, Lind flew home" names no summit.
 */
const NAMING = /^\s+(?:of\s+)?$|^\s*,?\s*(?:called|named|dubbed|titled|known as)\s+$/i;

/**
 * The name of what the question asks about ("what was the name of the summit"): a name the asked
 * words are part of ("the APEC Summit"), or one right after them ("Premier Li Qiang", "a summit
 * called ..."). A name elsewhere in the sentence names something else.
 */
function nameSpans(sentence: SentenceAnalysis, matched: ReadonlySet<number>): Candidate[] {
  const { entities, tokens, text } = sentence;
  const candidates: Candidate[] = [];
  for (const entity of entities) {
    // The asked word last before the name, at most three words back ("summit called ...").
    let before: (typeof tokens)[number] | undefined;
    for (let i = entity.firstToken - 1; i >= Math.max(0, entity.firstToken - 3) && before === undefined; i--)
      if (matched.has(i)) before = tokens[i];
    // Part of the name asked about, the rest new ("APEC" of "the APEC Summit"); a name the question says whole names nothing new.
    const said = matchedIn(entity.firstToken, entity.lastToken, matched);
    const inside = said > 0 && said <= entity.lastToken - entity.firstToken;
    const after = said === 0 && before !== undefined && NAMING.test(text.slice(before.end, entity.start));
    if (!inside && !after) continue;
    const span = makeSpan(text, entity.start, entity.end, 1, 'name');
    if (span !== null) candidates.push({ span, first: entity.firstToken, last: entity.lastToken });
  }
  return candidates;
}

/** Where the titles written before a name start ("said Chief Executive Anna Lind" → "Chief"). */
function titleStart(tokens: SentenceAnalysis['tokens'], first: number): number {
  let start = first;
  while (start > 0 && TITLES.has(tokens[start - 1]!.lower)) start--;
  return start;
}

/**
 * Where a name's answer starts: its article ("the Red Cross": no person is named with one), and an
 * organisation's owner.
 */
function answerStart(tokens: SentenceAnalysis['tokens'], text: string, entity: LinkedEntity, type: string): number {
  const before = tokens[entity.firstToken - 1];
  if (before === undefined) return entity.start;
  if (before.lower === 'the') return before.start;
  if (type === 'person') return entity.start;
  const owner = OWNER_BEFORE.exec(text.slice(Math.max(0, entity.start - 40), entity.start));
  return owner === null ? entity.start : entity.start - owner[0].length;
}

/** "Denmark’s " just before a name: the organisation's owner, part of its name. */
const OWNER_BEFORE = /\p{Lu}[\p{L}.-]*['’]s\s+$/u;

/** A name given as an example ("such as X", "like X", "including X") answers "which ..." as surely as a name can. */
const EXAMPLE_STRENGTH = 1;

function introducesExamples(tokens: SentenceAnalysis['tokens'], first: number): boolean {
  const before = tokens[first - 1]?.lower;
  if (before === 'like' || before === 'including') return true;
  return before === 'as' && tokens[first - 2]?.lower === 'such';
}

/** A sentence that opens with a quotation ("“China views ...,” said Professor Kang"). */
function opensWithQuotation(text: string): boolean {
  return /^\s*["“]/u.test(text);
}

/** A span that opens the sentence and ends at its first comma: an introductory phrase of the whole sentence. */
function opensSentence(sentence: SentenceAnalysis, c: Candidate): boolean {
  return c.first === 0 && /^\s*,/u.test(sentence.text.slice(c.span.end));
}

/** Whether a sticky pattern matches `text` at `offset`. */
function matchesAt(pattern: RegExp, text: string, offset: number): boolean {
  pattern.lastIndex = offset;
  return pattern.test(text);
}

/** "Samsung and Hyundai Motor Group": the next name continues a list of the same sort of names. */
function joinsList(text: string, last: LinkedEntity, next: LinkedEntity, first: LinkedEntity, matched: ReadonlySet<number>): boolean {
  return (
    /^\s*(?:,|and|or|, and)\s*$/.test(text.slice(last.end, next.start)) &&
    (next.type === 'place') === (first.type === 'place') &&
    !overlaps(next.firstToken, next.lastToken, matched)
  );
}

/** A name that the sentence says *is* what the question asks about answers it, whatever it names. */
const COPULA_STRENGTH = 1.1;
const COPULA = /^(?:is|was|are|were|remains|remained|became)$/;

function isCopulaSubject(sentence: SentenceAnalysis, entity: LinkedEntity, matched: ReadonlySet<number>): boolean {
  const verb = sentence.tokens[entity.lastToken + 1];
  if (verb === undefined || !COPULA.test(verb.lower)) return false;
  for (let i = entity.lastToken + 2; i <= entity.lastToken + 4; i++) if (matched.has(i)) return true;
  return false;
}

/** A place is clearest after a locative word ("into the Sea of Japan", "city of Gyeongju"). */
function placeStrength(sentence: SentenceAnalysis, entity: LinkedEntity, base: number): number {
  const { tokens } = sentence;
  const before = tokens[entity.firstToken - 1];
  const beforeThat = tokens[entity.firstToken - 2];
  const locative =
    before !== undefined &&
    (LOCATIVE.has(before.lower) ||
      (before.lower === 'the' && beforeThat !== undefined && LOCATIVE.has(beforeThat.lower)) ||
      (before.lower === 'of' && beforeThat !== undefined && PLACE_WORDS.has(beforeThat.lower)) ||
      PLACE_WORDS.has(before.lower) ||
      before.lower === 'capital');
  // A name or an institution is a place only where the sentence puts something in or at it.
  if (entity.type === 'name') return locative ? 0.8 : 0;
  if (entity.type === 'organisation') return locative ? 0.8 : 0;
  if (entity.type === 'person') return 0;
  // A city (or anything but a country or region) is a more precise answer than a country.
  const country = PLACES.has(entity.key) && !/\b(?:city|of)\b/.test(entity.key) && entity.key.split(' ').length <= 2;
  return Math.min(1, base + (locative ? 0.15 : 0) - (country && !locative ? 0.1 : 0) + (country ? 0 : 0.1));
}

/**
 * How far before a name its phrase ("the South Korean city of", "presidential spokesperson") is
 * looked for, in tokens: far more than any such phrase, and a list of a thousand names is not
 * walked back to its start for each of them.
 */
const MAX_PHRASE_TOKENS = 24;

/**
 * Where the phrase naming a place starts: "the South Korean city of Gyeongju", "the Chinese capital
 * Beijing" are one answer, placed where the phrase starts.
 */
function placePhraseStart(sentence: SentenceAnalysis, firstToken: number): number {
  const { tokens } = sentence;
  let start = firstToken;
  let crossedPlaceWord = false;
  for (let i = firstToken - 1; i >= Math.max(0, firstToken - MAX_PHRASE_TOKENS); i--) {
    const token = tokens[i]!;
    if (PLACE_WORDS.has(token.lower) || token.lower === 'capital') crossedPlaceWord = true;
    else if (!(token.lower === 'of' || token.lower === 'the' || token.capitalized)) break;
    if (LOCATIVE.has(token.lower)) break;
    start = i;
  }
  if (!crossedPlaceWord) return firstToken;
  while (start < firstToken && tokens[start]!.lower === 'of') start++;
  return start;
}

function isCompanyContext(sentence: SentenceAnalysis, entity: LinkedEntity): boolean {
  const { tokens } = sentence;
  for (let i = entity.firstToken - 1; i >= Math.max(0, entity.firstToken - 3); i--) {
    if (COMPANY_NOUNS.test(tokens[i]!.lower)) return true;
  }
  return false;
}

/**
 * ", political science professor at the Hankuk University of Foreign Studies" after a name: its
 * description, up to the next comma or stop (at most a sentence's length: see MAX_SENTENCE_CHARS).
 * Sticky, like INSTITUTION: tried where the name ends, never on a copy of the rest of the sentence.
 */
const APPOSITION = new RegExp(
  `\\s*,\\s*((?:a|an|the|his|her|its|their)?\\s*\\p{Ll}[^,;.“”"]{0,600}?)(?=,|;|\\.|$|\\s(?:${wordsPattern(SPEAKER_VERBS)})\\b)`,
  'uy',
);
/** " of Hankuk University", " at the Bank of Korea" after a name: its institution (of a few dozen words at most). */
const INSTITUTION = /\s+(?:of|at|from)\s+(?:the\s+)?(?:\p{Lu}[\p{L}'’-]*(?:\s+(?:of|for|and)\s+|\s+)?){1,40}/uy;

/** "Lee Jae-mook, political science professor at ...": what the text says a named person is. */
function descriptionSpans(sentence: SentenceAnalysis, matched: ReadonlySet<number>): Candidate[] {
  const { text, tokens } = sentence;
  const candidates: Candidate[] = [];
  for (const entity of sentence.entities) {
    if (!overlaps(entity.firstToken, entity.lastToken, matched)) continue;
    APPOSITION.lastIndex = entity.end;
    const apposition = APPOSITION.exec(text);
    if (apposition !== null && apposition[1] !== undefined) {
      const start = entity.end + apposition[0].indexOf(apposition[1]);
      const span = makeSpan(text, start, start + apposition[1].length, 1, 'description');
      if (span !== null) candidates.push({ span, first: sentence.tokenAt(span.start), last: sentence.tokenAt(span.end - 1) });
    }
    // "presidential spokesperson Kang Yu-jung", "Professor Kang Jun-young of Hankuk University":
    // role words just before the name, with the institution after it when there is one.
    const first = roleStart(sentence, entity.firstToken);
    if (first < entity.firstToken) {
      INSTITUTION.lastIndex = entity.end;
      const institution = INSTITUTION.exec(text);
      const end = institution === null ? tokens[entity.firstToken - 1]!.end : entity.end + institution[0].trimEnd().length;
      const span = makeSpan(text, tokens[first]!.start, end, 0.9, 'description');
      if (span !== null) candidates.push({ span, first, last: sentence.tokenAt(span.end - 1) });
    }
  }
  return candidates;
}

/** Where the role words before a name start: lower-case role nouns and capitalised titles. */
function roleStart(sentence: SentenceAnalysis, nameStart: number): number {
  const { tokens, text } = sentence;
  let first = nameStart;
  while (first > Math.max(0, nameStart - MAX_PHRASE_TOKENS)) {
    const token = tokens[first - 1]!;
    const joined = /^\s+$/.test(text.slice(token.end, tokens[first]!.start));
    // A capital means a title ("Professor"), or only the start of the sentence ("Port director").
    const ordinaryWord = !token.isStopWord && !SPEECH_VERB.test(token.lower);
    const role = token.capitalized
      ? TITLES.has(token.lower) || DEMONYMS[token.lower] !== undefined || (first - 1 === 0 && ordinaryWord)
      : ordinaryWord;
    if (!joined || !role) break;
    first--;
  }
  return first;
}

/** Words that qualify a number ("about 9,400", "nearly 600", "more than 40"): part of the answer. */
const APPROXIMATELY = String.raw`(?:(?:about|around|roughly|nearly|almost|approximately|some|over|under|up to|at least|at most|more than|less than|fewer than|close to|as many as)\s+)?`;
/** Words that end a number's unit: "31 crew were rescued" → "31 crew". */
const UNIT_STOP =
  'and|or|of|the|a|an|to|in|on|at|for|by|from|with|over|as|than|were|was|is|are|be|been|had|has|have|will|would|could|did|do|does|that|which|who|each|per|awaiting|' +
  // "In 2021 it was fined": a pronoun or a conjunction after a number is no unit of it.
  'it|its|he|she|they|we|his|her|their|them|this|these|those|after|before|when|while|but|since|until';
// A number joined to the word before it by a hyphen is part of a name ("Aurel-3", "F-35"), not a
// quantity; one joined to a number is the top of a range ("10-15 people", "1.5-2 million crowns").
const NUMBER = new RegExp(
  String.raw`(?<!\p{L}-)\b${APPROXIMATELY}(?:\d+(?:[,.]\d+)*(?:\s*(?:%|per\s?cent|percent))?|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|dozens?|hundreds?|thousands?|millions?|billions?)(?:-\p{L}+)?(?:\s+(?:million|billion|trillion|thousand|hundred))?(?:\s+(?!(?:${UNIT_STOP})\b)\p{L}+){0,2}`,
  'giu',
);

/** "In 2024", "since 1998": a year, not a quantity (a number of four digits from 1800 to 2099, no comma). */
const YEAR_NUMBER = /^(?:1[89]|20)\d{2}(?![\d,.])/u;

function quantitySpans(text: string): Span[] {
  const spans: Span[] = [];
  for (const match of text.matchAll(NUMBER)) {
    if (YEAR_NUMBER.test(match[0])) continue;
    const span = makeSpan(text, match.index, match.index + match[0].length, 0.9, 'quantity');
    if (span !== null) spans.push(span);
  }
  return spans;
}

/** A clause's strength as an answer, and what each of the question's words inside it adds (up to a few). */
const CLAUSE_STRENGTH = 0.6;
const CLAUSE_PER_MATCH = 0.05;
const MAX_COUNTED_MATCHES = 4;

/**
 * For "what" questions: the clause that contains the matched words, as a thing is named in it.
 * Quotation marks do not end it: what was said is often the answer.
 */
function clauseSpans(sentence: SentenceAnalysis, matched: ReadonlySet<number>, sortedMatched: Int32Array): Candidate[] {
  const { text, tokens } = sentence;
  const candidates: Candidate[] = [];
  const seen = new Set<number>();
  // The matched tokens in text order: one pass over the text finds the boundary before each, and
  // another the boundary after each.
  let boundaryBefore = -1;
  let scanned = 0;
  let boundaryAfter = -1;
  for (const index of sortedMatched) {
    const token = tokens[index];
    if (token === undefined) continue;
    for (; scanned < token.start; scanned++) if (isClauseBoundary(text, scanned)) boundaryBefore = scanned;
    const start = boundaryBefore + 1;
    if (seen.has(start)) continue;
    seen.add(start);
    if (boundaryAfter < token.end) boundaryAfter = clauseEndAfter(text, token.end);
    const end = boundaryAfter;
    const span = makeSpan(text, start, Math.min(end, start + 160), CLAUSE_STRENGTH, 'clause');
    if (span !== null && span.text.split(/\s+/).length >= 3) {
      const first = sentence.tokenAt(span.start);
      const last = sentence.tokenAt(span.end - 1);
      // The clause that holds more of the question's words is more surely the one it asks about.
      const strength = CLAUSE_STRENGTH + CLAUSE_PER_MATCH * Math.min(matchedIn(first, last, matched), MAX_COUNTED_MATCHES);
      candidates.push({ span: { ...span, strength }, first, last });
    }
  }
  return candidates;
}

/** What a sentence quotes (at least three words), as the answer to "what did X say". */
const QUOTATION = /[“"]([^“”"]{8,300}?)[”"]/gu;
const QUOTATION_STRENGTH = 0.95;

function quotationSpans(sentence: SentenceAnalysis): Candidate[] {
  const candidates: Candidate[] = [];
  for (const match of sentence.text.matchAll(QUOTATION)) {
    const start = match.index + 1;
    const span = makeSpan(sentence.text, start, start + match[1]!.length, QUOTATION_STRENGTH, 'quotation');
    if (span === null || span.text.split(/\s+/).length < 3) continue;
    candidates.push({ span, first: sentence.tokenAt(span.start), last: sentence.tokenAt(span.end - 1), governsSentence: true });
  }
  return candidates;
}

/** The characters that end a clause for a "what" answer, besides a full stop. */
const CLAUSE_PUNCTUATION = new Set([',', ';', ':', '(', ')']);

/** Where the clause that goes on at `from` ends: its punctuation, a full stop before a space, or the text's end. */
function clauseEndAfter(text: string, from: number): number {
  for (let i = from; i < text.length; i++) {
    const char = text.charAt(i);
    if (isClauseBoundary(text, i) || (char === '.' && (i + 1 === text.length || /\s/u.test(text.charAt(i + 1))))) return i;
  }
  return text.length;
}

/** A clause's punctuation at `i`, but not the comma of a number ("1,400"). */
function isClauseBoundary(text: string, i: number): boolean {
  return CLAUSE_PUNCTUATION.has(text.charAt(i)) && !isDigitGroupComma(text, i);
}

/** How many of the tokens from `first` to `last` (both included) the question's words match. */
function matchedIn(first: number, last: number, matched: ReadonlySet<number>): number {
  let count = 0;
  for (let i = first; i <= last; i++) if (matched.has(i)) count++;
  return count;
}

function overlaps(first: number, last: number, matched: ReadonlySet<number>): boolean {
  for (let i = first; i <= last; i++) if (matched.has(i)) return true;
  return false;
}

/**
 * Tokens between a span and the nearest matched word, plus a cost for each clause boundary in
 * between (an apposition comma right next to a name costs nothing; neither do boundaries before a
 * reason, which usually stands in a clause of its own).
 */
function distanceToMatch(sentence: SentenceAnalysis, first: number, last: number, sortedMatched: Int32Array, kind: AnswerKind): number {
  if (sortedMatched.length === 0) return HALF_DISTANCE;
  // The nearest matched word on each side is the nearest in cost too: a word further away has more
  // tokens and no fewer boundaries between it and the span.
  const after = firstAtLeast(sortedMatched, first);
  if (after < sortedMatched.length && sortedMatched[after]! <= last) return 0;
  const cost = (a: number, b: number) => b - a - 1 + (kind === 'reason' ? 0 : BOUNDARY_COST * boundariesBetween(sentence, a, b));
  const left = after > 0 ? cost(sortedMatched[after - 1]!, first) : Infinity;
  const right = after < sortedMatched.length ? cost(last, sortedMatched[after]!) : Infinity;
  return Math.min(left, right);
}

/** The index of the first value at least `value` in a sorted array (its length when none is). */
function firstAtLeast(sorted: Int32Array, value: number): number {
  let low = 0;
  let high = sorted.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (sorted[middle]! < value) low = middle + 1;
    else high = middle;
  }
  return low;
}

/** A name and its description side by side ("Lee Jae-mook, political science professor", "the United States, its chief defence guarantor"). */
const APPOSITION_GAP = /^\s*,\s*(?:(?:its|his|her|their|the|a|an)\s+)*$/i;

function boundariesBetween(sentence: SentenceAnalysis, a: number, b: number): number {
  const { tokens, text } = sentence;
  if (b - a <= 3 && APPOSITION_GAP.test(text.slice(tokens[a]!.end, tokens[b]!.start))) return 0;
  return sentence.clauseBoundariesBetween(a, b);
}
