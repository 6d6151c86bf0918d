import { InvertedIndex, InvertedIndexBuilder, type InvertedIndexBuffers, type ScoredTerm } from './invertedIndex.js';

/** A query term with the weight it counts for, and whether longer words starting with it match. */
export interface WeightedTerm {
  term: string;
  weight: number;
  prefix: boolean;
}

export interface Candidate {
  ref: number;
  /** BM25 score of the sentence for the query's terms. */
  score: number;
}

/** A longer word found by a prefix counts this much of the word typed (as in MiniSearch). */
const PREFIX_WEIGHT = 0.375;
const MAX_PREFIX_EXPANSIONS = 30;
/**
 * A term in more than this share of sentences finds too many to be worth scoring one by one when
 * the query has rarer terms: those find the candidates, and the ranking still counts the common term.
 */
const COMMON_TERM_SHARE = 0.05;

/**
 * Full-text search over the corpus's sentences: which sentences contain the query's terms, best
 * first, and how rare each term is. Sentences are numbered 0..size-1 in corpus order (their ref).
 */
export class SentenceIndex {
  constructor(private readonly index: InvertedIndex) {}

  static build(termsOfEachSentence: Iterable<readonly string[]>): SentenceIndex {
    const builder = new InvertedIndexBuilder();
    for (const terms of termsOfEachSentence) builder.add(terms);
    return new SentenceIndex(builder.build());
  }

  static fromBuffers(buffers: InvertedIndexBuffers): SentenceIndex {
    return new SentenceIndex(new InvertedIndex(buffers));
  }

  get buffers(): InvertedIndexBuffers {
    return this.index.buffers;
  }

  get size(): number {
    return this.index.documentCount;
  }


  /** In how many sentences the term occurs. */
  frequency(term: string): number {
    return this.index.frequency(this.index.termId(term));
  }

  /** Whether some indexed term starts with this (longer than it). */
  hasLongerTerm(prefix: string): boolean {
    return this.index.termsWithPrefix(prefix, 2).some((id) => this.index.terms[id] !== prefix);
  }

  /** Inverse document frequency (BM25's form): rare terms weigh more. Unknown terms weigh most. */
  idf(term: string): number {
    return this.index.idf(this.index.termId(term));
  }

  /** Sentences containing any of the terms, best BM25 score first. */
  candidates(terms: readonly WeightedTerm[], limit: number): Candidate[] {
    const resolved = new Map<number, number>();
    const add = (termId: number, weight: number) => {
      if (termId >= 0 && (resolved.get(termId) ?? 0) < weight) resolved.set(termId, weight);
    };
    for (const { term, weight, prefix } of terms) {
      add(this.index.termId(term), weight);
      if (prefix) {
        for (const id of this.index.termsWithPrefix(term, MAX_PREFIX_EXPANSIONS)) add(id, weight * PREFIX_WEIGHT);
      }
    }
    let scored: ScoredTerm[] = [...resolved].map(([termId, weight]) => ({ termId, weight }));
    const common = Math.max(50, this.size * COMMON_TERM_SHARE);
    const rare = scored.filter((t) => this.index.frequency(t.termId) <= common);
    if (rare.length > 0) scored = rare;
    return this.index.search(scored, limit).map(({ doc, score }) => ({ ref: doc, score }));
  }
}
