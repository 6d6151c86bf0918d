import MiniSearch, { type Options } from 'minisearch';

/**
 * The corpus's words (folded, before stemming) in a small MiniSearch index of their own, one
 * document per word, for what MiniSearch does well and a sentence index of many shards would do
 * many times over: finding the words a misspelt or unfinished word stands for ("presidnet" →
 * "president", "negotia" → "negotiations"). Kept in step with the corpus as sentences come and go.
 */
export interface TermMatch {
  term: string;
  /** How close the match is: 1 for the word itself, less for prefix and fuzzy matches. */
  closeness: number;
}

interface TermDocument {
  id: string;
}

export interface VocabularyLookup {
  /** Also match terms that start with the word (its stem). */
  prefix: boolean;
  /** Also match terms within this many edits (0: none). */
  maxEdits: number;
  /** At most this many matches, closest first. */
  limit: number;
}

const OPTIONS: Options<TermDocument> = {
  fields: ['id'],
  tokenize: (text) => [text],
  processTerm: (term) => term,
  // Words come and go with a moderator's change: clean up in small batches.
  autoVacuum: { batchSize: 500, batchWait: 5, minDirtCount: 50, minDirtFactor: 0.1 },
};

export class Vocabulary {
  private readonly index = new MiniSearch<TermDocument>(OPTIONS);

  get size(): number {
    return this.index.documentCount;
  }

  add(terms: readonly string[]): void {
    for (const id of terms) if (!this.index.has(id)) this.index.add({ id });
  }

  remove(terms: readonly string[]): void {
    for (const id of terms) if (this.index.has(id)) this.index.discard(id);
  }

  /** The corpus words a word may stand for, closest first; the word itself excluded. */
  lookup(word: string, options: VocabularyLookup): TermMatch[] {
    if (!options.prefix && options.maxEdits === 0) return [];
    const results = this.index.search(word, { prefix: options.prefix, fuzzy: options.maxEdits > 0 ? options.maxEdits : false });
    const matches: TermMatch[] = [];
    for (const result of results) {
      const term = String(result.id);
      if (term === word) continue;
      matches.push({ term, closeness: closeness(word, term) });
    }
    return matches.sort((a, b) => b.closeness - a.closeness || a.term.localeCompare(b.term)).slice(0, options.limit);
  }
}

/**
 * 1 for the same word; a longer word that starts with it loses a little per extra letter; another
 * word loses per edit (as MiniSearch weighs prefix and fuzzy matches: a prefix stays relevant longer).
 */
function closeness(word: string, term: string): number {
  if (term.startsWith(word)) return word.length / (word.length + 0.3 * (term.length - word.length));
  return word.length / (word.length + editDistance(word, term));
}

/** Levenshtein distance (the matches are few and short: a plain dynamic programme). */
function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      current[j] = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
    previous = current;
  }
  return previous[b.length]!;
}
