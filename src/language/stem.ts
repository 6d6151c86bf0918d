import { stemmer } from 'stemmer';
import { irregularVerbBase } from './wordnetMorphy.js';

/**
 * Irregular English forms the Porter stemmer cannot reduce, stemmed as their base form, so that
 * "met" matches "meet" and "sank" matches "sink": the irregular verbs of wordnetMorphy.ts (the one
 * list of them), and the plural nouns a question is likely to use. General English, not tied to any
 * article.
 */
const IRREGULAR_NOUNS: Readonly<Record<string, string>> = {
  children: 'child',
  men: 'man',
  women: 'woman',
};

/** The stem of one lower-case word: irregular forms first, then the Porter stemmer. */
export function stemWord(lowerWord: string): string {
  const irregular = irregularVerbBase(lowerWord) ?? IRREGULAR_NOUNS[lowerWord];
  if (irregular !== undefined) return stemmer(irregular);
  return stemmer(lowerWord);
}
