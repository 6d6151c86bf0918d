// Misspelt words find the corpus's words they stand for (MiniSearch's fuzzy and prefix search over
// the corpus's vocabulary, src/search/vocabulary.ts), guarded so that a real word the corpus lacks
// is not "corrected" into one it has, and short words are left alone.

import { describe, expect, it } from 'vitest';
import { sampleEngine } from '../support/sampleCorpus.js';

const engine = sampleEngine();

describe('typo-tolerant matching', () => {
  it.each([
    ['who', 'finnish presidnet', 'Aku Lehtonen'],
    ['when', 'shiping agreement signed', 'Thursday'],
    ['when', 'the shipping agreemnt', 'Thursday'],
  ] as const)('/%s %s finds the sentence the correctly spelt words would', (command, query, answer) => {
    const typed = engine.answer(command, query);
    expect(typed.answer).toBe(answer);
    expect(typed.excerpts[0]?.text).toContain('Aku Lehtonen');
  });

  it('completes a word typed in part', () => {
    expect(engine.answer('who', 'exhibit shipbuild').excerpts[0]?.text).toContain('Kongsberg Maritime');
  });

  it.each([
    // "fairy" is an English word, not a misspelt "fair": nothing about a fairy tale festival.
    ['when', 'fairy tale festival'],
    // A misspelling of a word the corpus does not have stays unmatched.
    ['who', 'cheif of police'],
    ['when', 'electon day'],
  ] as const)('/%s %s: a question the corpus cannot answer still finds nothing', (command, query) => {
    expect(engine.answer(command, query)).toMatchObject({ status: 'not-found', answer: null, excerpts: [] });
  });

  it('leaves short words alone: too many of them are one letter apart', () => {
    expect(engine.index.spellings('fiar', { prefix: true, maxEdits: 0, limit: 3 })).toEqual([]);
    expect(engine.answer('when', 'fiar tale festivl')).toMatchObject({ status: 'not-found' });
  });
});
