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
  /** Best first; empty when nothing relevant was found. */
  excerpts: Excerpt[];
  /** How many articles were searched. */
  articleCount: number;
  /** How many more relevant excerpts come after these (see AnswerOptions.offset); absent: none. */
  moreExcerpts?: number;
}
