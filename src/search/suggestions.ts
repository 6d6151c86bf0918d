/**
 * Autocomplete suggestions for a query: the names, places and organisations the corpus mentions,
 * and its key phrases ("economic cooperation", "supply chains"), matching what has been typed so
 * far. They are tallied while the corpus is indexed (SuggestionTally) and searched with a small
 * MiniSearch index of their own, by prefix (SuggestionIndex).
 */
import MiniSearch, { type Options } from 'minisearch';
import type { Entity } from '../language/entities.js';
import type { NameDirectory } from '../language/nameDirectory.js';
import { PLACES } from '../language/gazetteer.js';
import { generalRarity } from '../language/generalEnglish.js';
import { foldText, stripDiacritics } from '../language/normalize.js';

/** Discord's limits on autocomplete: 25 choices, each at most 100 characters. */
export const MAX_SUGGESTIONS = 25;
export const MAX_SUGGESTION_LENGTH = 100;

/** A phrase is "key" when one of its words is at least this rare in everyday English. */
const KEY_PHRASE_RARITY = 0.5;
/** A one-word name of unknown kind must be at least this rare to be more than a capitalised word ("South"). */
const SINGLE_NAME_RARITY = 0.7;
/** Words that end a phrase although they are not stop words: connectives, time and hedge words. */
const PHRASE_BREAKERS = new Set(
  'whether since last next like amid alongside including includes via per according remains said says told while ago'.split(' '),
);
const MIN_PHRASE_WORDS = 2;
const MAX_PHRASE_WORDS = 4;
/** Entities outrank phrases; among each, frequency in the corpus ranks. */
const ENTITY_WEIGHT: Readonly<Record<Entity['type'], number>> = { person: 3, organisation: 3, place: 3, name: 2 };
const PHRASE_WEIGHT = 1;

export type SuggestionKind = 'entity' | 'phrase';

/** A suggestion as the corpus index keeps it (and saves it). */
export interface SuggestionEntry {
  /** As the corpus writes it ("Kang Yu-jung", "supply chains"). */
  text: string;
  kind: SuggestionKind;
  /** How often the corpus has it. */
  count: number;
  /** Higher first when several match equally well. */
  weight: number;
}

/** At most this many suggestions are kept per corpus, the most frequent: enough to type into, bounded in memory. */
export const MAX_STORED_SUGGESTIONS = 10_000;
/** Distinct candidates tallied at once while indexing; past this, those seen only once are dropped. */
const MAX_TALLIED = 300_000;

/** Letters that do not decompose into a base letter and an accent, as people type them without. */
const PLAIN_LETTERS: Readonly<Record<string, string>> = { ø: 'o', æ: 'ae', œ: 'oe', ß: 'ss', đ: 'd', ł: 'l', þ: 'th', ð: 'd', ı: 'i' };

/** Folded words of a text: lower case, no accents ("Tromsø" → "tromso"), hyphens and punctuation as spaces. */
export function foldWords(text: string): string[] {
  return folded(text)
    .split(' ')
    .filter((word) => word.length > 0);
}

// Names and phrases repeat across a corpus and its changes: each text is folded once (bounded).
const FOLDED_LIMIT = 100_000;
const foldedTexts = new Map<string, string>();

/** The folded words of a text joined by single spaces. */
function folded(text: string): string {
  let words = foldedTexts.get(text);
  if (words === undefined) {
    words = stripDiacritics(foldText(text))
      .replace(/[øæœßđłþðı]/g, (letter) => PLAIN_LETTERS[letter] ?? letter)
      .split(/[^\p{L}\p{N}]+/u)
      .filter((word) => word.length > 0)
      .join(' ');
    if (foldedTexts.size >= FOLDED_LIMIT) foldedTexts.clear();
    foldedTexts.set(text, words);
  }
  return words;
}

interface Tally {
  surfaces: Map<string, number>;
  kind: SuggestionKind;
  weight: number;
  count: number;
}

