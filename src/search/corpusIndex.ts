import { randomUUID } from 'node:crypto';
import type { Article, ArticleMeta } from '../corpus/types.js';
import { findEntities } from '../language/entities.js';
import { NameDirectory, peopleNamedInFull } from '../language/nameDirectory.js';
import { leansOnPrevious } from '../language/sentenceAnalysis.js';
import { indexTerms, tokenize } from '../language/tokenize.js';
import { TimeSlices } from '../timeSlices.js';
import { IndexShard, type PackedShard, type SentenceDocument } from './indexShard.js';
import { SentenceIndex } from './sentenceIndex.js';
import { SentenceStore, type StoredSentence } from './sentenceStore.js';
import { SuggestionIndex, SuggestionTally, type SuggestionEntry } from './suggestions.js';

/**
 * The corpus, searchable: its articles, their sentences in MiniSearch (SentenceIndex), the people
 * it names (NameDirectory) and its autocomplete suggestions. Built whole from loaded articles (on a
 * worker thread for a reload), or changed in place one article at a time: an added article is
 * analysed and indexed apart, then joins in one step (as a shard of its own); a removed one leaves
 * in one step. Either way a question is answered from the corpus before or after the change, never
 * from a part of it.
 */

/** An article as the index keeps it: its metadata and where its sentences are, not the sentences. */
export interface ArticleInfo {
  /** Its number in this index (never reused while the index lives). */
  key: number;
  id: string;
  file: string;
  meta: ArticleMeta;
  headline: string | null;
  sentenceCount: number;
  /** Ref of the article's first sentence; its sentences are numbered on from there. */
  firstRef: number;
}

/**
 * Sentences per shard, at most (an article is never split, so a shard may hold a little more): a
 * shard is loaded, saved and vacuumed in one piece, in a few milliseconds at this size.
 */
export const SHARD_SENTENCES = 4_000;
/**
 * Words added to the vocabulary between two turns of the event loop: 1,000 took 10-30 ms a turn
 * while a reload of 100,000 sentences swapped its shards in.
 */
const WORDS_PER_STEP = 250;
/**
 * The longest stretch of analysing an added or removed article's sentences between two turns of
 * the event loop. A sentence takes about half a millisecond at a million sentences, so a count of
 * sentences per turn would hold questions up for tens of milliseconds on a long article.
 */
const ANALYSIS_SLICE_MS = 8;

/** A corpus index as it travels between threads and is saved (see service/snapshot.ts). */
export interface PackedCorpus {
  generation: string;
  shards: PackedCorpusShard[];
  /** The suggestions with their counts, JSON, UTF-8. */
  suggestions: Uint8Array;
}

export interface PackedCorpusShard extends PackedShard {
  /** JSON of ShardMeta, UTF-8. */
  meta: Uint8Array;
  /**
   * Keys of articles removed from the shard: those still in it leave it as it is unpacked (keys are
   * never reused within an index, so a key the shard no longer has is already gone from it).
   */
  removed?: number[];
}

/** What a shard holds besides its sentences: its articles, and the people they name in full (with how often). */
interface ShardMeta {
  articles: ArticleInfo[];
  people: Array<[string, number]>;
}

/** A shard's part of the corpus index. */
interface ShardRecord {
  articles: ArticleInfo[];
  people: Map<string, number>;
  /** Keys of the articles removed from it, in order (a saved copy of the shard may list them beside it). */
  removed: number[];
}

/** One sentence analysed for the index. */
interface AnalysedSentence extends StoredSentence {
  /** Index terms: stems of its content words. */
  terms: string[];
  /** Its content words, folded but not stemmed (for the vocabulary of spellings). */
  words: string[];
  leans: boolean;
  people: string[];
}

type NextTurn = () => Promise<unknown>;

const encoder = new TextEncoder();
const decoder = new TextDecoder();

