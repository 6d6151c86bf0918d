// Retrieval over MiniSearch (src/search/sentenceIndex.ts): sentences that match every concept of a
// question first, then, bounded, those that match its rarer terms; corpus-wide term counts that
// follow sentences as they come and go; the vocabulary of spellings.

import { describe, expect, it } from 'vitest';
import { parseArticle } from '../../src/corpus/loadCorpus.js';
import { CorpusIndex } from '../../src/search/corpusIndex.js';
import type { SentenceIndex, TermGroups } from '../../src/search/sentenceIndex.js';

function indexOf(lines: readonly string[]): SentenceIndex {
  return CorpusIndex.build([parseArticle({ id: 'a', file: 'a.txt', content: `${lines.join('\n')}\n` })]).sentences;
}

const texts = (index: SentenceIndex, groups: TermGroups, limit = 10, budget?: number) =>
  index.candidates(groups, limit, budget).map((c) => index.text(c.ref));
const group = (...terms: string[]) => terms.map((term) => ({ term, weight: 1 }));

describe('the sentence index', () => {
  const index = indexOf([
    'The summit with Xi is on Monday.',
    'Trade talks follow the summit.',
    'Xi hosts a state dinner.',
    'Weather was mild.',
  ]);

  it('finds the sentences that match every group first, then those matching any', () => {
    const found = texts(index, [group('summit'), group('xi')]);
    expect(found[0]).toBe('The summit with Xi is on Monday.');
    expect(found.slice(1).sort()).toEqual(['Trade talks follow the summit.', 'Xi hosts a state dinner.']);
    expect(found).not.toContain('Weather was mild.');
  });

  it('takes any term of a group (a word and its synonyms)', () => {
    expect(texts(index, [group('banquet', 'dinner')])).toEqual(['Xi hosts a state dinner.']);
  });

  it('leaves out groups the corpus has no term of, and finds nothing for none', () => {
    expect(texts(index, [group('summit'), group('absent')])).toHaveLength(2);
    expect(texts(index, [group('absent')])).toEqual([]);
    expect(texts(index, [])).toEqual([]);
  });

  it('gives at most `limit` sentences, best first', () => {
    expect(texts(index, [group('summit'), group('xi')], 1)).toEqual(['The summit with Xi is on Monday.']);
  });

  it('fetches by the rarest groups within its budget of postings; the rarest always', () => {
    const common = indexOf([
      ...Array.from({ length: 200 }, (_, i) => `Port number ${i} reported cargo.`),
      'The harbour port got a crane.',
      'A crane fell.',
    ]);
    // "port" is in 201 of 202 sentences: past a budget of 100 postings it does not fetch.
    expect(texts(common, [group('port'), group('crane')], 50, 100).sort()).toEqual(['A crane fell.', 'The harbour port got a crane.']);
    // Within the budget it does; the sentence with both comes first.
    const all = texts(common, [group('port'), group('crane')], 500, 1000);
    expect(all[0]).toBe('The harbour port got a crane.');
    expect(all).toHaveLength(202);
    // The rarest group fetches whatever the budget, by its rarest term at least.
    expect(texts(common, [group('port', 'crane')], 50, 1).sort()).toEqual(['A crane fell.', 'The harbour port got a crane.']);
  });

  it('counts terms per sentence and weighs rare ones more, following sentences that leave', async () => {
    const changing = CorpusIndex.build([
      parseArticle({
        id: 'a',
        file: 'a.txt',
        content: 'The summit with Xi is on Monday.\nTrade talks follow the summit, the summit says.\n',
      }),
      parseArticle({ id: 'b', file: 'b.txt', content: 'Xi hosts a state dinner.\n' }),
    ]);
    const { sentences } = changing;
    // Counted once per sentence, however often a sentence has it.
    expect(sentences.frequency('summit')).toBe(2);
    expect(sentences.idf('dinner')).toBeGreaterThan(sentences.idf('summit'));
    expect(sentences.idf('absent')).toBeGreaterThan(sentences.idf('dinner'));
    await changing.remove('b', async () => undefined);
    expect(sentences.size).toBe(2);
    expect(sentences.frequency('xi')).toBe(1);
    expect(sentences.frequency('dinner')).toBe(0);
    expect(texts(sentences, [group('dinner')])).toEqual([]);
    expect(sentences.spellings('dinnr', { prefix: false, maxEdits: 1, limit: 3 })).toEqual([]);
  });

  it('finds the words a misspelt or unfinished word stands for, closest first', () => {
    const words = indexOf(['The president met the presidential envoy.', 'Negotiations resumed.']);
    expect(words.spellings('presidnet', { prefix: false, maxEdits: 2, limit: 3 }).map((m) => m.term)).toEqual(['president']);
    expect(words.spellings('negotia', { prefix: true, maxEdits: 0, limit: 3 }).map((m) => m.term)).toEqual(['negotiations']);
    expect(words.spellings('president', { prefix: false, maxEdits: 2, limit: 3 }).map((m) => m.term)).not.toContain('president');
  });
});
