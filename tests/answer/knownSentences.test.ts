import { describe, expect, it } from 'vitest';
import { knownSentences } from '../../src/answer/knownSentences.js';
import { sampleArticles, sampleEngine } from '../support/sampleCorpus.js';

describe('telling how much of a new article the corpus already has', () => {
  const engine = sampleEngine();
  const [first] = sampleArticles();
  const sentences = first!.sentences.filter((s) => !s.isHeadline).map((s) => s.text);

  it('finds a copy of an article, sentence for sentence, in that article', () => {
    const overlap = knownSentences(engine, sentences);
    expect(overlap.checked).toBe(Math.min(20, sentences.length));
    expect(overlap.found).toBe(overlap.checked);
    expect(overlap.articles.map((a) => a.id)).toEqual([first!.id]);
  });

  it('counts only identical sentences, not sentences about the same thing', () => {
    const reworded = sentences.map((s) => s.replace(/\.$/, ', officials said.'));
    expect(knownSentences(engine, reworded).found).toBe(0);
    expect(knownSentences(engine, ['A ferry line to Svalbard opens in June.']).found).toBe(0);
    // Spacing does not make a copy new.
    expect(knownSentences(engine, [sentences[0]!.replace(/ /g, '  ')]).found).toBe(1);
  });
});
