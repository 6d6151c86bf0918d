import { dateSortKey, dayNumbers, findDateMentions, type ResolvedDate } from '../language/dateResolution.js';
import { DEMONYMS } from '../language/gazetteer.js';
import { stemWord } from '../language/stem.js';
import { tokenize, type Token } from '../language/tokenize.js';

/**
 * The timeline's logic, as pure functions: the dated events of sentences, the placing of events of
 * an undated article by the dates it does name, calendar order, and the events two articles date
 * differently.
 */

/** A sentence as the timeline reads it. */
export interface TimelineSentence {
  ref: number;
  text: string;
  articleId: string;
  /** 1-based position in its article. */
  position: number;
  /** Its tokens (`tokenize(text)`), when the caller has them already; else they are worked out when needed. */
  tokens?: readonly Token[];
}

/** An absolute date an article names, which places the article's events that have no date of their own. */
export interface Anchor {
  date: ResolvedDate;
  /** Sentence position of the date in its article. */
  position: number;
}

/** One time expression of one sentence: an event of the timeline. */
export interface DatedEvent {
  ref: number;
  articleId: string;
  position: number;
  /** The expression as the article words it, and where it is in the sentence. */
  wording: string;
  start: number;
  end: number;
  /** The date it names; null when it cannot be resolved (a relative expression in an undated article). */
  date: ResolvedDate | null;
  /** For an event without a date: the absolute date of the same article nearest to it, if any. */
  placedBy: Anchor | null;
  /** Event nouns of the clause around the date ("summit", "meeting"): what the event is. */
  nouns: string[];
  /** Content stems of that clause (names, nouns, verbs; nouns included): what it is about. Empty without nouns (never compared). */
  terms: string[];
  /** Stems of the sentence's capitalised words (people, places, organisations; "Norwegian" as "norway"): who and where. Likewise. */
  names: string[];
}

/** One line of the timeline: an event, or the versions of one event that articles date differently. */
export interface TimelineEntry {
  events: DatedEvent[];
  /** True when the events are one event dated differently by different articles. */
  differing: boolean;
}

export interface OrderedTimeline {
  /** Calendar order (events placed by an anchor at the anchor's date). */
  entries: TimelineEntry[];
  /** Events with no date and nothing to place them by, in corpus order. */
  undated: DatedEvent[];
}

/**
 * Nouns (and their verbs) that name an event in general English news: two sentences dating the same
 * event name it with one of these. Compared by stem.
 */
const EVENT_WORDS = [
  'summit',
  'meeting',
  'meet',
  'talks',
  'talk',
  'visit',
  'trip',
  'tour',
  'dinner',
  'banquet',
  'lunch',
  'reception',
  'interview',
  'briefing',
  'conference',
  'forum',
  'ceremony',
  'speech',
  'address',
  'launch',
  'test',
  'election',
  'vote',
  'referendum',
  'drill',
  'exercise',
  'parade',
  'rally',
  'protest',
  'strike',
  'attack',
  'signing',
  'announcement',
  'hearing',
  'trial',
  'verdict',
  'session',
  'inauguration',
  'funeral',
  'wedding',
  'match',
  'game',
  'festival',
  'departure',
  'depart',
  'arrival',
  'arrive',
  'negotiation',
  'dialogue',
  'consultation',
  'deadline',
  'opening',
  'release',
];
const EVENT_STEMS: ReadonlySet<string> = new Set(EVENT_WORDS.map((word) => stemWord(word)));

/** Words of a date expression are what differs between two datings, not what the event is about. */
const DATE_WORDS =
  /^(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?|(?:mon|tues|wednes|thurs|fri|satur|sun)day|today|tonight|yesterday|tomorrow|week|month|year|weekend|last|next|ago|earlier|later|\d+(?:st|nd|rd|th)?)$/;
/** A clause with fewer content words than this says too little: the whole sentence is used. */
const MIN_CLAUSE_TERMS = 3;

/**
 * How far on either side of a date its clause is looked for, in characters: more than a sentence
 * of the corpus holds (see MAX_SENTENCE_CHARS); in a longer text, the clause is cut there.
 */
const CLAUSE_REACH_CHARS = 1000;

/** A sentence's tokens, each with the stem it gives the sentence's content words (null: none). */
interface ContentTokens {
  tokens: readonly Token[];
  stems: ReadonlyArray<string | null>;
}

function contentTokens(tokens: readonly Token[]): ContentTokens {
  return { tokens, stems: tokens.map(contentStem) };
}

/** The stem a word gives the content words: none for stop words, date words and numbers. */
function contentStem(token: Token): string | null {
  if (token.isStopWord || DATE_WORDS.test(token.lower) || /\d/.test(token.lower)) return null;
  // "Norwegian" and "Norway" name the same country.
  const place = DEMONYMS[token.lower];
  const stem = place !== undefined && !place.includes(' ') ? stemWord(place) : token.stems[0];
  return stem !== undefined && stem.length > 1 ? stem : null;
}

