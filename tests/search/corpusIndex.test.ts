// The corpus index changed in place by moderators (src/search/corpusIndex.ts): an added article is
// answerable at once and a removed one is gone, in one step each, while every other answer stays
// as it was; and a packed copy answers as the index it was packed from.

import { describe, expect, it } from 'vitest';
import { AnswerEngine } from '../../src/answer/engine.js';
import type { Command } from '../../src/answer/question.js';
import { parseArticle } from '../../src/corpus/loadCorpus.js';
import { CorpusIndex } from '../../src/search/corpusIndex.js';
import { sampleArticles } from '../support/sampleCorpus.js';

const FERRY = parseArticle({
  id: 'ferry',
  file: 'ferry.txt',
  content: `---
published: 2026-03-02
---
Ferry link to Svalbard approved
A weekly ferry to Longyearbyen will start in June, harbour master Sigrun Dahl said.
Dahl said the route had been planned since 2021 because flights are often cancelled in winter.
`,
});

/** Questions about the sample corpus (not about the ferry article). */
const OTHERS: ReadonlyArray<readonly [Command, string]> = [
  ['when', 'trade fair opens'],
  ['who', 'port director'],
  ['where', 'cruise ships diverted'],
  ['why', 'agreement delayed'],
  ['ask', 'How many companies are at the fair?'],
];

/** What a member sees of each answer: the short answer and the quoted sentences (scores move with the corpus's statistics). */
const answersTo = (engine: AnswerEngine) =>
  OTHERS.map(([command, query]) => {
    const answer = engine.answer(command, query);
    return { answer: answer.answer, excerpts: answer.excerpts.map((e) => e.text) };
  });
const noWait = async () => undefined;

describe('an article added in place', () => {
  it('is answerable at once, and every other answer stays as it was', async () => {
    const engine = AnswerEngine.fromArticles(sampleArticles());
    const before = answersTo(engine);
    expect(engine.answer('when', 'ferry to Longyearbyen').status).toBe('not-found');
    await engine.addArticle(FERRY);
    expect(engine.answer('when', 'ferry to Longyearbyen').answer).toBe('June');
    expect(engine.answer('who', 'harbour master').answer).toBe('Sigrun Dahl');
    // "Dahl" alone now stands for the person the article names in full.
    expect(engine.names.fullNamesFor('dahl')).toEqual(['sigrun dahl']);
    expect(answersTo(engine)).toEqual(before);
    expect(engine.articles.map((a) => a.id)).toEqual(['fair-opens', 'fair-preview', 'ferry']);
  });

  it('is seen by questions only once whole: between the steps of the add, all of it answers or none', async () => {
    const corpus = CorpusIndex.build(sampleArticles());
    const engine = new AnswerEngine(corpus);
    const seenMeanwhile: string[] = [];
    await corpus.add(FERRY, async () => {
      // A question about its first sentence and one about its last: both or neither.
      seenMeanwhile.push(
        `${engine.answer('when', 'ferry to Longyearbyen').status} ${engine.answer('why', 'flights cancelled in winter').status}`,
      );
    });
    expect(seenMeanwhile[0]).toBe('not-found not-found');
    expect(seenMeanwhile.every((seen) => seen === 'not-found not-found' || seen === 'answered answered')).toBe(true);
    // Once it answers, it keeps answering.
    expect(seenMeanwhile.slice(seenMeanwhile.indexOf('answered answered')).every((seen) => seen === 'answered answered')).toBe(true);
    expect(engine.answer('when', 'ferry to Longyearbyen').status).toBe('answered');
  });

  it('cannot take the id of an article the index has', async () => {
    const corpus = CorpusIndex.build(sampleArticles());
    await expect(corpus.add({ ...FERRY, id: 'fair-opens' }, noWait)).rejects.toThrow(/already/);
  });
});

