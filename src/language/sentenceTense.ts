import { RANKING_TENSE, wordsRegExp } from './wordLists.js';
import { irregularVerbBase } from './wordnetMorphy.js';

const FUTURE = wordsRegExp(RANKING_TENSE.future);
const PAST = wordsRegExp(RANKING_TENSE.past);

/**
 * The tense a sentence tells its news in, from its words ("will", "scheduled" against "was", "met",
 * "ago"): null when it says neither or both.
 */
export function sentenceTense(text: string): 'past' | 'future' | null {
  const future = FUTURE.test(text);
  const past = PAST.test(text);
  if (future === past) return null;
  return future ? 'future' : 'past';
}

/** Lower-case words, not joined by a hyphen to another ("state-owned" is no verb). */
const WORD = /(?<![\p{L}-])\p{Ll}+(?![\p{L}-])/gu;

/**
 * Whether a sentence speaks of the past, by any verb in it: the clear markers of `sentenceTense`,
 * or, with no marker of the future, a regular ("erupted") or irregular ("sank") past form.
 */
export function speaksOfThePast(text: string): boolean {
  const tense = sentenceTense(text);
  if (tense !== null) return tense === 'past';
  for (const [word] of text.matchAll(WORD)) {
    if (word.length > 3 && word.endsWith('ed')) return true;
    // "sank", "led"; not "is", "has", "does" or "lying", which the same list holds.
    if (word !== 'am' && !/(?:s|ing)$/u.test(word) && irregularVerbBase(word) !== undefined) return true;
  }
  return false;
}