/** The distinct content stems of the tokens inside [from, to) of the text; with `namesOnly`, of its capitalised words past the first. */
function contentStems(content: ContentTokens, from = 0, to = Infinity, namesOnly = false): string[] {
  const { tokens } = content;
  // The first token starting at or after `from` (tokens are in text order).
  let low = 0;
  let high = tokens.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (tokens[middle]!.start < from) low = middle + 1;
    else high = middle;
  }
  const stems = new Set<string>();
  for (let i = low; i < tokens.length && tokens[i]!.start < to; i++) {
    const token = tokens[i]!;
    const stem = content.stems[i];
    if (stem === null || stem === undefined || token.end > to) continue;
    if (namesOnly && (!token.capitalized || token.index === 0)) continue;
    stems.add(stem);
  }
  return [...stems];
}

/**
 * The content stems of the clause around offsets [start, end) of a sentence, else (too few) those
 * of the whole sentence (`sentenceTerms`, worked out once per sentence). A clause runs between
 * commas and semicolons, which no word holds: its words are the sentence's words inside it.
 */
function clauseTerms(text: string, content: ContentTokens, start: number, end: number, sentenceTerms: () => string[]): string[] {
  const from = Math.max(0, start - CLAUSE_REACH_CHARS);
  const before = text.slice(from, start);
  const clauseStart = from + Math.max(before.lastIndexOf(','), before.lastIndexOf(';')) + 1;
  const reach = Math.min(text.length, end + CLAUSE_REACH_CHARS);
  const after = text.slice(end, reach).search(/[,;]/);
  const terms = contentStems(content, clauseStart, after === -1 ? reach : end + after);
  return terms.length >= MIN_CLAUSE_TERMS ? terms : sentenceTerms();
}

/** A value worked out on first use only. */
function once<T>(compute: () => T): () => T {
  let value: { v: T } | undefined;
  return () => (value ??= { v: compute() }).v;
}

/** The dated events of one sentence; `published` is its article's date (published, else inferred). */
export function sentenceEvents(sentence: TimelineSentence, published: string | null): DatedEvent[] {
  const mentions = findDateMentions(sentence.text, published);
  if (mentions.length === 0) return [];
  // The sentence's words are read once, for all its dates.
  const content = contentTokens(sentence.tokens ?? tokenize(sentence.text));
  const sentenceTerms = once(() => contentStems(content));
  const names = once(() => contentStems(content, 0, Infinity, true));
  return mentions.map((mention) => {
    const terms = clauseTerms(sentence.text, content, mention.start, mention.end, sentenceTerms);
    const nouns = terms.filter((term) => EVENT_STEMS.has(term));
    // An event no noun names is never compared with another: its words need not be kept.
    const compared = nouns.length > 0;
    return {
      ref: sentence.ref,
      articleId: sentence.articleId,
      position: sentence.position,
      wording: mention.wording,
      start: mention.start,
      end: mention.end,
      date: mention.date,
      placedBy: null,
      nouns,
      terms: compared ? terms : [],
      names: compared ? names() : [],
    };
  });
}

/** The absolute dates of an article's sentences (those naming their year): what places its undated events. */
export function articleAnchors(sentences: readonly TimelineSentence[]): Anchor[] {
  const anchors: Anchor[] = [];
  for (const sentence of sentences) {
    for (const mention of findDateMentions(sentence.text, null)) {
      if (mention.absolute && mention.date !== null) anchors.push({ date: mention.date, position: sentence.position });
    }
  }
  return anchors;
}

/**
 * Events without a date get the absolute date of their article nearest to them (by sentence; the
 * earlier one on a tie); with none, they stay unplaced. Events with a date are returned as they are.
 */
export function placeByAnchors(events: readonly DatedEvent[], anchors: readonly Anchor[]): DatedEvent[] {
  if (anchors.length === 0) return [...events];
  return events.map((event) => {
    if (event.date !== null) return event;
    let best: Anchor | null = null;
    for (const anchor of anchors) {
      if (best === null || Math.abs(anchor.position - event.position) < Math.abs(best.position - event.position)) best = anchor;
    }
    return { ...event, placedBy: best };
  });
}

/** How rare a term is (higher = rarer): a shared rare name says more than a shared "South". */
export type TermWeight = (term: string) => number;

/** Two events are one when their clauses' shared terms weigh at least this share of both (Dice). */
const SAME_EVENT_OVERLAP = 0.45;
/** …and the names of the smaller side (who, where) are at least this much among the other's. */
const SAME_NAMES_OVERLAP = 0.5;
/**
 * Datings of one event that differ are days apart ("Thursday" against "Friday"); the same words
 * dated months or years apart tell another occurrence ("the fair drew 20,000 visitors last year").
 * A year is too coarse to tell either: years are never compared.
 */