export class CorpusIndex {
  /**
   * Tells this index's shards from another's with the same numbers (a saved copy's shard files
   * can be reused for this index only): new for each build, kept through packing.
   */
  readonly generation: string;
  readonly sentences = new SentenceIndex();
  readonly names = new NameDirectory();
  private tally = new SuggestionTally();
  private suggestionIndex = SuggestionIndex.of([]);
  private articleList: ArticleInfo[] = [];
  private readonly byKey = new Map<number, ArticleInfo>();
  private readonly byId = new Map<string, ArticleInfo>();
  private readonly shardRecords = new Map<IndexShard, ShardRecord>();
  private nextKey = 0;
  private version = 0;

  private constructor(generation: string = randomUUID()) {
    this.generation = generation;
  }

  /** An index of no article. */
  static empty(): CorpusIndex {
    return new CorpusIndex();
  }

  /** Indexes loaded articles, in order, on this thread. */
  static build(articles: readonly Article[]): CorpusIndex {
    const corpus = new CorpusIndex();
    let batch: Array<{ info: ArticleInfo; sentences: AnalysedSentence[] }> = [];
    let batchSize = 0;
    const flush = () => {
      if (batch.length === 0) return;
      const sentences = batch.flatMap((b) => b.sentences);
      const shard = buildShard(batch[0]!.info.firstRef, sentences);
      corpus.sentences.addSpellings(
        corpus.register(
          shard,
          batch.map((b) => b.info),
          countPeople(sentences),
        ),
      );
      batch = [];
      batchSize = 0;
    };
    for (const article of articles) {
      const info = corpus.newArticleInfo(article, corpus.sentences.nextRef + batchSize);
      const sentences = article.sentences.map((s) =>
        analyse(s.text, info.key, s.position, s.isHeadline, corpus.names.knownPeople, corpus.tally),
      );
      // News names a person in full first, then by surname: the directory so far types "Lee".
      for (const s of sentences) corpus.names.addPeople(s.people.map((p) => [p, 1] as const));
      batch.push({ info, sentences });
      batchSize += sentences.length;
      if (batchSize >= SHARD_SENTENCES) flush();
    }
    flush();
    const entries = corpus.tally.entries(corpus.names);
    corpus.suggestionIndex = SuggestionIndex.of(entries);
    // Only the suggestions kept need counting from now on: the tally of every phrase seen goes.
    corpus.tally = SuggestionTally.of(entries);
    return corpus;
  }

  /**
   * An index back from its packed form, in steps with a turn of the event loop (`nextTurn`)
   * between them (a shard's loading, a slice of the vocabulary), so that a thread answering
   * questions meanwhile is never held for long. Articles removed since a shard was packed leave it.
   */
  static async unpack(packed: PackedCorpus, nextTurn: NextTurn): Promise<CorpusIndex> {
    const corpus = new CorpusIndex(packed.generation);
    for (const packedShard of packed.shards) {
      await nextTurn();
      const shard = await IndexShard.fromPacked(packedShard, nextTurn);
      await nextTurn();
      const meta = JSON.parse(decoder.decode(packedShard.meta)) as ShardMeta;
      corpus.names.addPeople(meta.people);
      await nextTurn();
      const words = corpus.register(shard, meta.articles, new Map(meta.people));
      for (let i = 0; i < words.length; i += WORDS_PER_STEP) {
        await nextTurn();
        corpus.sentences.addSpellings(words.slice(i, i + WORDS_PER_STEP));
      }
      for (const key of packedShard.removed ?? []) {
        const info = corpus.byKey.get(key);
        if (info !== undefined) await corpus.removeArticle(info, nextTurn, { suggestions: false });
      }
    }
    await nextTurn();
    const entries = JSON.parse(decoder.decode(packed.suggestions)) as SuggestionEntry[];
    await nextTurn();
    corpus.tally = await SuggestionTally.inSteps(entries, nextTurn);
    corpus.suggestionIndex = await SuggestionIndex.inSteps(entries);
    return corpus;
  }

  /** The whole index in its packed form (typed arrays and UTF-8 JSON: see service/buildTransfer.ts). */
  pack(): PackedCorpus {
    return {
      generation: this.generation,
      shards: this.sentences.allShards().map((shard) => this.packShard(shard)),
      suggestions: this.packSuggestions(),
    };
  }