/** A stable order for ties (plain code-unit order: localeCompare costs too much over thousands). */
function byCodeUnits(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** The order of suggestions: the weightiest first, then by their text. */
function bySuggestionRank(a: SuggestionEntry, b: SuggestionEntry): number {
  return b.weight - a.weight || byCodeUnits(a.text, b.text);
}

/** A token as phrase finding needs it (language/tokenize.ts's Token has these). */
export interface PhraseToken {
  surface: string;
  start: number;
  end: number;
  lower: string;
  isStopWord: boolean;
  index: number;
}

/**
 * Counts suggestions while the corpus is indexed, one sentence at a time (the indexing pass already
 * has each sentence's tokens and names), and takes them back when sentences leave the corpus.
 */
export class SuggestionTally {
  private readonly tallies = new Map<string, Tally>();
  /** Folded key of each surface seen: names and phrases repeat, folding them is costly. */
  private readonly keys = new Map<string, string>();

  /** A tally that starts from saved entries (see `entries`). */
  static of(entries: readonly SuggestionEntry[]): SuggestionTally {
    const tally = new SuggestionTally();
    tally.addEntries(entries);
    return tally;
  }

  /**
   * As `of`, a slice of the entries per turn of the event loop: a large corpus's tally takes a tenth
   * of a second or more to rebuild, which a question waiting meanwhile should not wait.
   */
  static async inSteps(entries: readonly SuggestionEntry[], nextTurn: () => Promise<unknown>): Promise<SuggestionTally> {
    const tally = new SuggestionTally();
    for (let i = 0; i < entries.length; i += TALLY_STEP) {
      if (i > 0) await nextTurn();
      tally.addEntries(entries.slice(i, i + TALLY_STEP));
    }
    return tally;
  }

  private addEntries(entries: readonly SuggestionEntry[]): void {
    for (const entry of entries) this.add(entry.text, entry.kind, entry.weight / (1 + Math.log2(Math.max(1, entry.count))), entry.count);
  }

  addSentence(text: string, tokens: readonly PhraseToken[], entities: readonly Entity[]): void {
    this.countSentence(text, tokens, entities, 1);
  }

  /** Takes back what `addSentence` counted for the same sentence. */
  removeSentence(text: string, tokens: readonly PhraseToken[], entities: readonly Entity[]): void {
    this.countSentence(text, tokens, entities, -1);
  }

  /**
   * Adds another tally's counts (an article's, analysed apart before it joins the corpus), or with
   * `sign` -1 takes them away (an article that leaves).
   */
  merge(other: SuggestionTally, sign: 1 | -1 = 1): void {
    for (const tally of other.tallies.values()) {
      for (const [surface, count] of tally.surfaces) this.add(surface, tally.kind, tally.weight, sign * count);
    }
  }

  /**
   * The suggestions, best first, at most MAX_STORED_SUGGESTIONS. A surname the corpus gives in full
   * elsewhere ("Solberg-Vik" for "Ingrid Solberg-Vik") is counted under the full name.
   */
  entries(names: NameDirectory): SuggestionEntry[] {
    const steps = this.entrySteps(names);
    let step = steps.next();
    while (step.done !== true) step = steps.next();
    return step.value;
  }

  /**
   * As `entries`, a slice of the tallies per turn of the event loop: at a million sentences the
   * tally holds up to MAX_TALLIED phrases and names, tens of milliseconds of work after every
   * in-place change, which a question waiting meanwhile should not wait.
   */
  async entriesInSteps(names: NameDirectory, nextTurn: () => Promise<unknown>): Promise<SuggestionEntry[]> {
    const steps = this.entrySteps(names);
    let step = steps.next();
    while (step.done !== true) {
      await nextTurn();
      step = steps.next();
    }
    return step.value;
  }

  /**
   * The work of `entries`, pausing (yielding) after every ENTRIES_STEP tallies. The best entries are
   * kept by sorting and cutting whenever twice as many as are stored have piled up: no turn sorts
   * more than that, and the best MAX_STORED_SUGGESTIONS come out as one sort of them all would give.
   */
  private *entrySteps(names: NameDirectory): Generator<void, SuggestionEntry[]> {
    let done = 0;
    const counts = new Map<Tally, number>();
    for (const tally of this.tallies.values()) {
      if (++done % ENTRIES_STEP === 0) yield;
      counts.set(tally, (counts.get(tally) ?? 0) + tally.count);
    }
    for (const tally of this.tallies.values()) {
      if (++done % ENTRIES_STEP === 0) yield;
      const surface = tally.surfaces.keys().next().value;
      if (tally.kind !== 'entity' || surface === undefined || /\s/.test(surface)) continue;
      const full = names.fullNamesFor(surface.toLowerCase())[0];
      const target = full === undefined ? undefined : this.tallies.get(folded(full));
      if (target === undefined || target === tally) continue;
      counts.set(target, (counts.get(target) ?? 0) + (counts.get(tally) ?? 0));
      counts.delete(tally);
    }
    let entries: SuggestionEntry[] = [];
    const best = (): SuggestionEntry[] => entries.sort(bySuggestionRank).slice(0, MAX_STORED_SUGGESTIONS);
    for (const [key, tally] of this.tallies) {
      if (++done % ENTRIES_STEP === 0) yield;
      const count = counts.get(tally);
      if (count === undefined || count <= 0) continue;
      entries.push({ text: preferredSurface(tally.surfaces, key), kind: tally.kind, count, weight: tally.weight * (1 + Math.log2(count)) });
      if (entries.length >= 2 * MAX_STORED_SUGGESTIONS) {
        entries = best();
        yield;
      }
    }
    yield;
    return best();
  }

  private countSentence(text: string, tokens: readonly PhraseToken[], entities: readonly Entity[], delta: number): void {
    for (const entity of entities) {
      if (isNoise(entity)) continue;
      this.add(entity.text, 'entity', ENTITY_WEIGHT[entity.type], delta);
    }
    for (const phrase of keyPhrases(text, tokens, entities)) this.add(phrase, 'phrase', PHRASE_WEIGHT, delta);
  }

  /** Keeps memory bounded on a huge corpus: what was seen once so far is unlikely to be kept. */
  private forgetRare(): void {
    for (const [key, tally] of this.tallies) if (tally.count === 1) this.tallies.delete(key);
  }

  private add(surface: string, kind: SuggestionKind, weight: number, delta: number): void {
    const text = surface.replace(/\s+/g, ' ').trim();
    if (text.length < 2 || text.length > MAX_SUGGESTION_LENGTH) return;
    let key = this.keys.get(text);
    if (key === undefined) {
      key = folded(text);
      if (this.keys.size < MAX_TALLIED) this.keys.set(text, key);
    }
    if (key.length === 0) return;
    let tally = this.tallies.get(key);
    if (tally === undefined) {
      if (delta <= 0) return;
      if (this.tallies.size >= MAX_TALLIED) this.forgetRare();
      if (this.tallies.size >= MAX_TALLIED) return;
      tally = { surfaces: new Map<string, number>(), kind, weight, count: 0 };
      this.tallies.set(key, tally);
    }
    // Bounded: a corpus of a million sentences repeats its surfaces; keep a handful per key.
    if (tally.surfaces.size < 8 || tally.surfaces.has(text)) {
      const n = (tally.surfaces.get(text) ?? 0) + delta;
      if (n > 0) tally.surfaces.set(text, n);
      else tally.surfaces.delete(text);
    }
    tally.count += delta;
    if (tally.count <= 0 || tally.surfaces.size === 0) {
      this.tallies.delete(key);
      return;
    }
    if (weight > tally.weight) {
      tally.weight = weight;
      tally.kind = kind;
    }
  }
}

/**
 * A single ordinary word the text happened to capitalise ("South", "Port" at a sentence start) is
 * no name, unless it is a known place ("China").
 */
function isNoise(entity: Entity): boolean {
  if (entity.type === 'person' || /[\s-]/.test(entity.text) || PLACES.has(entity.key)) return false;
  return generalRarity(entity.key) < SINGLE_NAME_RARITY;
}

/**
 * How to write a suggestion: the full form (a person's full name rather than their surname), in
 * mixed case rather than ALL CAPS, then the corpus's most frequent spelling.
 */
function preferredSurface(surfaces: Map<string, number>, key: string): string {
  let best = '';
  let bestScore = -Infinity;
  for (const [surface, count] of surfaces) {
    const full = folded(surface) === key ? 1_000 : 0;
    const mixedCase = surface === surface.toUpperCase() ? 0 : 100;
    const score = full + mixedCase + count;
    if (score > bestScore) {
      best = surface;
      bestScore = score;
    }
  }
  return best;
}

/**
 * Runs of 2 to 4 adjacent content words (no stop word, no punctuation between) that are not just a
 * name and hold at least one word rarer than everyday English: "economic cooperation", "missile
 * launch". A run that opens with a name ("Lee hopes", "Xi recently met") is a subject and its verb,
 * not a phrase, unless the name is a possessive ("China’s help"); adverbs do not open or close one.
 */
function keyPhrases(text: string, tokens: readonly PhraseToken[], entities: readonly Entity[]): string[] {
  const inName = new Set<number>();
  for (const entity of entities) for (let i = entity.firstToken; i <= entity.lastToken; i++) inName.add(i);
  const phrases: string[] = [];
  let run: PhraseToken[] = [];
  const flush = () => {
    while (run.length > 0 && /ly$/.test(run[run.length - 1]!.lower)) run.pop();
    while (run.length > 0 && /ly$/.test(run[0]!.lower)) run.shift();
    const first = run[0];
    const opensWithName = first !== undefined && inName.has(first.index) && !/['’]s?$/.test(first.surface);
    if (!opensWithName && run.length >= MIN_PHRASE_WORDS && run.length <= MAX_PHRASE_WORDS) {
      const allName = run.every((t) => inName.has(t.index));
      const numeric = /^\d/.test(run[0]!.lower) || /^\d/.test(run[run.length - 1]!.lower);
      const key = run.some((t) => !/^\d/.test(t.lower) && generalRarity(t.lower) >= KEY_PHRASE_RARITY);
      if (!allName && !numeric && key) phrases.push(text.slice(run[0]!.start, run[run.length - 1]!.end));
    }
    run = [];
  };
  for (const token of tokens) {
    const previous = run[run.length - 1];
    if (token.isStopWord || token.lower.length < 2 || PHRASE_BREAKERS.has(token.lower)) {
      flush();
      continue;
    }
    if (previous !== undefined && !/^[ \t]+$/.test(text.slice(previous.end, token.start))) flush();
    run.push(token);
  }
  flush();
  return phrases;
}

interface SuggestionDocument {
  id: number;
  /** Folded words joined by single spaces: "kang yu jung". */
  words: string;
}

const SUGGESTION_INDEX_OPTIONS: Options<SuggestionDocument> = {
  fields: ['words'],
  tokenize: (text) => text.split(' '),
  processTerm: (term) => term,
};

/** Suggestions indexed between two turns of the event loop while an index is built. */
const CHUNK = 1_000;
/** Suggestions tallied per turn of the event loop while a saved index loads. */
const TALLY_STEP = 2_000;
/** Tallies read per turn of the event loop when the suggestions are worked out again after a change. */
const ENTRIES_STEP = 2_000;

/**
 * The suggestions of a corpus, searchable as they are typed: a small MiniSearch index over their
 * folded words, every typed word a prefix of one of theirs (MiniSearch's prefix search, AND).
 */
export class SuggestionIndex {
  private readonly index = new MiniSearch<SuggestionDocument>(SUGGESTION_INDEX_OPTIONS);
  /** The suggestions by document id, with their folded words (" kang yu jung"): where the typed text starts in them. */
  private readonly documentsById = new Map<number, { entry: SuggestionEntry; haystack: string }>();
  /** Document id of each suggestion's text. */
  private readonly ids = new Map<string, number>();
  private nextId = 0;
  private list: readonly SuggestionEntry[] = [];

  /** The suggestions, best first. */
  get entries(): readonly SuggestionEntry[] {
    return this.list;
  }

  /** Indexes suggestions at once (a small corpus, tests). */
  static of(entries: readonly SuggestionEntry[]): SuggestionIndex {
    const index = new SuggestionIndex();
    index.index.addAll(index.track(entries));
    index.list = entries;
    return index;
  }

  /** Indexes suggestions a chunk per turn of the event loop (MiniSearch's addAllAsync). */
  static async inSteps(entries: readonly SuggestionEntry[]): Promise<SuggestionIndex> {
    const index = new SuggestionIndex();
    await index.index.addAllAsync(index.track(entries), { chunkSize: CHUNK });
    index.list = entries;
    return index;
  }

  /**
   * Takes the suggestions of a corpus that changed in place: those new to it are added to the index
   * (MiniSearch's add), those gone discarded, in one step; the others only change weight.
   */
  update(entries: readonly SuggestionEntry[]): void {
    const kept = new Set(entries.map((entry) => entry.text));
    for (const [text, id] of this.ids) {
      if (kept.has(text)) continue;
      this.index.discard(id);
      this.ids.delete(text);
      this.documentsById.delete(id);
    }
    const added = entries.filter((entry) => !this.ids.has(entry.text));
    this.index.addAll(this.track(added));
    for (const entry of entries) this.documentsById.get(this.ids.get(entry.text)!)!.entry = entry;
    this.list = entries;
  }

  private track(entries: readonly SuggestionEntry[]): SuggestionDocument[] {
    return entries.map((entry) => {
      const id = this.nextId++;
      const words = folded(entry.text);
      this.ids.set(entry.text, id);
      this.documentsById.set(id, { entry, haystack: ` ${words}` });
      return { id, words };
    });
  }

  /**
   * Up to `limit` (at most 25) suggestions for what has been typed so far, each at most 100
   * characters: corpus names and phrases whose words start with the typed words (case- and
   * accent-insensitive), those that start with the whole typed text first, then those with a word
   * that does. When the whole text matches nothing, its last words are completed instead: "summit
   * with X" → "summit with Xi Jinping". Nothing typed: the most frequent.
   */
  suggest(typed: string, limit = MAX_SUGGESTIONS): string[] {
    const max = Math.max(0, Math.min(limit, MAX_SUGGESTIONS));
    const words = foldWords(typed);
    if (words.length === 0) return this.list.slice(0, max).map((s) => s.text);

    const ranked: Array<{ text: string; rank: number; weight: number }> = [];
    const seen = new Set<string>();
    const push = (text: string, rank: number, weight: number) => {
      const key = text.toLowerCase();
      if (text.length > MAX_SUGGESTION_LENGTH || seen.has(key)) return;
      seen.add(key);
      ranked.push({ text, rank, weight });
    };
    for (const { entry, rank } of this.matches(words)) push(entry.text, rank, entry.weight);
    // Complete the last words: keep what was typed before them as typed.
    const surfaceWords = typed.trim().split(/\s+/);
    if (ranked.length < max && surfaceWords.length > 1) {
      for (let from = 1; from < surfaceWords.length && ranked.length < max; from++) {
        const tail = foldWords(surfaceWords.slice(from).join(' '));
        if (tail.length === 0) continue;
        const head = surfaceWords.slice(0, from).join(' ');
        for (const { entry, rank } of this.matches(tail)) push(`${head} ${entry.text}`, 2 + from + rank, entry.weight);
      }
    }
    return ranked
      .sort((a, b) => a.rank - b.rank || b.weight - a.weight || byCodeUnits(a.text, b.text))
      .slice(0, max)
      .map((r) => r.text);
  }

  /**
   * Suggestions whose words the typed words start, in order: rank 0 when the suggestion starts with
   * the typed text, 1 when one of its words does.
   */
  private matches(words: readonly string[]): Array<{ entry: SuggestionEntry; rank: number }> {
    const typed = ` ${words.join(' ')}`;
    const found: Array<{ entry: SuggestionEntry; rank: number }> = [];
    for (const result of this.index.search(words.join(' '), { prefix: true, combineWith: 'AND' })) {
      const document = this.documentsById.get(Number(result.id));
      if (document === undefined) continue;
      if (document.haystack.startsWith(typed)) found.push({ entry: document.entry, rank: 0 });
      else if (document.haystack.includes(typed)) found.push({ entry: document.entry, rank: 1 });
    }
    return found;
  }
}