const MAX_DISAGREEMENT_DAYS = 31;

function weightOf(terms: readonly string[], weight: TermWeight): number {
  return terms.reduce((sum, term) => sum + weight(term), 0);
}

/**
 * Whether two events of different articles are the same event: they name it with the same event
 * noun, their clauses are mostly about the same things (Dice coefficient of their terms, each
 * weighted by its rarity: sharing "Xi" and "summit" does not make a November meeting Monday's
 * summit), and the people and places their sentences name are mostly the same (a meeting of two
 * other people is another meeting).
 */
export function sameEvent(a: DatedEvent, b: DatedEvent, weight: TermWeight): boolean {
  if (a.articleId === b.articleId || !a.nouns.some((noun) => b.nouns.includes(noun))) return false;
  const bTerms = new Set(b.terms);
  const both = weightOf(a.terms, weight) + weightOf(b.terms, weight);
  if (
    both === 0 ||
    (2 *
      weightOf(
        a.terms.filter((term) => bTerms.has(term)),
        weight,
      )) /
      both <
      SAME_EVENT_OVERLAP
  )
    return false;
  if (a.names.length === 0 && b.names.length === 0) return true;
  const bNames = new Set(b.names);
  const smaller = Math.min(weightOf(a.names, weight), weightOf(b.names, weight));
  return (
    smaller > 0 &&
    weightOf(
      a.names.filter((name) => bNames.has(name)),
      weight,
    ) /
      smaller >=
      SAME_NAMES_OVERLAP
  );
}

/** The date an event is sorted by: its own, else the anchor's that places it. */
function sortDate(event: DatedEvent): ResolvedDate | null {
  return event.date ?? event.placedBy?.date ?? null;
}

/** A bucket larger than this (an event noun with a very common term) names no event in particular. */
const MAX_BUCKET = 100;

/**
 * Pairs of events, in different articles, that are the same event with dates that cannot both be
 * true but are near enough to be one event's (MAX_DISAGREEMENT_DAYS). Only events sharing an event noun are compared; a noun too common to compare all its events
 * is narrowed by each of the events' terms. Term weights are looked up once per term.
 */
function* differingPairs(events: readonly DatedEvent[], weight: TermWeight): Generator<void, Array<[number, number]>> {
  const weights = new Map<string, number>();
  const cachedWeight: TermWeight = (term) => {
    let w = weights.get(term);
    if (w === undefined) weights.set(term, (w = weight(term)));
    return w;
  };
  const byNoun = new Map<string, number[]>();
  for (let i = 0; i < events.length; i++) {
    const event = events[i]!;
    if (event.date !== null) for (const noun of event.nouns) pushTo(byNoun, noun, i);
    if ((i + 1) % STEP_EVENTS === 0) yield;
  }
  yield;
  const buckets: number[][] = [];
  for (const [noun, members] of byNoun) {
    if (members.length <= MAX_BUCKET) {
      buckets.push(members);
      continue;
    }
    const byTerm = new Map<string, number[]>();
    for (let m = 0; m < members.length; m++) {
      const i = members[m]!;
      for (const term of events[i]!.terms) if (term !== noun) pushTo(byTerm, term, i);
      if ((m + 1) % STEP_EVENTS === 0) yield;
    }
    for (const narrowed of byTerm.values()) if (narrowed.length > 1 && narrowed.length <= MAX_BUCKET) buckets.push(narrowed);
    yield;
  }
  // The days each date covers, as numbers: most pairs are ruled out by these alone (overlapping, or too far apart).
  // Computed when first needed: most events share no bucket with another.
  const dayCache = new Map<number, { first: number; last: number } | null>();
  const daysOf = (i: number) => {
    let days = dayCache.get(i);
    if (days === undefined) {
      const { date } = events[i]!;
      days = date === null || date.granularity === 'year' ? null : dayNumbers(date);
      dayCache.set(i, days);
    }
    return days;
  };
  const compared = new Set<number>();
  const pairs: Array<[number, number]> = [];
  let sinceStep = 0;
  for (const bucket of buckets) {
    sinceStep += bucket.length * bucket.length;
    if (sinceStep >= STEP_COMPARISONS) {
      sinceStep = 0;
      yield;
    }
    for (let x = 0; x < bucket.length; x++) {
      const dx = daysOf(bucket[x]!);
      if (dx == null) continue;
      for (let y = x + 1; y < bucket.length; y++) {
        const dy = daysOf(bucket[y]!);
        if (dy == null) continue;
        const gap = Math.max(dy.first - dx.last, dx.first - dy.last);
        if (gap <= 0 || gap > MAX_DISAGREEMENT_DAYS) continue;
        const [i, j] = [Math.min(bucket[x]!, bucket[y]!), Math.max(bucket[x]!, bucket[y]!)];
        const key = i * events.length + j;
        if (compared.has(key)) continue;
        compared.add(key);
        if (sameEvent(events[i]!, events[j]!, cachedWeight)) pairs.push([i, j]);
      }
    }
  }
  return pairs;
}