  /** One shard in its packed form, as it is now (its removed articles are not in it). */
  packShard(shard: IndexShard): PackedCorpusShard {
    const record = this.record(shard);
    const meta: ShardMeta = { articles: record.articles, people: [...record.people] };
    return { ...shard.pack(), meta: encoder.encode(JSON.stringify(meta)) };
  }

  packSuggestions(): Uint8Array {
    return encoder.encode(JSON.stringify(this.suggestionIndex.entries));
  }

  /** Each shard and the keys of the articles removed from it so far, in order. */
  shardRemovals(): Array<{ shard: IndexShard; removed: readonly number[] }> {
    return this.sentences.allShards().map((shard) => ({ shard, removed: this.record(shard).removed }));
  }

  /** The articles, in corpus order. */
  get articles(): readonly ArticleInfo[] {
    return this.articleList;
  }

  /** Sentences in the index. */
  get sentenceCount(): number {
    return this.sentences.size;
  }

  get suggestions(): SuggestionIndex {
    return this.suggestionIndex;
  }

  /** Changes with every in-place change (an engine's caches of the whole corpus key on it). */
  get changeCount(): number {
    return this.version;
  }

  article(key: number): ArticleInfo {
    const info = this.byKey.get(key);
    if (info === undefined) throw new Error(`no article with key ${key} in the index`);
    return info;
  }

  hasArticle(key: number): boolean {
    return this.byKey.has(key);
  }

  articleById(id: string): ArticleInfo | undefined {
    return this.byId.get(id);
  }

  /** The article a sentence belongs to. */
  articleOf(ref: number): ArticleInfo {
    return this.article(this.sentences.articleKey(ref));
  }

  /**
   * Adds an article in place: its sentences are analysed and indexed apart, a slice per turn of the
   * event loop, then join the corpus in one step (as a shard of their own).
   */
  async add(article: Article, nextTurn: NextTurn): Promise<ArticleInfo> {
    if (this.byId.has(article.id)) throw new Error(`an article with id ${article.id} is already in the index`);
    const info = this.newArticleInfo(article, this.sentences.nextRef);
    const known = new Set(this.names.knownPeople);
    const tally = new SuggestionTally();
    const sentences: AnalysedSentence[] = [];
    const slices = new TimeSlices(nextTurn, ANALYSIS_SLICE_MS);
    for (let i = 0; i < article.sentences.length; i++) {
      if (slices.spent) await slices.next();
      const s = article.sentences[i]!;
      const analysed = analyse(s.text, info.key, s.position, s.isHeadline, known, tally);
      // The article names someone in full, then by surname: its own names count as known.
      for (const person of analysed.people) for (const word of person.split(' ')) known.add(word);
      sentences.push(analysed);
    }
    await nextTurn();
    const shard = buildShard(info.firstRef, sentences);
    await nextTurn();
    // One step: from here on, questions see the article.
    for (const s of sentences) this.names.addPeople(s.people.map((p) => [p, 1] as const));
    this.sentences.addSpellings(this.register(shard, [info], countPeople(sentences)));
    this.tally.merge(tally);
    this.version++;
    await this.refreshSuggestions(nextTurn);
    return info;
  }

  /**
   * Removes an article in place: what it added (terms, people, suggestions) is worked out a slice
   * per turn of the event loop, then it leaves the corpus in one step. Returns null when no article
   * has that id. MiniSearch vacuums the removed sentences out of its index later, in small batches.
   */
  async remove(id: string, nextTurn: NextTurn): Promise<ArticleInfo | null> {
    const info = this.byId.get(id);
    if (info === undefined) return null;
    await this.removeArticle(info, nextTurn, { suggestions: true });
    await this.refreshSuggestions(nextTurn);
    return info;
  }

