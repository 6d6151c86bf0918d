import { describe, expect, it } from 'vitest';
import { SentenceIndex } from '../../src/search/sentenceIndex.js';

const index = SentenceIndex.build([
  ['summit', 'xi', 'monday'],
  ['summit', 'summit', 'dinner'],
  ['trade', 'talk', 'tuesday'],
  ['exhibitor', 'shipbuild'],
  [],
]);

describe('the sentence index', () => {
  it('counts in how many sentences each term occurs, and weighs rare terms more', () => {
    expect(index.size).toBe(5);
    expect(index.frequency('summit')).toBe(2);
    expect(index.frequency('xi')).toBe(1);
    expect(index.frequency('absent')).toBe(0);
    expect(index.idf('xi')).toBeGreaterThan(index.idf('summit'));
    expect(index.idf('absent')).toBeGreaterThan(index.idf('xi'));
  });

  it('finds the sentences with any of the terms, best BM25 score first', () => {
    const found = index.candidates([{ term: 'summit', weight: 1, prefix: false }, { term: 'xi', weight: 1, prefix: false }], 10);
    expect(found.map((c) => c.ref)).toEqual([0, 1]);
    expect(found[0]!.score).toBeGreaterThan(found[1]!.score);
    expect(index.candidates([{ term: 'absent', weight: 1, prefix: false }], 10)).toEqual([]);
  });

  it('keeps only the best ones when asked for fewer', () => {
    const found = index.candidates([{ term: 'summit', weight: 1, prefix: false }], 1);
    expect(found).toHaveLength(1);
    expect(found[0]!.ref).toBe(1);
  });

  it('matches longer words by prefix, counting them less than the word itself', () => {
    expect(index.candidates([{ term: 'exhibit', weight: 1, prefix: false }], 10)).toEqual([]);
    const found = index.candidates([{ term: 'exhibit', weight: 1, prefix: true }], 10);
    expect(found.map((c) => c.ref)).toEqual([3]);
    expect(index.hasLongerTerm('exhibit')).toBe(true);
    expect(index.hasLongerTerm('exhibitor')).toBe(false);
  });

  it('answers the same from its buffers as when built', () => {
    const copy = SentenceIndex.fromBuffers(index.buffers);
    const query = [{ term: 'summit', weight: 1, prefix: false }, { term: 'tuesday', weight: 2, prefix: false }];
    expect(copy.candidates(query, 10)).toEqual(index.candidates(query, 10));
  });
});
