import { compareResolvedDates, datesOverlap, findDateMentions, type ResolvedDate } from '../language/dateResolution.js';
import { stemWord } from '../language/stem.js';
import { tokenize } from '../language/tokenize.js';

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
  /** Content stems of that clause (names, nouns, verbs; nouns included): what it is about. */
  terms: string[];
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
  'summit', 'meeting', 'meet', 'talks', 'talk', 'visit', 'trip', 'tour', 'dinner', 'banquet', 'lunch', 'reception',
  'interview', 'briefing', 'conference', 'forum', 'ceremony', 'speech', 'address', 'launch', 'test', 'election', 'vote',
  'referendum', 'drill', 'exercise', 'parade', 'rally', 'protest', 'strike', 'attack', 'signing', 'announcement',
  'hearing', 'trial', 'verdict', 'session', 'inauguration', 'funeral', 'wedding', 'match', 'game', 'festival',
  'departure', 'depart', 'arrival', 'arrive', 'negotiation', 'dialogue', 'consultation', 'deadline', 'opening', 'release',
];
const EVENT_STEMS: ReadonlySet<string> = new Set(EVENT_WORDS.map((word) => stemWord(word)));

/** Words of a date expression are what differs between two datings, not what the event is about. */
const DATE_WORDS =
  /^(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?|(?:mon|tues|wednes|thurs|fri|satur|sun)day|today|tonight|yesterday|tomorrow|week|month|year|weekend|last|next|ago|earlier|later|\d+(?:st|nd|rd|th)?)$/;
/** A clause with fewer content words than this says too little: the whole sentence is used. */
const MIN_CLAUSE_TERMS = 3;

/** The content stems of the clause around offsets [start, end) of a sentence. */
export function clauseTerms(text: string, start: number, end: number): string[] {
  const before = text.slice(0, start);
  const clauseStart = Math.max(before.lastIndexOf(','), before.lastIndexOf(';')) + 1;
  const after = text.slice(end).search(/[,;]/);
  const clause = text.slice(clauseStart, after === -1 ? text.length : end + after);
  const terms = contentStems(clause);
  return terms.length >= MIN_CLAUSE_TERMS ? terms : contentStems(text);
}

function contentStems(text: string): string[] {
  const stems = new Set<string>();
  for (const token of tokenize(text)) {
    if (token.isStopWord || DATE_WORDS.test(token.lower)) continue;
    const stem = token.stems[0];
    if (stem !== undefined && stem.length > 1) stems.add(stem);
  }
  return [...stems];
}

/** The dated events of one sentence; `published` is its article's date (published, else inferred). */
export function sentenceEvents(sentence: TimelineSentence, published: string | null): DatedEvent[] {
  return findDateMentions(sentence.text, published).map((mention) => {
    const terms = clauseTerms(sentence.text, mention.start, mention.end);
    return {
      ref: sentence.ref,
      articleId: sentence.articleId,
      position: sentence.position,
      wording: mention.wording,
      start: mention.start,
      end: mention.end,
      date: mention.date,
      placedBy: null,
      nouns: terms.filter((term) => EVENT_STEMS.has(term)),
      terms,
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

/**
 * Whether two events of different articles are the same event: they name it with the same event
 * noun and their clauses are mostly about the same things (Dice coefficient of their terms, each
 * weighted by its rarity: sharing "Xi" and "summit" does not make a November meeting Monday's summit).
 */
export function sameEvent(a: DatedEvent, b: DatedEvent, weight: TermWeight): boolean {
  if (a.articleId === b.articleId || !a.nouns.some((noun) => b.nouns.includes(noun))) return false;
  const bTerms = new Set(b.terms);
  const total = (terms: readonly string[]) => terms.reduce((sum, term) => sum + weight(term), 0);
  const shared = total(a.terms.filter((term) => bTerms.has(term)));
  const both = total(a.terms) + total(b.terms);
  return both > 0 && (2 * shared) / both >= SAME_EVENT_OVERLAP;
}

/** The date an event is sorted by: its own, else the anchor's that places it. */
export function sortDate(event: DatedEvent): ResolvedDate | null {
  return event.date ?? event.placedBy?.date ?? null;
}

/** A bucket larger than this (an event noun with a very common term) names no event in particular. */
const MAX_BUCKET = 300;

/**
 * Pairs of events, in different articles, that are the same event with dates that cannot both be
 * true. Only events sharing an event noun are compared; a noun too common to compare all its events
 * is narrowed by each of the events' terms.
 */
function differingPairs(events: readonly DatedEvent[], weight: TermWeight): Array<[number, number]> {
  const byNoun = new Map<string, number[]>();
  events.forEach((event, i) => {
    if (event.date === null) return;
    for (const noun of event.nouns) pushTo(byNoun, noun, i);
  });
  const buckets: number[][] = [];
  for (const [noun, members] of byNoun) {
    if (members.length <= MAX_BUCKET) {
      buckets.push(members);
      continue;
    }
    const byTerm = new Map<string, number[]>();
    for (const i of members) for (const term of events[i]!.terms) if (term !== noun) pushTo(byTerm, term, i);
    for (const narrowed of byTerm.values()) if (narrowed.length <= MAX_BUCKET) buckets.push(narrowed);
  }
  const pairs = new Map<string, [number, number]>();
  for (const bucket of buckets) {
    for (let x = 0; x < bucket.length; x++) {
      for (let y = x + 1; y < bucket.length; y++) {
        const [i, j] = [bucket[x]!, bucket[y]!];
        const [a, b] = [events[i]!, events[j]!];
        if (datesOverlap(a.date!, b.date!) || !sameEvent(a, b, weight)) continue;
        pairs.set(`${Math.min(i, j)}:${Math.max(i, j)}`, [i, j]);
      }
    }
  }
  return [...pairs.values()];
}

function pushTo<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list === undefined) map.set(key, [value]);
  else list.push(value);
}

/** Calendar order of events; events of the same date keep their corpus order (ref, then offset). */
function compareEvents(a: DatedEvent, b: DatedEvent): number {
  return compareResolvedDates(sortDate(a)!, sortDate(b)!) || a.ref - b.ref || a.start - b.start;
}

/**
 * The timeline: events in calendar order, one event dated differently by different articles shown
 * as one entry of its versions (marked as differing, never merged into one date), and the events
 * with nothing to date them apart.
 */
export function orderTimeline(events: readonly DatedEvent[], weight: TermWeight): OrderedTimeline {
  const placed = events.filter((event) => sortDate(event) !== null).sort(compareEvents);
  const undated = events.filter((event) => sortDate(event) === null);
  // Union-find over the pairs that differ: each group becomes one entry.
  const parent = placed.map((_, i) => i);
  const root = (i: number): number => (parent[i] === i ? i : (parent[i] = root(parent[i]!)));
  for (const [i, j] of differingPairs(placed, weight)) parent[root(i)] = root(j);
  const groups = new Map<number, DatedEvent[]>();
  placed.forEach((event, i) => pushTo(groups, root(i), event));
  const entries: TimelineEntry[] = [];
  const seen = new Set<number>();
  placed.forEach((_, i) => {
    const r = root(i);
    if (seen.has(r)) return;
    seen.add(r);
    const members = groups.get(r)!;
    entries.push({ events: members, differing: members.length > 1 });
  });
  return { entries, undated };
}
