/** What the corpus is made of: articles, their metadata, and their sentences. */

/** Metadata of one article. A field the source does not give stays null: nothing is invented. */
export interface ArticleMeta {
  title: string | null;
  /** The publisher. */
  source: string | null;
  url: string | null;
  /** ISO date (YYYY-MM-DD) as the source gives it. */
  published: string | null;
  /** A date inferred from the text (not given by the source), with `note` saying how. */
  publishedInferred: string | null;
  language: string | null;
  note: string | null;
}

export interface Article {
  /** Stable id: the file name without its extension. */
  id: string;
  /** Path of the file relative to the corpus folder. */
  file: string;
  meta: ArticleMeta;
  /** A headline found in the text itself (first line without final punctuation), if any. */
  headline: string | null;
  sentences: Sentence[];
  /** How many over-long sentences of the text were cut into pieces (see longSentences.ts). */
  longSentencesCut: number;
}

export interface Sentence {
  articleId: string;
  /** 1-based position of the sentence in its article. */
  position: number;
  /** The sentence exactly as the article has it (surrounding whitespace trimmed). */
  text: string;
  /** True for the article's headline line. */
  isHeadline: boolean;
}

/** Something a curator should know about a file that loaded (e.g. that long sentences were cut). */
export interface CorpusNote {
  file: string;
  note: string;
}

/** A file that could not be loaded, and why. */
export interface CorpusError {
  file: string;
  reason: string;
  /** True for an entry that is not read at all (a folder, a hidden or other file), rather than one that failed. */
  skipped?: boolean;
}

export interface Corpus {
  articles: Article[];
  errors: CorpusError[];
}
