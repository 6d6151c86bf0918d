import { setImmediate as nextTurn } from 'node:timers/promises';
import type { Article } from '../corpus/types.js';
import type { NameDirectory } from '../language/nameDirectory.js';
import { isPersonNoun } from '../language/roleNouns.js';
import { SentenceAnalysis } from '../language/sentenceAnalysis.js';
import { CorpusIndex, type ArticleInfo } from '../search/corpusIndex.js';
import { queryConcepts, searchTerms, type Concept } from '../search/queryConcepts.js';
import type { SentenceIndex } from '../search/sentenceIndex.js';
import type { SuggestionIndex } from '../search/suggestions.js';
import { AnalysisCache } from './analysisCache.js';
import { articleLabel, namedByFirstWords, type ArticleLabel } from './articleLabel.js';
import { mergeSameFacts } from './sameFacts.js';
import { readQuestion, type AnswerKind, type Command, type Question } from './question.js';
import { rankSentences, type RankedSentence } from './rank.js';
import { readRoleInTime } from './roleInTime.js';
import { findDateMentions, type ResolvedDate } from '../language/dateResolution.js';
import type { Anchor, OrderedTimeline } from './timeline.js';
import { anchorsOfArticle, corpusEvents, orderCorpusEvents, orderEvents, timelineOf, topicEvents } from './timelineSearch.js';
import type { Answer, Citation, Excerpt, Timeline } from './types.js';
import { truncate } from '../text/truncate.js';
import { stemsOf } from '../language/tokenize.js';
import { TIME_UNIT_WORDS } from '../language/wordLists.js';

/** How many excerpts an answer shows unless asked otherwise, and at most. */
export const DEFAULT_EXCERPTS = 3;
export const MAX_EXCERPTS = 5;
/** How many sentences the full-text index hands to the ranking. */
const CANDIDATES = 80;
/** An excerpt is shown only if it scores at least this share of the best one. */
const RELATIVE_SCORE_FLOOR = 0.5;
export const MAX_ANSWER_LENGTH = 120;
/** Sentence analyses kept between questions (the most recently used). */
const ANALYSIS_CACHE_SIZE = 20_000;
/** How much the noun of "which companies" counts next to the topic words. */
const FOCUS_WEIGHT = 0.3;
/**
 * The least answer score (see rankSentences) at which the short answer is shown in bold. Below it
 * the excerpts are shown without one: a wrong bold answer misleads more than none. Chosen on the
 * team's question sets (docs/answer-quality.md): answers below it were wrong more often than right.
 */
export const MIN_ANSWER_SCORE = 0.46;
/**
 * A short answer is shown only if no sentence with another short answer ranks within this of the
 * best one: two answers nearly tied is a guess. On the team's seventeen question sets (499 short
 * answers), below 0.03 the answers were 9 right and 13 wrong; from 0.03 to 0.04, 16 right and 4 wrong.
 */
const MIN_ANSWER_MARGIN = 0.03;
/**
 * Kinds of question that only a sentence holding such a span can answer: "how many" wants a
 * number, "when" a time, "who" a name, "why" a reason. When no relevant sentence holds one, the
 * corpus does not say. For "why", across the 23 regression sets: 10 fewer questions the articles
 * do not answer quoted anyway ("why did North Korea fire the missile" → the sentence saying it
 * did), 7 right first sentences lost where the reason is told without a word that marks it.
 */
const KINDS_NEEDING_A_SPAN: ReadonlySet<AnswerKind> = new Set([
  'time',
  'duration',
  'quantity',
  'person',
  'organisation',
  'place',
  'name',
  'reason',
]);

export interface AnswerOptions {
  /** How many excerpts to show (default DEFAULT_EXCERPTS, at most MAX_EXCERPTS). */
  maxExcerpts?: number;
  /**
   * How many relevant excerpts to skip, best first: the next page of an answer starts where the
   * one before ended (default 0). The short answer is always the best sentence's.
   */
  offset?: number;
}

/**
 * Answers questions from one corpus index. A reload builds a new engine and swaps it in whole; a
 * moderator's add or remove changes the engine's index in place, in one step (see CorpusIndex).
 * Between changes, answering is a pure function of the engine and the question.
 */