  private async removeArticle(info: ArticleInfo, nextTurn: NextTurn, options: { suggestions: boolean }): Promise<void> {
    const shard = this.sentences.shardOf(info.firstRef);
    const record = this.record(shard);
    const known = this.names.knownPeople;
    const tally = new SuggestionTally();
    const sentences: AnalysedSentence[] = [];
    const slices = new TimeSlices(nextTurn, ANALYSIS_SLICE_MS);
    for (let i = 0; i < info.sentenceCount; i++) {
      if (slices.spent) await slices.next();
      const ref = info.firstRef + i;
      sentences.push(
        analyse(this.sentences.text(ref), info.key, this.sentences.position(ref), this.sentences.isHeadline(ref), known, tally),
      );
    }
    await nextTurn();
    // One step: from here on, questions no longer see the article.
    sentences.forEach((s, i) => this.sentences.discard(info.firstRef + i, s.terms, s.words));
    const people = countPeople(sentences);
    this.names.removePeople(people);
    for (const [person, count] of people) {
      const left = (record.people.get(person) ?? 0) - count;
      if (left > 0) record.people.set(person, left);
      else record.people.delete(person);
    }
    record.articles = record.articles.filter((a) => a.key !== info.key);
    record.removed.push(info.key);
    if (record.articles.length === 0) this.shardRecords.delete(shard);
    this.byKey.delete(info.key);
    this.byId.delete(info.id);
    this.articleList = this.articleList.filter((a) => a.key !== info.key);
    if (options.suggestions) this.tally.merge(tally, -1);
    this.version++;
  }

  private newArticleInfo(article: Article, firstRef: number): ArticleInfo {
    return {
      key: this.nextKey++,
      id: article.id,
      file: article.file,
      meta: article.meta,
      headline: article.headline,
      sentenceCount: article.sentences.length,
      firstRef,
    };
  }

  /**
   * Makes a shard (and its articles) part of the corpus; the caller has added its people to the
   * directory. Returns the words new to the corpus, for the vocabulary of spellings.
   */
  private register(shard: IndexShard, articles: ArticleInfo[], people: Map<string, number>): string[] {
    const words = this.sentences.addShard(shard);
    this.shardRecords.set(shard, { articles, people, removed: [] });
    for (const info of articles) {
      this.byKey.set(info.key, info);
      this.byId.set(info.id, info);
      this.nextKey = Math.max(this.nextKey, info.key + 1);
    }
    this.articleList = this.articleList.concat(articles);
    return words;
  }

  private record(shard: IndexShard): ShardRecord {
    const record = this.shardRecords.get(shard);
    if (record === undefined) throw new Error(`shard at sentence ${shard.base} is not part of this corpus index`);
    return record;
  }

  /** Autocomplete follows the corpus a turn or two after a change: answering needs none of it. */
  private async refreshSuggestions(nextTurn: NextTurn): Promise<void> {
    await nextTurn();
    const entries = await this.tally.entriesInSteps(this.names, nextTurn);
    await nextTurn();
    this.suggestionIndex.update(entries);
  }
}

/** Tokenizes a sentence once for its index terms, its names and its suggestions. */
function analyse(
  text: string,
  articleKey: number,
  position: number,
  isHeadline: boolean,
  knownPeople: ReadonlySet<string>,
  tally: SuggestionTally,
): AnalysedSentence {
  const tokens = tokenize(text);
  const entities = findEntities(text, tokens, knownPeople);
  tally.addSentence(text, tokens, entities);
  return {
    text,
    articleKey,
    position,
    isHeadline,
    terms: indexTerms(tokens),
    words: tokens.filter((t) => !t.isStopWord).map((t) => t.lower),
    leans: leansOnPrevious(text),
    people: peopleNamedInFull(entities),
  };
}

/** Indexes analysed sentences numbered from `base` as one shard. */
function buildShard(base: number, sentences: readonly AnalysedSentence[]): IndexShard {
  const documents: SentenceDocument[] = sentences.map((s, i) => ({
    id: base + i,
    terms: s.terms,
    context: s.leans && i > 0 && sentences[i - 1]!.articleKey === s.articleKey ? sentences[i - 1]!.terms : null,
  }));
  return IndexShard.build(
    base,
    SentenceStore.of(sentences),
    documents,
    sentences.map((s) => s.words),
  );
}

function countPeople(sentences: readonly AnalysedSentence[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const s of sentences) for (const person of s.people) counts.set(person, (counts.get(person) ?? 0) + 1);
  return counts;
}