/** One event is told by a few articles at most: a larger group is a chain of look-alikes, not one event. */
const MAX_VERSIONS = 4;

/**
 * Groups the events that pairs say differ into the versions of one event: two groups join only if
 * every event of one is the same event as every event of the other (so a chain of look-alike
 * sentences A~B~C does not make one event of A and C), and never beyond MAX_VERSIONS. Returns the
 * group (indices in order) of each event that has one; the others stand alone.
 */
function groupVersions(
  events: readonly DatedEvent[],
  pairs: ReadonlyArray<readonly [number, number]>,
  weight: TermWeight,
): Map<number, number[]> {
  const groupOf = new Map<number, number[]>();
  for (const [i, j] of pairs) {
    const [a, b] = [groupOf.get(i) ?? [i], groupOf.get(j) ?? [j]];
    if (a === b || a.length + b.length > MAX_VERSIONS) continue;
    if (!a.every((x) => b.every((y) => sameEvent(events[x]!, events[y]!, weight)))) continue;
    const merged = [...a, ...b].sort((x, y) => x - y);
    for (const k of merged) groupOf.set(k, merged);
  }
  return groupOf;
}

function pushTo<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list === undefined) map.set(key, [value]);
  else list.push(value);
}

/** Events sorted between two steps of the ordering. */
const STEP_EVENTS = 20_000;

/**
 * Calendar order of events (dateSortKey); events of the same date keep their corpus order (ref,
 * then offset). Events are grouped by the first day they cover, and each day sorted on its own,
 * with steps between (a large corpus has many events and few distinct days).
 */
function* sortByDate(events: readonly DatedEvent[]): Generator<void, DatedEvent[]> {
  const byDay = new Map<number, Array<{ event: DatedEvent; key: [number, number, number] }>>();
  for (let i = 0; i < events.length; i++) {
    const event = events[i]!;
    const key = dateSortKey(sortDate(event)!);
    pushTo(byDay, key[0], { event, key });
    if ((i + 1) % STEP_EVENTS === 0) yield;
  }
  yield;
  const sorted: DatedEvent[] = [];
  let sinceStep = 0;
  for (const day of [...byDay.keys()].sort((a, b) => a - b)) {
    const keyed = byDay.get(day)!;
    keyed.sort((a, b) => a.key[1] - b.key[1] || a.key[2] - b.key[2] || a.event.ref - b.event.ref || a.event.start - b.event.start);
    for (const k of keyed) sorted.push(k.event);
    sinceStep += keyed.length;
    if (sinceStep >= STEP_EVENTS) {
      sinceStep = 0;
      yield;
    }
  }
  return sorted;
}

/**
 * The timeline: events in calendar order, one event dated differently by different articles shown
 * as one entry of its versions (marked as differing, never merged into one date), and the events
 * with nothing to date them apart.
 */
export function orderTimeline(events: readonly DatedEvent[], weight: TermWeight): OrderedTimeline {
  const steps = orderingSteps(events, weight);
  for (;;) {
    const step = steps.next();
    if (step.done === true) return step.value;
  }
}

/** The same as orderTimeline, awaiting `pause()` between steps of its work (for a large corpus: let other work run). */
export async function orderTimelineInSteps(
  events: readonly DatedEvent[],
  weight: TermWeight,
  pause: () => Promise<void>,
): Promise<OrderedTimeline> {
  const steps = orderingSteps(events, weight);
  for (;;) {
    const step = steps.next();
    if (step.done === true) return step.value;
    await pause();
  }
}

/** Comparisons of events between two steps of the ordering. */
const STEP_COMPARISONS = 50_000;

function* orderingSteps(events: readonly DatedEvent[], weight: TermWeight): Generator<void, OrderedTimeline> {
  const placed = yield* sortByDate(events.filter((event) => sortDate(event) !== null));
  const undated = events.filter((event) => sortDate(event) === null);
  yield;
  // Each group of versions becomes one entry, where its earliest version stands.
  const groupOf = groupVersions(placed, yield* differingPairs(placed, weight), weight);
  yield;
  const entries: TimelineEntry[] = [];
  for (let i = 0; i < placed.length; i++) {
    const group = groupOf.get(i);
    if (group === undefined) entries.push({ events: [placed[i]!], differing: false });
    else if (group[0] === i) entries.push({ events: group.map((k) => placed[k]!), differing: true });
    if ((i + 1) % STEP_EVENTS === 0) yield;
  }
  return { entries, undated };
}
