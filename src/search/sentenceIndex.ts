import type { Query, SearchOptions } from 'minisearch';
import type { IndexShard } from './indexShard.js';
import { TermStats } from './termStats.js';
import { Vocabulary, type TermMatch, type VocabularyLookup } from './vocabulary.js';

/**
 * The sentences of the corpus, searchable: MiniSearch indexes (shards, see IndexShard) over whole
 * articles, the corpus-wide term statistics the ranking needs, and the vocabulary for misspelt and
 * unfinished words. Sentences are numbered (their ref) in corpus order; an article added later gets
 * the next numbers, and a removed one's numbers are not reused.
 */

/** A query term with the weight it counts for. */
export interface WeightedTerm {
  term: string;
  weight: number;
}

/**
 * What to look for: every group should match (a group is one concept of the question: a word with
 * its synonyms and spellings, or a name with its forms); within a group any term will do.
 */
export type TermGroups = ReadonlyArray<readonly WeightedTerm[]>;

export interface Candidate {
  ref: number;
  /** MiniSearch's score (BM25 with the terms' weights) of the sentence for the query. */
  score: number;
}

/**
 * How many postings (sentence × term) a question may have MiniSearch fetch and score, at most. A
 * news corpus repeats its common words ("talks", "meeting", "China") in a large share of its
 * sentences: scoring them all for every question costs what the rarer words of the question do not
 * need. The rarest groups fetch the candidates; the ranking still counts every concept.
 */
const FETCH_BUDGET = 4_000;

export class SentenceIndex {
  private shards: IndexShard[] = [];
  /** Index terms (stems) by the number of sentences that have them. */
  readonly stats = new TermStats();
  /** Words (folded, not stemmed) by the number of sentences that have them. */
  private readonly words = new TermStats();
  private readonly vocabulary = new Vocabulary();
  private nextRefValue = 0;

  /** Sentences indexed (removed ones not counted). */
  get size(): number {
    return this.stats.documentCount;
  }

  /** The number the next added sentence gets. */
  get nextRef(): number {
    return this.nextRefValue;
  }

  get shardCount(): number {
    return this.shards.length;
  }

  /**
   * Adds a shard built or loaded elsewhere; its term counts join the corpus's. Returns the words
   * new to the corpus: the caller adds them to the vocabulary of spellings (`addSpellings`), at once
   * or in slices.
   */
  addShard(shard: IndexShard): string[] {
    if (shard.base < this.nextRefValue)
      throw new Error(`shard starting at sentence ${shard.base} overlaps sentences already indexed (next: ${this.nextRefValue})`);
    this.shards.push(shard);
    this.nextRefValue = shard.base + shard.span;
    this.stats.merge(shard.stats.entries(), shard.stats.documentCount);
    return this.words.merge(shard.words.entries(), shard.words.documentCount);
  }

  /** Makes words findable by their spellings (see addShard). */
  addSpellings(words: readonly string[]): void {
    this.vocabulary.add(words);
  }

  /** Takes a sentence out of the search (its index terms and words given, to uncount them). */
  discard(ref: number, terms: readonly string[], words: readonly string[]): void {
    const shard = this.shardOf(ref);
    const uniqueTerms = new Set(terms);
    const uniqueWords = new Set(words);
    shard.discard(ref, uniqueTerms, uniqueWords);
    this.stats.removeSentence(uniqueTerms);
    this.vocabulary.remove(this.words.removeSentence(uniqueWords));
    if (shard.liveCount === 0) this.shards = this.shards.filter((s) => s !== shard);
  }

