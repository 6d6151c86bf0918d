import type { ResolvedDate } from '../language/dateResolution.js';
import type { ArticleLabel } from './articleLabel.js';
import type { Question } from './question.js';

/** Where a sentence comes from: enough for a reader to find it. */
export interface Citation {
  articleId: string;
  /** The article's title from its metadata, else its headline; null when it has neither. */
  title: string | null;
  /** Publisher, when known. */
  source: string | null;
  url: string | null;
  /** 1-based position of the sentence in the article. */
  position: number;
  /** How a reader is shown the article (title, else publisher and date, else its first words): never its id. */
  label: ArticleLabel;
}

/** One quoted sentence, verbatim, with its citation(s). */
export interface Excerpt {
  /** The sentence exactly as the corpus has it. */
  text: string;
  /** The sentence before it, when this one cannot be understood alone ("he said"). */
  context: string | null;
  /** Where the sentence is; more than one when several articles say the same. */
  citations: Citation[];
  /** Offsets of the short answer inside `text`, when it is in this sentence. */
  highlight: { start: number; end: number } | null;
  score: number;
}

export type AnswerStatus = 'answered' | 'not-found';

export interface Answer {
  question: Question;
  status: AnswerStatus;
  /** The short answer (at most 120 characters), or null when none was found. */
  answer: string | null;
  /** The calendar date of a time answer ("Monday" → 5 January 2026), when it can be resolved. */
  answerDate: ResolvedDate | null;
  /** Best first; empty when nothing relevant was found. */
  excerpts: Excerpt[];
  /** How many articles were searched. */
  articleCount: number;
  /** How many more relevant excerpts come after these (see AnswerOptions.offset); absent: none. */
  moreExcerpts?: number;
}

/** One event of a timeline: its date (or what places it), its wording, and its cited sentence. */
export interface TimelineEvent {
  /** The date the expression names; null when it cannot be resolved (an undated article's "Sunday"). */
  date: ResolvedDate | null;
  /** For an event without a date: the absolute date of the same article that places it, and its sentence. */
  placedBy: { date: ResolvedDate; position: number } | null;
  /** The time expression as the article words it ("on Sunday" → "Sunday"). */
  wording: string;
  /** The sentence, the time expression highlighted, with its citation. */
  excerpt: Excerpt;
}

export type TimelineStatus = 'answered' | 'not-found' | 'no-dates';

export interface Timeline {
  /** The topic asked for; null for the whole corpus. */
  topic: string | null;
  /** `not-found`: nothing about the topic; `no-dates`: found, but nothing dated. */
  status: TimelineStatus;
  /**
   * Calendar order; an entry of several events is one event that articles date differently. Only the
   * first entries when the caller asked for at most so many events (`datedCount` has them all).
   */
  entries: Array<{ events: TimelineEvent[]; differing: boolean }>;
  /** Events with no date and nothing in their article to place them by, in corpus order (the first ones, likewise). */
  undated: TimelineEvent[];
  /** How many dated and undated events there are in all, shown or not. */
  datedCount: number;
  undatedCount: number;
  articleCount: number;
}