export class AnswerEngine {
  private readonly analyses = new AnalysisCache(ANALYSIS_CACHE_SIZE);
  /** The absolute dates of undated articles, by article key, found on first use. */
  private readonly anchorsByArticle = new Map<number, Anchor[]>();
  /** The whole corpus's timeline, computed on first use and kept until the corpus changes. */
  private wholeTimeline: { promise: Promise<OrderedTimeline>; done: boolean; change: number } | undefined;

  constructor(readonly corpus: CorpusIndex) {}

  /** An engine for loaded articles (built on this thread). */
  static fromArticles(articles: readonly Article[]): AnswerEngine {
    return new AnswerEngine(CorpusIndex.build(articles));
  }

  /** The articles, in corpus order. */
  get articles(): readonly ArticleInfo[] {
    return this.corpus.articles;
  }

  /** The sentences' full-text index (MiniSearch) and term statistics. */
  get index(): SentenceIndex {
    return this.corpus.sentences;
  }

  get names(): NameDirectory {
    return this.corpus.names;
  }

  /** Autocomplete over the corpus's names and key phrases. */
  get suggestions(): SuggestionIndex {
    return this.corpus.suggestions;
  }

  get sentenceCount(): number {
    return this.corpus.sentenceCount;
  }

  /** Adds an article in place (see CorpusIndex.add). */
  async addArticle(article: Article): Promise<ArticleInfo> {
    return this.corpus.add(article, nextTurn);
  }

  /** Removes an article in place (see CorpusIndex.remove); null when no article has that id. */
  async removeArticle(id: string): Promise<ArticleInfo | null> {
    const removed = await this.corpus.remove(id, nextTurn);
    if (removed !== null) this.anchorsByArticle.delete(removed.key);
    return removed;
  }

  /** Whether an article is still in the corpus. */
  hasArticle(articleKey: number): boolean {
    return this.corpus.hasArticle(articleKey);
  }

  /** The article a sentence belongs to. */
  articleOf(ref: number): ArticleInfo {
    return this.corpus.articleOf(ref);
  }

  sentenceText(ref: number): string {
    return this.index.text(ref);
  }

  /** 1-based position of a sentence in its article. */
  position(ref: number): number {
    return this.index.position(ref);
  }

  /** The analysis of the sentence with this number, computed on first use and kept for a while. */
  analysis(ref: number): SentenceAnalysis {
    let analysis = this.analyses.get(ref);
    if (analysis === undefined) {
      analysis = new SentenceAnalysis(this.sentenceText(ref), this.names, referenceDate(this.articleOf(ref)));
      this.analyses.set(ref, analysis);
    }
    return analysis;
  }

  /** The sentence just before this one in the same article, if any. */
  previous(ref: number): number | null {
    return ref > this.articleOf(ref).firstRef ? ref - 1 : null;
  }

  isHeadline(ref: number): boolean {
    return this.index.isHeadline(ref);
  }

  /** Answers a question asked with a command ("when", "ask", ...). */
  answer(command: Command, text: string, options: AnswerOptions = {}): Answer {
    const question = readRoleInTime(readQuestion(command, text), this.names);
    const maxExcerpts = Math.max(1, Math.min(options.maxExcerpts ?? DEFAULT_EXCERPTS, MAX_EXCERPTS));
    const offset = Math.max(0, Math.floor(options.offset ?? 0));
    const notFound: Answer = {
      question,
      status: 'not-found',
      answer: null,
      answerDate: null,
      excerpts: [],
      articleCount: this.articles.length,
    };
    const concepts = conceptsOfQuestion(question, this.index, this.names);
    // Nothing to look for, or a name the corpus has never heard of: there is nothing to quote.
    // What the question is about is not in the articles: a noun they never use ("volume", "bitcoin").
    if (concepts.length === 0 || concepts.some((c) => (c.properName && !c.known) || (c.missingKeyWord && c.describesAnswer !== true))) {
      return notFound;
    }
    const candidates = this.index.candidates(searchTerms(concepts), CANDIDATES);
    const asked = adjustKind(question, concepts.length, concepts[0]?.type);
    const ranked = rankSentences(this, asked, concepts, candidates);
    if (ranked.length === 0) return notFound;
    const best = ranked[0]!;
    const kept = ranked.filter((r) => r.score >= best.score * RELATIVE_SCORE_FLOOR);
    if (KINDS_NEEDING_A_SPAN.has(asked.kind) && !kept.some((r) => r.answerScore > 0 || !readsSpansOf(this.sentenceText(r.ref))))
      return notFound;
    const relevant = mergeSameFacts(this, kept);
    // Two reasons nearly tied are no contradiction: a reason may well have several.
    const confident =
      best.answer !== null &&
      best.answerScore >= MIN_ANSWER_SCORE &&
      !question.yesNo &&
      (asked.kind === 'reason' || !hasCloseRival(ranked));
    const shown = relevant.slice(offset, offset + maxExcerpts);
    return {
      question,
      status: 'answered',
      answer: confident ? truncate(best.answer!.text, MAX_ANSWER_LENGTH) : null,
      answerDate: confident && question.kind === 'time' ? this.answerDate(best) : null,
      excerpts: shown.map((r) => this.excerpt(r.ranked, r.alsoIn)),
      articleCount: this.articles.length,
      moreExcerpts: Math.max(0, relevant.length - offset - shown.length),
    };
  }

