import MiniSearch from 'minisearch';
import type { Article, Corpus, Sentence } from '../corpus/types.js';
import { indexTerms } from '../language/tokenize.js';

/** A sentence of the corpus as the index holds it: `ref` is its number in the index. */
export interface IndexedSentence {
  ref: number;
  article: Article;
  sentence: Sentence;
}

/** A query term with the weight it counts for, and whether longer words starting with it match. */
export interface WeightedTerm {
  term: string;
  weight: number;
  prefix: boolean;
}

export interface Candidate {
  ref: number;
  /** MiniSearch's BM25 score for the sentence. */
  score: number;
}

interface SentenceDocument {
  id: number;
  text: string;
}

/**
 * Full-text index of the corpus's sentences (one MiniSearch document per sentence), with the
 * document frequency of every term so that callers can weigh query terms by rarity.
 */
export class SentenceIndex {
  readonly sentences: readonly IndexedSentence[];
  readonly articles: readonly Article[];
  private readonly search: MiniSearch<SentenceDocument>;
  private readonly documentFrequency = new Map<string, number>();

  constructor(corpus: Pick<Corpus, 'articles'>) {
    this.articles = corpus.articles;
    const sentences: IndexedSentence[] = [];
    for (const article of corpus.articles) {
      for (const sentence of article.sentences) sentences.push({ ref: sentences.length, article, sentence });
    }
    this.sentences = sentences;
    this.search = new MiniSearch<SentenceDocument>({
      fields: ['text'],
      storeFields: [],
      tokenize: (text) => indexTerms(text),
      processTerm: (term) => term,
      // Queries arrive as terms that are already analysed: split, do not re-stem.
      searchOptions: { tokenize: (query) => query.split(' '), processTerm: (term) => term },
    });
    const documents = sentences.map((s) => ({ id: s.ref, text: s.sentence.text }));
    this.search.addAll(documents);
    for (const document of documents) {
      for (const term of new Set(indexTerms(document.text))) {
        this.documentFrequency.set(term, (this.documentFrequency.get(term) ?? 0) + 1);
      }
    }
  }

  get size(): number {
    return this.sentences.length;
  }

  /** In how many sentences the term occurs. */
  frequency(term: string): number {
    return this.documentFrequency.get(term) ?? 0;
  }

  /** Inverse document frequency (BM25's form): rare terms weigh more. Unknown terms weigh most. */
  idf(term: string): number {
    const n = this.frequency(term);
    return Math.log(1 + (this.size - n + 0.5) / (n + 0.5));
  }

  /** Sentences containing any of the terms, best BM25 score first. */
  candidates(terms: readonly WeightedTerm[], limit: number): Candidate[] {
    if (terms.length === 0 || this.size === 0) return [];
    const weights = new Map(terms.map((t) => [t.term, t.weight]));
    const prefixes = new Set(terms.filter((t) => t.prefix).map((t) => t.term));
    const results = this.search.search(terms.map((t) => t.term).join(' '), {
      combineWith: 'OR',
      prefix: (term) => prefixes.has(term),
      boostTerm: (term) => weights.get(term) ?? 1,
    });
    return results.slice(0, limit).map((r) => ({ ref: r.id as number, score: r.score }));
  }
}