  /** The shard holding a sentence. @throws Error when no shard holds it. */
  shardOf(ref: number): IndexShard {
    let lo = 0;
    let hi = this.shards.length - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >>> 1;
      const shard = this.shards[mid]!;
      if (ref < shard.base) hi = mid - 1;
      else if (ref >= shard.base + shard.span) lo = mid + 1;
      else return shard;
    }
    throw new Error(`no sentence ${ref} in the index`);
  }

  /** The shards, in sentence order. */
  allShards(): readonly IndexShard[] {
    return this.shards;
  }

  text(ref: number): string {
    const shard = this.shardOf(ref);
    return shard.store.text(ref - shard.base);
  }

  /** The key of the article a sentence belongs to. */
  articleKey(ref: number): number {
    const shard = this.shardOf(ref);
    return shard.store.articleKey(ref - shard.base);
  }

  position(ref: number): number {
    const shard = this.shardOf(ref);
    return shard.store.position(ref - shard.base);
  }

  isHeadline(ref: number): boolean {
    const shard = this.shardOf(ref);
    return shard.store.isHeadline(ref - shard.base);
  }

  /** In how many sentences the term occurs. */
  frequency(term: string): number {
    return this.stats.frequency(term);
  }

  /** Inverse document frequency (BM25's form): rare terms weigh more. Unknown terms weigh most. */
  idf(term: string): number {
    return this.stats.idf(term);
  }

  /** In how many sentences the word (folded, not stemmed) occurs. */
  wordFrequency(word: string): number {
    return this.words.frequency(word);
  }

  /** The corpus's words a word it lacks may stand for (misspelt, or typed in part), closest first. */
  spellings(word: string, lookup: VocabularyLookup): TermMatch[] {
    return this.vocabulary.lookup(word, lookup);
  }

  /**
   * The sentences that best match the groups, best first, at most `limit`: those matching more of
   * the fetched groups first (all of them: what MiniSearch's AND of the groups would find), then by
   * MiniSearch's score. One OR query of the groups' terms per shard finds them all at once (an AND
   * query, then an OR for more, would score every posting twice); each result's `queryTerms` say
   * which groups it matched. The groups fetched are the rarest, within FETCH_BUDGET postings (the
   * rarest group always, its rarest terms at least); groups with no term the corpus has cannot
   * match and are left out.
   */
  candidates(groups: TermGroups, limit: number, budget = FETCH_BUDGET): Candidate[] {
    const fetched = this.fetchedGroups(groups, budget);
    if (fetched.length === 0 || limit <= 0) return [];
    const weights = new Map<string, number>();
    const groupOf = new Map<string, number>();
    fetched.forEach((group, index) => {
      for (const { term, weight } of group) {
        weights.set(term, Math.max(weight, weights.get(term) ?? 0));
        if (!groupOf.has(term)) groupOf.set(term, index);
      }
    });
    const terms = [...weights.keys()];
    const query: Query = { combineWith: 'OR', queries: terms };
    const options: SearchOptions = { boostTerm: (term) => weights.get(term) ?? 1 };
    const best = new TopCandidates(limit);
    for (const shard of this.shards) {
      if (!terms.some((term) => shard.has(term))) continue;
      for (const result of shard.query(query, options)) {
        const matched = new Set(result.queryTerms.map((term) => groupOf.get(term)));
        best.offer(Number(result.id), matched.size, result.score);
      }
    }
    return best.sorted();
  }

  /** The groups (and their terms) a question fetches by: the rarest, within the budget. */
  private fetchedGroups(groups: TermGroups, budget: number): WeightedTerm[][] {
    const known = groups
      .map((g) => g.filter((t) => this.frequency(t.term) > 0).sort((a, b) => this.frequency(a.term) - this.frequency(b.term)))
      .filter((g) => g.length > 0)
      .map((g) => ({ terms: g, postings: g.reduce((sum, t) => sum + this.frequency(t.term), 0) }))
      .sort((a, b) => a.postings - b.postings);
    const fetched: WeightedTerm[][] = [];
    let spent = 0;
    for (const group of known) {
      if (fetched.length > 0 && spent + group.postings > budget) break;
      // The rarest group always fetches, by as many of its rarest terms as the budget allows.
      const terms: WeightedTerm[] = [];
      for (const term of group.terms) {
        const postings = this.frequency(term.term);
        if (terms.length > 0 && spent + postings > budget) break;
        terms.push(term);
        spent += postings;
      }
      fetched.push(terms);
    }
    return fetched;
  }
}

/** The `limit` best candidates seen: most groups matched first, then best score. */
class TopCandidates {
  private readonly found = new Map<number, { groups: number; score: number }>();
  private floor: { groups: number; score: number } | null = null;

  constructor(private readonly limit: number) {}

  offer(ref: number, groups: number, score: number): void {
    if (this.floor !== null && better(this.floor, { groups, score })) return;
    this.found.set(ref, { groups, score });
    // Prune now and then: keep the map near `limit` entries without sorting on every offer.
    if (this.found.size >= this.limit * 8) this.prune();
  }

  sorted(): Candidate[] {
    return this.ranked()
      .slice(0, this.limit)
      .map(([ref, { score }]) => ({ ref, score }));
  }

  private ranked(): Array<[number, { groups: number; score: number }]> {
    return [...this.found].sort(([refA, a], [refB, b]) => (better(a, b) ? -1 : better(b, a) ? 1 : refA - refB));
  }

  private prune(): void {
    const kept = this.ranked().slice(0, this.limit);
    this.found.clear();
    for (const [ref, entry] of kept) this.found.set(ref, entry);
    this.floor = kept[kept.length - 1]?.[1] ?? null;
  }
}

function better(a: { groups: number; score: number }, b: { groups: number; score: number }): boolean {
  return a.groups > b.groups || (a.groups === b.groups && a.score > b.score);
}
