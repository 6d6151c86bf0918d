// The shared word lists: turned into regular expressions that match whole words and phrases only,
// and each reader's picks taken from the shared lists.
import { describe, expect, it } from 'vitest';
import {
  DATING_SAYING_VERBS,
  DATING_TENSE,
  FUTURE_WORDS,
  PAST_WORDS,
  QUESTION_SAYING_VERBS,
  QUESTION_TENSE,
  RANKING_TENSE,
  SAYING_VERBS,
  SPEAKER_VERBS,
  wordsPattern,
  wordsRegExp,
} from '../../src/language/wordLists.js';

describe('word lists', () => {
  it('match whole words and phrases, in any case, not parts of words', () => {
    const future = wordsRegExp(FUTURE_WORDS);
    expect(future.test('Lee Will visit Beijing')).toBe(true);
    expect(future.test('she is going to meet Xi')).toBe(true);
    expect(future.test("he'll arrive on Monday")).toBe(true);
    expect(future.test('a willing partner')).toBe(false);
    expect(future.test('the planet')).toBe(false);
  });

  it('escape what a regular expression would read as syntax', () => {
    expect(new RegExp(`^(?:${wordsPattern(['a.b', 'c+'])})$`).test('axb')).toBe(false);
    expect(new RegExp(`^(?:${wordsPattern(['a.b', 'c+'])})$`).test('c+')).toBe(true);
  });

  it('give each reader words of the shared lists only', () => {
    const within = (picked: readonly string[], shared: readonly string[]) => picked.filter((word) => !shared.includes(word));
    expect(within([...QUESTION_TENSE.future, ...RANKING_TENSE.future, ...DATING_TENSE.future], FUTURE_WORDS)).toEqual([]);
    expect(within([...QUESTION_TENSE.past, ...RANKING_TENSE.past, ...DATING_TENSE.past], PAST_WORDS)).toEqual([]);
    expect(within([...QUESTION_SAYING_VERBS, ...SPEAKER_VERBS, ...DATING_SAYING_VERBS], SAYING_VERBS)).toEqual([]);
    // Every word of a shared list is read by some reader.
    expect(within(FUTURE_WORDS, [...QUESTION_TENSE.future, ...RANKING_TENSE.future, ...DATING_TENSE.future])).toEqual([]);
    expect(within(SAYING_VERBS, [...QUESTION_SAYING_VERBS, ...SPEAKER_VERBS, ...DATING_SAYING_VERBS])).toEqual([]);
  });
});
