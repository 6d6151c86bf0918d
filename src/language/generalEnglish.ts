import { TOTAL_COUNT, WORD_COUNTS } from './generalEnglishCounts.generated.js';

/**
 * How common a word is in everyday English, from the SUBTLEX-US word frequencies (74,000 words
 * counted in 51 million words of film subtitles). The corpus cannot tell how telling a word it has
 * never seen is: "land" or "begins" may just be phrased otherwise in the articles, while "bitcoin"
 * or "Olympic" name a topic they do not cover. General frequency tells the two apart.
 * The counts are read from generalEnglishCounts.generated.ts (scripts/generalEnglishCounts.ts makes
 * it from the package), which keeps only the words less rare than an unknown word.
 */

/** Rarity at or below this (log of words per occurrence) counts as an everyday word. */
const COMMON = 6;
/** At or above this, as rare as a word can be (unseen words, names). */
const RARE = 14;

let counts: Map<string, number> | undefined;

function load(): Map<string, number> {
  if (counts === undefined) {
    counts = new Map();
    for (const line of WORD_COUNTS.split('\n')) {
      const space = line.lastIndexOf(' ');
      counts.set(line.slice(0, space), Number(line.slice(space + 1)));
    }
  }
  return counts;
}

/** The rarity a count gives, from 0 (everyday) to 1 (as rare as a word can be). */
function rarityOfCount(count: number, total: number): number {
  const rarity = Math.log(total / (count + 1));
  return Math.min(1, Math.max(0, (rarity - COMMON) / (RARE - COMMON)));
}

/** Whether a word counted this often weighs as an unknown word does (the generated module leaves it out). */
export function isRarerThanAnyCount(count: number, total: number): boolean {
  return rarityOfCount(count, total) >= 1;
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
  return rarityOfCount(count, TOTAL_COUNT);
}
