// Issue 10: one over-long sentence froze the bot (100,000 characters: 262 s for one question; a
// 50,000-character list of names and commas: over a minute). Every command must answer whatever the
// corpus holds. Read as the bot reads it (the sentence is cut), and given whole to the engine as one
// sentence (span scoring must stay linear on its own). No timing is asserted here: the figures are in
// `npm run bench:worst-case`; a test that does not finish fails by its (generous) time-out.

import { describe, expect, it } from 'vitest';
import { AnswerEngine } from '../../src/answer/engine.js';
import { MAX_SENTENCE_CHARS } from '../../src/corpus/longSentences.js';
import { parseArticle } from '../../src/corpus/loadCorpus.js';
import { longSentence, nameList, pathologicalCorpora, uncappedArticle, WORST_CASE_QUESTIONS } from '../../bench/pathologicalCorpus.js';

/** Well above what answering takes; far below what it took before issue 10 (minutes). */
const GENEROUS_MS = 120_000;

/** Asks every command; checks each answers, and that what it quotes is the article's own text. */
async function expectEveryCommandAnswers(engine: AnswerEngine, source: string): Promise<void> {
  for (const question of WORST_CASE_QUESTIONS) {
    if (question.command === 'timeline') {
      const timeline = await engine.timeline(question.query, { maxEvents: 25 });
      expect(['answered', 'no-dates', 'not-found']).toContain(timeline.status);
      for (const entry of timeline.entries) for (const event of entry.events) expect(source).toContain(event.excerpt.text);
      continue;
    }
    const answer = engine.answer(question.command, question.query ?? '');
    expect(['answered', 'not-found']).toContain(answer.status);
    for (const excerpt of answer.excerpts) expect(source).toContain(excerpt.text);
  }
}

describe('a corpus with an over-long sentence, read as the bot reads it', () => {
  const corpora = pathologicalCorpora(100_000, 50_000);

  it.each(Object.keys(corpora))(
    'answers every command about the %s, quoting pieces no longer than a sentence may be',
    async (name) => {
      const [[file, content]] = Object.entries(corpora[name]!) as [[string, string]];
      const article = parseArticle({ id: file.replace(/\.md$/, ''), file, content });
      expect(article.longSentencesCut).toBe(1);
      expect(Math.max(...article.sentences.map((s) => s.text.length))).toBeLessThanOrEqual(MAX_SENTENCE_CHARS);
      const engine = AnswerEngine.fromArticles([article]);
      await expectEveryCommandAnswers(engine, content);
      // The questions about the long run find it.
      const about = name === 'comma list' ? engine.answer('who', 'guests at the state dinner') : engine.answer('when', 'summit with Xi');
      expect(about.status).toBe('answered');
      expect(about.excerpts[0]!.text.length).toBeLessThanOrEqual(MAX_SENTENCE_CHARS);
    },
    GENEROUS_MS,
  );
});

describe('an over-long sentence given whole to the engine (nothing cut it)', () => {
  it.each([
    ['a 100,000-character sentence', longSentence(100_000)],
    ['a 50,000-character list of names', nameList(50_000)],
  ])(
    'answers every command about %s',
    async (_name, line) => {
      const engine = AnswerEngine.fromArticles([uncappedArticle('uncapped', line)]);
      await expectEveryCommandAnswers(engine, line);
      expect(engine.answer('who', 'Kim and Park at the dinner').status).toBe(line.startsWith('Guests') ? 'answered' : 'not-found');
    },
    GENEROUS_MS,
  );
});
