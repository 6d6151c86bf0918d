import { stemmer } from 'stemmer';
import { irregularVerbBase } from './wordnetMorphy.js';

/**
 * Irregular English forms the Porter stemmer cannot reduce, stemmed as their base form, so that
 * "met" matches "meet" and "sank" matches "sink": the irregular verbs of wordnetMorphy.ts (the one
 * list of them, also read by WordNet lookups), and below the few irregular plurals that are safe to
 * merge in an index ("leaves" and "media" are not). General English, not tied to any article.
 */
const IRREGULAR_NOUNS: Readonly<Record<string, string>> = {
  children: 'child',
  men: 'man',
  women: 'woman',
};

/**
 * Irregular verb forms that are as often another word ("lay" the adjective, "fed" the Fed, "bit",
 * "lit", "found", "saw", "rose", "bore"): stemmed as they are, never merged with the verb.
 */
const OTHER_WORDS_TOO = new Set(['lay', 'fed', 'bit', 'lit', 'found', 'saw', 'rose', 'bore']);

/** The stem of one lower-case word: irregular forms first, then the Porter stemmer. */
export function stemWord(lowerWord: string): string {
  const irregular = OTHER_WORDS_TOO.has(lowerWord) ? undefined : (irregularVerbBase(lowerWord) ?? IRREGULAR_NOUNS[lowerWord]);
  if (irregular !== undefined) return stemmer(irregular);
  return stemmer(lowerWord);
}