  /**
   * The timeline of a topic (the dated events of the sentences about it), or of the whole corpus when
   * `topic` is null: the latter is computed once per engine, on first use, in slices that let
   * questions be answered meanwhile. With `maxEvents`, only the first events are quoted (all are counted).
   */
  async timeline(topic: string | null, options: { maxEvents?: number } = {}): Promise<Timeline> {
    if (topic !== null) {
      const { status, events } = topicEvents(this, topic);
      return timelineOf(this, topic, status, orderEvents(this, events), options.maxEvents);
    }
    const change = this.corpus.changeCount;
    if (this.wholeTimeline?.change !== change) {
      const entry = {
        change,
        done: false,
        promise: corpusEvents(this)
          .then((events) => orderCorpusEvents(this, events))
          .then(
            (ordered) => {
              entry.done = true;
              return ordered;
            },
            (error: unknown) => {
              // Not kept: the next call tries again rather than failing for the engine's lifetime.
              if (this.wholeTimeline === entry) this.wholeTimeline = undefined;
              throw new Error('dating the corpus for the timeline failed', { cause: error });
            },
          ),
      };
      this.wholeTimeline = entry;
    }
    const ordered = await this.wholeTimeline.promise;
    const status = ordered.entries.length === 0 && ordered.undated.length === 0 ? 'no-dates' : 'answered';
    return timelineOf(this, null, status, ordered, options.maxEvents);
  }

  /** Whether a topic's timeline has dated events (what /corpus gaps asks of a recorded /timeline question). */
  hasTimeline(topic: string): boolean {
    return topicEvents(this, topic).status === 'answered';
  }

  /** Whether a timeline can be answered at once (a topic's always is; the whole corpus's once computed). */
  timelineReady(topic: string | null): boolean {
    return topic !== null || (this.wholeTimeline?.done === true && this.wholeTimeline.change === this.corpus.changeCount);
  }

  /** The absolute dates an article names (cached): what places the events of an undated article. */
  anchors(articleKey: number): Anchor[] {
    let anchors = this.anchorsByArticle.get(articleKey);
    if (anchors === undefined) {
      anchors = anchorsOfArticle(this, this.corpus.article(articleKey));
      this.anchorsByArticle.set(articleKey, anchors);
    }
    return anchors;
  }

  /** The calendar date of a time answer: the date expression of its sentence that the answer is in. */
  private answerDate(best: RankedSentence): ResolvedDate | null {
    const found = best.answer;
    if (found === null) return null;
    const ref = found.fromContext ? this.previous(best.ref) : best.ref;
    if (ref === null) return null;
    const article = this.articleOf(ref);
    const mention = findDateMentions(this.sentenceText(ref), article.meta.published ?? article.meta.publishedInferred).find(
      (m) => m.start < found.end && found.start < m.end,
    );
    return mention?.date ?? null;
  }

  private excerpt(ranked: RankedSentence, alsoIn: number[]): Excerpt {
    const previous = this.previous(ranked.ref);
    const context = ranked.needsContext && previous !== null ? this.sentenceText(previous) : null;
    const highlight = ranked.answer !== null && !ranked.answer.fromContext ? { start: ranked.answer.start, end: ranked.answer.end } : null;
    return {
      text: this.sentenceText(ranked.ref),
      context,
      citations: [ranked.ref, ...alsoIn].map((ref) => this.citation(ref)),
      highlight,
      score: Math.round(ranked.score * 1000) / 1000,
    };
  }

