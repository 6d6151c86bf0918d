import { setImmediate as nextTurn } from 'node:timers/promises';
import type { Article, ArticleMeta } from '../corpus/types.js';
import { findEntities } from '../language/entities.js';
import { NameDirectory } from '../language/nameDirectory.js';
import { indexTerms, tokenize } from '../language/tokenize.js';
import type { InvertedIndexBuffers } from '../search/invertedIndex.js';
import { SentenceIndex } from '../search/sentenceIndex.js';
import { SentenceStore, type SentenceStoreBuffers } from '../search/sentenceStore.js';
import { SuggestionTally, type SuggestionEntry } from './suggestions.js';

/** An article as the engine keeps it: its metadata and where its sentences are, not the sentences. */
export interface ArticleInfo {
  id: string;
  file: string;
  meta: ArticleMeta;
  headline: string | null;
  sentenceCount: number;
  /** Ref of the article's first sentence in the store and the index. */
  firstRef: number;
}

/** Everything an engine is made of, computed once per corpus. */
export interface EngineData {
  articles: ArticleInfo[];
  store: SentenceStore;
  index: SentenceIndex;
  names: NameDirectory;
  /** Autocomplete suggestions: the corpus's names and key phrases, best first. */
  suggestions: SuggestionEntry[];
}

/**
 * The same, as plain data and typed arrays: what a worker thread sends back after building and what
 * a snapshot file holds. Typed arrays travel between threads without copying.
 */
export interface EngineDataBuffers {
  articles: ArticleInfo[];
  people: Array<[string, number]>;
  suggestions: SuggestionEntry[];
  store: SentenceStoreBuffers;
  index: InvertedIndexBuffers;
}

/**
 * Builds the engine's data from loaded articles: one pass over the sentences tokenizes each once
 * for the index terms and the names it mentions.
 */
export function buildEngineData(articles: readonly Article[]): EngineData {
  const names = new NameDirectory();
  const suggestions = new SuggestionTally();
  const infos: ArticleInfo[] = [];
  let ref = 0;
  for (const article of articles) {
    infos.push({ id: article.id, file: article.file, meta: article.meta, headline: article.headline, sentenceCount: article.sentences.length, firstRef: ref });
    ref += article.sentences.length;
  }
  function* termsOfEachSentence(): Generator<string[]> {
    for (const article of articles) {
      for (const sentence of article.sentences) {
        const tokens = tokenize(sentence.text);
        // News names a person in full first, then by surname: the directory so far types "Lee".
        const entities = findEntities(sentence.text, tokens, names.knownPeople);
        names.addMentions(entities);
        suggestions.addSentence(sentence.text, tokens, entities);
        yield indexTerms(tokens);
      }
    }
  }
  const index = SentenceIndex.build(termsOfEachSentence());
  return { articles: infos, store: SentenceStore.fromArticles(articles), index, names, suggestions: suggestions.finish(names) };
}

export function toBuffers(data: EngineData): EngineDataBuffers {
  return { articles: data.articles, people: data.names.people(), suggestions: data.suggestions, store: data.store.buffers, index: data.index.buffers };
}

export function fromBuffers(buffers: EngineDataBuffers): EngineData {
  return {
    articles: buffers.articles,
    store: new SentenceStore(buffers.store),
    index: SentenceIndex.fromBuffers(buffers.index),
    names: NameDirectory.fromPeople(buffers.people),
    suggestions: buffers.suggestions,
  };
}

/** People added to the name directory between two turns of the event loop (about a millisecond's work). */
const PEOPLE_PER_STEP = 1000;

/**
 * The same as fromBuffers, in steps with a turn of the event loop between them, so that the thread
 * answering questions is never held for the whole of it (each step takes milliseconds even for a
 * large corpus; all of them together could hold a question for tens).
 */
export async function fromBuffersInSteps(buffers: EngineDataBuffers): Promise<EngineData> {
  await nextTurn();
  const index = SentenceIndex.fromBuffers(buffers.index);
  const names = new NameDirectory();
  for (let i = 0; i < buffers.people.length; i += PEOPLE_PER_STEP) {
    await nextTurn();
    names.addPeople(buffers.people.slice(i, i + PEOPLE_PER_STEP));
  }
  await nextTurn();
  return { articles: buffers.articles, store: new SentenceStore(buffers.store), index, names, suggestions: buffers.suggestions };
}

/** The typed arrays' memory, to hand over to another thread without copying. */
export function transferList(buffers: EngineDataBuffers): ArrayBuffer[] {
  const arrays = [...Object.values(buffers.store), buffers.index.postingStart, buffers.index.postingDoc, buffers.index.postingCount, buffers.index.docLength];
  return [...new Set(arrays.map((a) => a.buffer as ArrayBuffer))];
}
