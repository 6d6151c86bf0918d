import { RANKING_TENSE, wordsRegExp } from './wordLists.js';

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