  /** Where a sentence is: its article's title, publisher, link, and its position, and the article's label. */
  citation(ref: number): Citation {
    const article = this.articleOf(ref);
    return {
      articleId: article.id,
      title: article.meta.title ?? article.headline,
      source: article.meta.source,
      url: article.meta.url,
      position: this.position(ref),
      label: this.articleLabel(article),
    };
  }

  /** How an article of this corpus is named to a reader (see articleLabel.ts). */
  articleLabel(article: ArticleInfo): ArticleLabel {
    const firstSentence = namedByFirstWords(article) && article.sentenceCount > 0 ? this.sentenceText(article.firstRef) : null;
    return articleLabel(article, firstSentence);
  }
}

/**
 * The concepts a question is searched and ranked by: its query's, and the noun of "which companies"
 * (weaker, and describing the answer rather than the topic), as are the units of time of a question
 * about when ("what weekday was the interview").
 */
export function conceptsOfQuestion(question: Question, index: SentenceIndex, names: NameDirectory): Concept[] {
  const sentenceCase = question.command === 'ask' && question.text.startsWith(question.query);
  const asksWhen = question.kind === 'time' || question.kind === 'duration';
  const topic = queryConcepts(question.query, index, names, { sentenceCase }).map((c) =>
    asksWhen && c.type === 'word' && c.stems.every((s) => TIME_UNIT_STEMS.has(s)) ? describingAnswer(c) : c,
  );
  return [
    ...(question.kind === 'person' ? withRoleQualifiers(question.query, topic) : topic),
    ...(question.focus === null ? [] : queryConcepts(question.focus, index, names).map(describingAnswer)),
  ];
}

/** "the spokesperson for the korean presidential office": a role noun, then what it is the role of. */
const ROLE_OF = /^(?:the\s+|a\s+|an\s+)?(\p{L}+)\s+(?:of|for|at)\s+\S/iu;

/**
 * "Who is the spokesperson for the presidential office": the words after the role ("presidential
 * office") qualify it; a sentence naming the spokesperson may name the office otherwise.
 */
function withRoleQualifiers(query: string, concepts: Concept[]): Concept[] {
  const role = ROLE_OF.exec(query)?.[1]?.toLowerCase();
  if (role === undefined || !isPersonNoun(role)) return concepts;
  const at = concepts.findIndex((c) => c.type === 'word' && c.label.toLowerCase() === role);
  if (at < 0) return concepts;
  const roleConcept = concepts[at]!;
  return concepts.map((c, i) => (i > at && c.describesAnswer !== true ? { ...c, qualifies: roleConcept } : c));
}

const TIME_UNIT_STEMS = new Set(TIME_UNIT_WORDS.flatMap(stemsOf));

/** A concept that describes the answer ("companies" of "which companies"): weaker, and not needed for relevance. */
function describingAnswer(concept: Concept): Concept {
  return { ...concept, weight: concept.weight * FOCUS_WEIGHT, describesAnswer: true };
}

/** "/who Lee Jae-mook": a person's name alone asks who that person is. */
function adjustKind(question: Question, conceptCount: number, firstType: string | undefined): Question {
  if (question.kind === 'person' && conceptCount === 1 && firstType === 'name') return { ...question, kind: 'description' };
  return question;
}

/**
 * Whether a sentence with another short answer (of some confidence) ranks close behind the best one.
 * An answer that holds the other, or is held in it ("Prime Minister Anna Lind", "Lind"), is the same.
 */
function hasCloseRival(ranked: readonly RankedSentence[]): boolean {
  const best = ranked[0]!;
  const answer = best.answer?.text.toLowerCase() ?? '';
  const other = (text: string) => !text.includes(answer) && !answer.includes(text);
  const rival = ranked.find(
    (r) => r !== best && r.answer !== null && r.answerScore >= MIN_ANSWER_SCORE && other(r.answer.text.toLowerCase()),
  );
  return rival !== undefined && best.score - rival.score < MIN_ANSWER_MARGIN;
}

/**
 * Whether the language analysis can find names, places, times and numbers in a sentence: it reads
 * Latin script. A sentence in another script may hold the answer though none is found in it.
 */
function readsSpansOf(text: string): boolean {
  return /\p{Script=Latin}/u.test(text);
}

function referenceDate(article: ArticleInfo): Date | undefined {
  const iso = article.meta.published ?? article.meta.publishedInferred;
  if (iso === null) return undefined;
  const date = new Date(`${iso}T12:00:00Z`);
  return Number.isNaN(date.getTime()) ? undefined : date;
}