describe('an article removed in place', () => {
  it('is no longer quoted, its people are forgotten, and every other answer stays as it was', async () => {
    const engine = AnswerEngine.fromArticles([...sampleArticles(), FERRY]);
    const before = answersTo(engine);
    expect(engine.answer('who', 'harbour master').answer).toBe('Sigrun Dahl');
    const removed = await engine.removeArticle('ferry');
    expect(removed?.id).toBe('ferry');
    expect(engine.answer('when', 'ferry to Longyearbyen').status).toBe('not-found');
    expect(engine.answer('who', 'harbour master').answer).not.toBe('Sigrun Dahl');
    expect(engine.names.fullNamesFor('dahl')).toEqual([]);
    expect(answersTo(engine)).toEqual(before);
    expect(await engine.removeArticle('ferry')).toBeNull();
  });

  it('after an add and a removal, the index answers as before both', async () => {
    const engine = AnswerEngine.fromArticles(sampleArticles());
    const before = answersTo(engine);
    const sentences = engine.sentenceCount;
    await engine.addArticle(FERRY);
    await engine.removeArticle('ferry');
    expect(answersTo(engine)).toEqual(before);
    expect(engine.sentenceCount).toBe(sentences);
    expect(engine.index.frequency('longyearbyen')).toBe(0);
  });

  it('leaves the whole-corpus timeline without its dates', async () => {
    const engine = AnswerEngine.fromArticles([...sampleArticles(), FERRY]);
    const withFerry = await engine.timeline(null);
    await engine.removeArticle('ferry');
    const without = await engine.timeline(null);
    const cited = (t: typeof without) => t.entries.flatMap((e) => e.events.map((ev) => ev.excerpt.citations[0]!.articleId));
    expect(cited(withFerry)).toContain('ferry');
    expect(cited(without)).not.toContain('ferry');
  });
});

describe('a packed corpus index', () => {
  it('answers as the index it was packed from, changes included', async () => {
    const corpus = CorpusIndex.build(sampleArticles());
    await corpus.add(FERRY, noWait);
    await corpus.remove('fair-preview', noWait);
    const copy = await CorpusIndex.unpack(corpus.pack(), noWait);
    const questions = [...OTHERS, ['when', 'ferry to Longyearbyen'] as const];
    for (const [command, query] of questions) {
      expect(new AnswerEngine(copy).answer(command, query)).toEqual(new AnswerEngine(corpus).answer(command, query));
    }
    expect(copy.articles).toEqual(corpus.articles);
    expect(copy.generation).toBe(corpus.generation);
  });
});

describe('a long article added or removed in place', () => {
  it('is analysed a slice per turn of the event loop, not in one go', async () => {
    const sentences = Array.from(
      { length: 3_000 },
      (_, i) => `Harbour master Sigrun Dahl said on Friday that berth ${i} would reopen in June.`,
    );
    const long = parseArticle({ id: 'long', file: 'long.txt', content: `Berths to reopen\n${sentences.join('\n')}\n` });
    const turnsOf = async (change: (corpus: CorpusIndex, nextTurn: () => Promise<void>) => Promise<unknown>) => {
      const corpus = CorpusIndex.build(sampleArticles());
      let turns = 0;
      await change(corpus, async () => {
        turns++;
      });
      return turns;
    };
    // The same fixed steps for both; the long article's analysis adds turns of its own.
    const short = await turnsOf((corpus, nextTurn) => corpus.add(FERRY, nextTurn));
    const longAdd = await turnsOf((corpus, nextTurn) => corpus.add(long, nextTurn));
    expect(longAdd).toBeGreaterThan(short + 1);
    const shortRemove = await turnsOf(async (corpus, nextTurn) => {
      await corpus.add(FERRY, noWait);
      return corpus.remove('ferry', nextTurn);
    });
    const longRemove = await turnsOf(async (corpus, nextTurn) => {
      await corpus.add(long, noWait);
      return corpus.remove('long', nextTurn);
    });
    expect(longRemove).toBeGreaterThan(shortRemove + 1);
  });
});
