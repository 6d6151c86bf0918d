import { randomUUID } from 'node:crypto';
import type { Article, ArticleMeta } from '../corpus/types.js';
import { findEntities } from '../language/entities.js';
import { NameDirectory, peopleNamedInFull } from '../language/nameDirectory.js';
import { leansOnPrevious } from '../language/sentenceAnalysis.js';
import { indexTerms, tokenize } from '../language/tokenize.js';
import { IndexShard, type PackedShard, type SentenceDocument } from './indexShard.js';
import { SentenceIndex } from './sentenceIndex.js';
import { SentenceStore, type StoredSentence } from './sentenceStore.js';
import { SuggestionIndex, SuggestionTally, type SuggestionEntry } from './suggestions.js';

/**
 * The corpus, searchable: its articles, their sentences in MiniSearch (SentenceIndex), the people
 * it names (NameDirectory) and its autocomplete suggestions. Built whole from loaded articles (on a
 * worker thread for a reload), or changed in place one article at a time: an added article is
 * analysed and indexed apart, then joins in one step; a removed one leaves in one step. Either way
 * a question is answered from the corpus before or after the change, never from a part of it.
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
/** Sentences analysed between two turns of the event loop during an in-place change. */
const SENTENCES_PER_STEP = 200;

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
}

/** What a shard holds besides its sentences: its articles, and the people they name in full (with how often). */
interface ShardMeta {
  articles: ArticleInfo[];
  people: Array<[string, number]>;
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
  private readonly shardMeta = new Map<IndexShard, { articles: ArticleInfo[]; people: Map<string, number>; version: number }>();
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
      if (batch.length > 0) corpus.attach(batch);
      batch = [];
      batchSize = 0;
    };
    for (const article of articles) {
      const info = corpus.newArticleInfo(article, corpus.sentences.nextRef + batchSize);
      const sentences = article.sentences.map((s) => corpus.analyse(s.text, info.key, s.position, s.isHeadline, corpus.names.knownPeople, corpus.tally));
      for (const s of sentences) corpus.names.addPeople(s.people.map((p) => [p, 1] as const));
      batch.push({ info, sentences });
      batchSize += sentences.length;
      if (batchSize >= SHARD_SENTENCES) flush();
    }
    flush();
    corpus.suggestionIndex = SuggestionIndex.of(corpus.tally.entries(corpus.names));
    return corpus;
  }

  /**
   * An index back from its packed form, a shard per turn of the event loop (`nextTurn`), so that a
   * thread answering questions meanwhile is held for one shard's loading at most.
   */
  static async unpack(packed: PackedCorpus, nextTurn: () => Promise<unknown>): Promise<CorpusIndex> {
    const corpus = new CorpusIndex(packed.generation);
    for (const packedShard of packed.shards) {
      await nextTurn();
      const shard = IndexShard.fromPacked(packedShard);
      const meta = JSON.parse(decoder.decode(packedShard.meta)) as ShardMeta;
      corpus.names.addPeople(meta.people);
      corpus.register(shard, meta.articles, new Map(meta.people));
    }
    await nextTurn();
    const entries = JSON.parse(decoder.decode(packed.suggestions)) as SuggestionEntry[];
    corpus.tally = SuggestionTally.of(entries);
    corpus.suggestionIndex = await SuggestionIndex.inSteps(entries);
    return corpus;
  }

  /** The whole index in its packed form (typed arrays and UTF-8 JSON, see transferList). */
  pack(): PackedCorpus {
    return { generation: this.generation, shards: this.sentences.allShards().map((shard) => this.packShard(shard)), suggestions: this.packSuggestions() };
  }

  /** One shard in its packed form. */
  packShard(shard: IndexShard): PackedCorpusShard {
    const meta = this.shardMeta.get(shard);
    if (meta === undefined) throw new Error(`shard at sentence ${shard.base} is not part of this corpus index`);
    const shardMeta: ShardMeta = { articles: meta.articles, people: [...meta.people] };
    return { ...shard.pack(), meta: encoder.encode(JSON.stringify(shardMeta)) };
  }

  packSuggestions(): Uint8Array {
    return encoder.encode(JSON.stringify(this.suggestionIndex.entries));
  }

  /** Each shard and its version (changed whenever the shard is): what a saved copy must match. */
  shardVersions(): Array<{ shard: IndexShard; version: number }> {
    return this.sentences.allShards().map((shard) => ({ shard, version: this.shardMeta.get(shard)?.version ?? 0 }));
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
  async add(article: Article, nextTurn: () => Promise<unknown>): Promise<ArticleInfo> {
    if (this.byId.has(article.id)) throw new Error(`an article with id ${article.id} is already in the index`);
    const info = this.newArticleInfo(article, this.sentences.nextRef);
    const known = new Set(this.names.knownPeople);
    const tally = new SuggestionTally();
    const sentences: AnalysedSentence[] = [];
    for (let i = 0; i < article.sentences.length; i++) {
      if (i > 0 && i % SENTENCES_PER_STEP === 0) await nextTurn();
      const s = article.sentences[i]!;
      const analysed = this.analyse(s.text, info.key, s.position, s.isHeadline, known, tally);
      // The article names someone in full, then by surname: its own names count as known.
      for (const person of analysed.people) for (const word of person.split(' ')) known.add(word);
      sentences.push(analysed);
    }
    await nextTurn();
    const shard = IndexShard.build(info.firstRef, SentenceStore.of(sentences), documentsOf(info.firstRef, sentences), sentences.map((s) => s.words));
    await nextTurn();
    // One step: from here on, questions see the article.
    for (const s of sentences) this.names.addPeople(s.people.map((p) => [p, 1] as const));
    this.register(shard, [info], countPeople(sentences));
    this.tally.merge(tally);
    this.version++;
    await this.refreshSuggestions();
    return info;
  }

  /**
   * Removes an article in place: what it added (terms, people, suggestions) is worked out a slice
   * per turn of the event loop, then it leaves the corpus in one step. Returns null when no article
   * has that id. MiniSearch vacuums the removed sentences out of its index later, in small batches.
   */
  async remove(id: string, nextTurn: () => Promise<unknown>): Promise<ArticleInfo | null> {
    const info = this.byId.get(id);
    if (info === undefined) return null;
    const shard = this.sentences.shardOf(info.firstRef);
    const meta = this.shardMeta.get(shard)!;
    const known = this.names.knownPeople;
    const tally = new SuggestionTally();
    const sentences: AnalysedSentence[] = [];
    for (let i = 0; i < info.sentenceCount; i++) {
      if (i > 0 && i % SENTENCES_PER_STEP === 0) await nextTurn();
      const ref = info.firstRef + i;
      sentences.push(this.analyse(this.sentences.text(ref), info.key, this.sentences.position(ref), this.sentences.isHeadline(ref), known, tally));
    }
    await nextTurn();
    // One step: from here on, questions no longer see the article.
    sentences.forEach((s, i) => this.sentences.discard(info.firstRef + i, s.terms, s.words));
    const people = countPeople(sentences);
    this.names.removePeople(people);
    for (const [person, count] of people) {
      const left = (meta.people.get(person) ?? 0) - count;
      if (left > 0) meta.people.set(person, left);
      else meta.people.delete(person);
    }
    meta.articles = meta.articles.filter((a) => a.key !== info.key);
    meta.version++;
    if (meta.articles.length === 0) this.shardMeta.delete(shard);
    this.byKey.delete(info.key);
    this.byId.delete(info.id);
    this.articleList = this.articleList.filter((a) => a.key !== info.key);
    this.tally.merge(tally, -1);
    this.version++;
    await this.refreshSuggestions();
    return info;
  }

  /** Changes with every in-place change (an engine's caches of the whole corpus key on it). */
  get changeCount(): number {
    return this.version;
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

  /** Tokenizes a sentence once for its index terms, its names and its suggestions. */
  private analyse(text: string, articleKey: number, position: number, isHeadline: boolean, knownPeople: ReadonlySet<string>, tally: SuggestionTally): AnalysedSentence {
    const tokens = tokenize(text);
    // News names a person in full first, then by surname: the names known so far type "Lee".
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

  /** Indexes a batch of analysed articles as one shard and registers it. */
  private attach(batch: ReadonlyArray<{ info: ArticleInfo; sentences: AnalysedSentence[] }>): void {
    const base = batch[0]!.info.firstRef;
    const sentences = batch.flatMap((b) => b.sentences);
    const shard = IndexShard.build(base, SentenceStore.of(sentences), documentsOf(base, sentences), sentences.map((s) => s.words));
    this.register(
      shard,
      batch.map((b) => b.info),
      countPeople(sentences),
    );
  }

  /** Makes a shard (and its articles) part of the corpus; the caller has added its people to the directory. */
  private register(shard: IndexShard, articles: ArticleInfo[], people: Map<string, number>): void {
    this.sentences.addShard(shard);
    this.shardMeta.set(shard, { articles, people, version: 0 });
    for (const info of articles) {
      this.byKey.set(info.key, info);
      this.byId.set(info.id, info);
      this.nextKey = Math.max(this.nextKey, info.key + 1);
    }
    this.articleList = this.articleList.concat(articles);
  }

  private async refreshSuggestions(): Promise<void> {
    this.suggestionIndex = await SuggestionIndex.inSteps(this.tally.entries(this.names));
  }
}

function documentsOf(base: number, sentences: readonly AnalysedSentence[]): SentenceDocument[] {
  return sentences.map((s, i) => ({
    id: base + i,
    terms: s.terms,
    context: s.leans && i > 0 && sentences[i - 1]!.articleKey === s.articleKey ? sentences[i - 1]!.terms : null,
  }));
}

function countPeople(sentences: readonly AnalysedSentence[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const s of sentences) for (const person of s.people) counts.set(person, (counts.get(person) ?? 0) + 1);
  return counts;
}
