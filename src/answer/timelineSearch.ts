import { setImmediate as nextTurn } from 'node:timers/promises';
import { TimeSlices } from '../timeSlices.js';
import type { NameDirectory } from '../language/nameDirectory.js';
import type { ArticleInfo } from '../search/corpusIndex.js';
import { queryConcepts, searchTerms } from '../search/queryConcepts.js';
import type { SentenceIndex } from '../search/sentenceIndex.js';
import { readQuestion } from './question.js';
import { relevantSentences, type SentenceSource } from './rank.js';
import {
  articleAnchors,
  orderTimeline,
  orderTimelineInSteps,
  placeByAnchors,
  sentenceEvents,
  type Anchor,
  type DatedEvent,
  type OrderedTimeline,
  type TimelineSentence,
} from './timeline.js';
import type { Citation, Timeline, TimelineEvent, TimelineStatus } from './types.js';

/**
 * The timeline over an engine's corpus. For a topic, the engine's retrieval and ranking find the
 * relevant sentences first and only those are dated; for the whole corpus, every sentence is dated
 * once per engine (see AnswerEngine.timeline), in slices between which questions are answered.
 */

/**
 * What the timeline needs from the engine (AnswerEngine is one): its articles and sentences, the
 * full-text index and names for a topic's retrieval, the cached anchors and the citations.
 */
export interface TimelineSource extends SentenceSource {
  readonly articles: readonly ArticleInfo[];
  readonly index: SentenceIndex;
  readonly names: NameDirectory;
  /** Whether an article is still in the corpus (a moderator may remove one while the corpus is dated). */
  hasArticle(articleKey: number): boolean;
  articleOf(ref: number): ArticleInfo;
  sentenceText(ref: number): string;
  position(ref: number): number;
  anchors(articleKey: number): Anchor[];
  citation(ref: number): Citation;
}

/** How many sentences the full-text index hands to the ranking for a topic. */
const TOPIC_CANDIDATES = 300;
/** The longest stretch of dating, in milliseconds, between two turns of the event loop when the whole corpus is dated. */
const SLICE_MS = 8;

/** The article's date that relative expressions count from: published, else inferred. */
function referenceOf(article: ArticleInfo): string | null {
  return article.meta.published ?? article.meta.publishedInferred;
}

function timelineSentence(engine: TimelineSource, article: ArticleInfo, ref: number): TimelineSentence {
  return { ref, text: engine.sentenceText(ref), articleId: article.id, position: engine.position(ref) };
}

/** The absolute dates an article names (computed by the caller's cache, once per article). */
export function anchorsOfArticle(engine: TimelineSource, article: ArticleInfo): Anchor[] {
  const sentences: TimelineSentence[] = [];
  for (let i = 0; i < article.sentenceCount; i++) sentences.push(timelineSentence(engine, article, article.firstRef + i));
  return articleAnchors(sentences);
}

/** The events of the sentences relevant to a topic, or why there are none. */
export function topicEvents(engine: TimelineSource, topic: string): { status: TimelineStatus; events: DatedEvent[] } {
  const question = readQuestion('when', topic);
  const concepts = queryConcepts(question.query, engine.index, engine.names);
  // Nothing to look for, or a name the corpus has never heard of.
  if (concepts.length === 0 || concepts.some((c) => c.properName && !c.known)) return { status: 'not-found', events: [] };
  const candidates = engine.index.candidates(searchTerms(concepts), TOPIC_CANDIDATES);
  // Only which sentences are relevant matters here, not their order or short answers: all are dated.
  const relevant = relevantSentences(engine, concepts, candidates);
  if (relevant.length === 0) return { status: 'not-found', events: [] };
  const events: DatedEvent[] = [];
  for (const ref of relevant.sort((a, b) => a - b)) {
    const article = engine.articleOf(ref);
    const reference = referenceOf(article);
    // Its words were read for the ranking: the analysis has them.
    const found = sentenceEvents({ ...timelineSentence(engine, article, ref), tokens: engine.analysis(ref).tokens }, reference);
    events.push(...(reference === null ? placeByAnchors(found, engine.anchors(article.key)) : found));
  }
  return { status: events.length === 0 ? 'no-dates' : 'answered', events };
}

/** The events of every sentence of the corpus, article by article, yielding to the event loop between slices. */
export async function corpusEvents(engine: TimelineSource): Promise<DatedEvent[]> {
  const events: DatedEvent[] = [];
  const slices = new TimeSlices(nextTurn, SLICE_MS);
  for (const article of engine.articles) {
    const reference = referenceOf(article);
    const found: DatedEvent[] = [];
    for (let i = 0; i < article.sentenceCount; i++) {
      found.push(...sentenceEvents(timelineSentence(engine, article, article.firstRef + i), reference));
      if (slices.spent) {
        await slices.next();
        // Removed meanwhile by a moderator: its sentences are no longer to be read.
        if (!engine.hasArticle(article.key)) break;
      }
    }
    if (!engine.hasArticle(article.key)) continue;
    events.push(...(reference === null ? placeByAnchors(found, engine.anchors(article.key)) : found));
  }
  return events;
}

/** Orders a topic's events with the engine's term rarity. */
export function orderEvents(engine: TimelineSource, events: readonly DatedEvent[]): OrderedTimeline {
  return orderTimeline(events, (term) => engine.index.idf(term));
}

/** Orders the whole corpus's events, yielding to the event loop between steps. */
export function orderCorpusEvents(engine: TimelineSource, events: readonly DatedEvent[]): Promise<OrderedTimeline> {
  return orderTimelineInSteps(events, (term) => engine.index.idf(term), nextTurn);
}

/**
 * The timeline as answered: each event with its cited, highlighted sentence; at most `maxEvents`
 * of them (whole entries, dated first), the others only counted.
 */
export function timelineOf(
  engine: TimelineSource,
  topic: string | null,
  status: TimelineStatus,
  ordered: OrderedTimeline,
  maxEvents = Infinity,
): Timeline {
  const view = (event: DatedEvent): TimelineEvent => ({
    date: event.date,
    placedBy: event.placedBy,
    wording: event.wording,
    excerpt: {
      text: engine.sentenceText(event.ref),
      context: null,
      citations: [engine.citation(event.ref)],
      highlight: { start: event.start, end: event.end },
      score: 0,
    },
  });
  const entries: Timeline['entries'] = [];
  let room = maxEvents;
  for (const entry of ordered.entries) {
    if (entry.events.length > room) break;
    entries.push({ events: entry.events.map(view), differing: entry.differing });
    room -= entry.events.length;
  }
  return {
    topic,
    status,
    entries,
    undated: entries.length === ordered.entries.length ? ordered.undated.slice(0, room).map(view) : [],
    datedCount: ordered.entries.reduce((sum, entry) => sum + entry.events.length, 0),
    undatedCount: ordered.undated.length,
    articleCount: engine.articles.length,
  };
}
