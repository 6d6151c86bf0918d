import MiniSearch, { type Options, type Query, type SearchOptions, type SearchResult } from 'minisearch';
import { SentenceStore, type SentenceStoreBuffers } from './sentenceStore.js';
import { TermStats } from './termStats.js';

/**
 * One MiniSearch index over a group of whole articles' sentences, with the sentences' texts beside
 * it. A large corpus is several shards: each loads, saves and vacuums on its own in a bounded time
 * (see SentenceIndex), and an article added later is a shard of its own.
 *
 * The documents MiniSearch indexes are sentences, identified by their number in the corpus (ref).
 * Their terms come analysed: the project's tokenizer and stemmer ran once per sentence, stop words
 * dropped (see language/tokenize.ts), in the same pass that finds the sentence's names; MiniSearch
 * is given them as they are. A sentence that leans on the one before ("..., he said.") is also
 * indexed under that sentence's terms, in a field that counts less.
 */
export interface SentenceDocument {
  id: number;
  /** Index terms of the sentence. */
  terms: readonly string[];
  /** Index terms of the sentence before, when this one cannot be understood alone. */
  context: readonly string[] | null;
}

/** A context term counts this much of a term of the sentence itself. */
const CONTEXT_BOOST = 0.4;
/** A headline matching the query is a good candidate: it says what its article is about. */
const HEADLINE_BOOST = 1.2;

const split = (text: string): string[] => (text.length === 0 ? [] : text.split(' '));
const asIs = (term: string): string => term;

/**
 * Removed sentences are vacuumed out of MiniSearch's index in small batches, with pauses between
 * them, so that answering is never held for long.
 */
const AUTO_VACUUM = { batchSize: 200, batchWait: 5, minDirtCount: 20, minDirtFactor: 0.1 } as const;

/** MiniSearch's options for a shard whose sentences are numbered from `base` (texts in `store`). */
function shardOptions(base: number, store: SentenceStore): Options<SentenceDocument> {
  const boostDocument = (id: number) => (store.isHeadline(id - base) ? HEADLINE_BOOST : 1);
  return {
    fields: ['terms', 'context'],
    stringifyField: (value: readonly string[] | null) => (value === null ? '' : value.join(' ')),
    tokenize: split,
    processTerm: asIs,
    autoVacuum: AUTO_VACUUM,
    searchOptions: { tokenize: split, processTerm: asIs, boost: { terms: 1, context: CONTEXT_BOOST }, boostDocument },
  };
}

/** A shard as it travels between threads and is saved: the texts as typed arrays, the index as MiniSearch's JSON. */
export interface PackedShard {
  base: number;
  store: SentenceStoreBuffers;
  /** `JSON.stringify(miniSearch)`, UTF-8. */
  index: Uint8Array;
  /** The shard's term and word counts: JSON `[sentences, [[term, count], ...], [[word, count], ...]]`, UTF-8. */
  stats: Uint8Array;
}

const encoder = new TextEncoder();
const decoder = new TextDecoder();

export class IndexShard {
  private constructor(
    /** Ref of the shard's first sentence. */
    readonly base: number,
    readonly store: SentenceStore,
    private readonly search: MiniSearch<SentenceDocument>,
    /** In how many of this shard's sentences each index term occurs (derived; see TermStats). */
    readonly stats: TermStats,
    /** In how many of this shard's sentences each word (folded, not stemmed) occurs: the vocabulary's source. */
    readonly words: TermStats,
  ) {}

  /**
   * Indexes sentences numbered from `base` (their texts in `store`, their words in `words`, in the
   * same order as the documents).
   */
  static build(
    base: number,
    store: SentenceStore,
    documents: readonly SentenceDocument[],
    words: ReadonlyArray<readonly string[]>,
  ): IndexShard {
    const stats = new TermStats();
    for (const document of documents) stats.addSentence(new Set(document.terms));
    const wordStats = new TermStats();
    for (const sentenceWords of words) wordStats.addSentence(new Set(sentenceWords));
    const search = new MiniSearch(shardOptions(base, store));
    search.addAll(documents);
    return new IndexShard(base, store, search, stats, wordStats);
  }

  /**
   * A shard back from its packed form: its term counts parsed, then each of its two count tables
   * merged, each in a turn of the event loop of its own (`nextTurn`), then MiniSearch's loadJSONAsync
   * (which loads in batches, with pauses between them); the texts as they are.
   */
  static async fromPacked(packed: PackedShard, nextTurn: () => Promise<unknown>): Promise<IndexShard> {
    const [documents, terms, words] = JSON.parse(decoder.decode(packed.stats)) as [
      number,
      Array<[string, number]>,
      Array<[string, number]>,
    ];
    // Parsing, and each of the two merges, take a turn each (10-20 ms apiece for a full shard).
    await nextTurn();
    const stats = new TermStats();
    stats.merge(terms, documents);
    await nextTurn();
    const wordStats = new TermStats();
    wordStats.merge(words, documents);
    await nextTurn();
    const store = new SentenceStore(packed.store);
    const search = await MiniSearch.loadJSONAsync<SentenceDocument>(decoder.decode(packed.index), shardOptions(packed.base, store));
    return new IndexShard(packed.base, store, search, stats, wordStats);
  }

  pack(): PackedShard {
    return {
      base: this.base,
      store: this.store.buffers,
      index: encoder.encode(JSON.stringify(this.search)),
      stats: encoder.encode(JSON.stringify([this.stats.documentCount, [...this.stats.entries()], [...this.words.entries()]])),
    };
  }

  /** Number of sentence numbers this shard covers (removed sentences included). */
  get span(): number {
    return this.store.size;
  }

  /** Sentences still indexed. */
  get liveCount(): number {
    return this.stats.documentCount;
  }

  covers(ref: number): boolean {
    return ref >= this.base && ref < this.base + this.store.size;
  }

  /** Whether some sentence of this shard has the term. */
  has(term: string): boolean {
    return this.stats.frequency(term) > 0;
  }

  query(query: Query, options: SearchOptions): SearchResult[] {
    return this.search.search(query, options);
  }

  /**
   * Takes a sentence out of the index (its distinct terms and words given, to uncount them).
   * MiniSearch's `discard` is immediate; its clean-up (vacuuming) runs later, in small batches.
   */
  discard(ref: number, terms: Iterable<string>, words: Iterable<string>): void {
    this.search.discard(ref);
    this.stats.removeSentence(terms);
    this.words.removeSentence(words);
  }
}
