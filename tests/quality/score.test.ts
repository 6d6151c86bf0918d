// The quality gate's scoring (score.ts) follows the team evaluator's definitions: these cases pin
// them, so that a gate that passes means what the evaluator's figures mean.

import { describe, expect, it } from 'vitest';
import { figuresOf, normalise, scoreQuestion, shortfalls, type BotOutput, type QualityQuestion } from './score.js';

const ferryQuestion: QualityQuestion = {
  id: 'f1',
  cmd: 'when',
  q: 'ferry sank',
  gold: ['The MV Saltholm sank on Friday night'],
  answer: 'Friday night',
};
const unanswerable: QualityQuestion = { id: 'n1', cmd: 'who', q: 'harbour ghost', gold: [], answer: null };

const said = (answer: string | null, ...texts: string[]): BotOutput => ({ answer, excerpts: texts.map((text) => ({ text })) });
const RIGHT = 'The MV Saltholm sank on Friday night off Læsø, the coastguard said.';
const OTHER = 'Divers reached the wreck on Sunday.';

describe('scoring one answer against a quality question', () => {
  it.each([
    [
      'the right sentence first and the right short answer',
      said('Friday night', RIGHT),
      { hit1: true, hit3: true, reciprocalRank: 1, answer: true, wrong: false },
    ],
    [
      'the right sentence second',
      said('Friday night', OTHER, RIGHT),
      { hit1: false, hit3: true, reciprocalRank: 0.5, answer: true, wrong: false },
    ],
    ['curly quotes, case and spacing differ', said('FRIDAY  night', RIGHT.replace('The MV', '  the mv')), { hit1: true, answer: true }],
    ['a short answer that is not the wanted one', said('Sunday', RIGHT), { hit1: true, answer: false, wrong: true }],
    ['no short answer: a miss, but not wrong', said(null, RIGHT), { hit1: true, answer: false, wrong: false }],
    ['a short answer of more than 120 characters', said(`Friday night ${'and more '.repeat(14)}`, RIGHT), { answer: false, wrong: true }],
    [
      'a right excerpt over 400 characters (a paragraph, not a sentence)',
      said('Friday night', `${RIGHT} ${'x'.repeat(400)}`),
      { hit1: false, hit3: false },
    ],
    ['an error line', { error: 'unknown command' }, { hit1: false, answer: false, wrong: false }],
  ] as const)('%s', (_case, output, expected) => {
    expect(scoreQuestion(ferryQuestion, output)).toMatchObject(expected);
  });

  it('accepts any one of several wanted answers', () => {
    const question = { ...ferryQuestion, answer: ['Friday', 'overnight'] };
    expect(scoreQuestion(question, said('overnight', RIGHT)).answer).toBe(true);
    expect(scoreQuestion(question, said('Sunday', RIGHT)).answer).toBe(false);
  });

  it.each([
    ['abstaining is right', said(null), { hit1: true, answer: true, wrong: false }],
    ['quoting a sentence is wrong', said(null, OTHER), { hit1: false, answer: false, wrong: true }],
    ['a short answer is wrong', said('Sunday'), { answer: false, wrong: true }],
    ['an error is not an abstention', { error: 'empty query' }, { answer: false, wrong: true }],
  ] as const)('for a question the articles do not answer, %s', (_case, output, expected) => {
    expect(scoreQuestion(unanswerable, output)).toMatchObject(expected);
  });

  it('folds quotes and strips Markdown emphasis as the evaluator does', () => {
    expect(normalise(' “It’s  **over**,”\n she said ')).toBe(`"it's over," she said`);
  });
});

describe('a set against its floors', () => {
  const scores = [
    ...Array.from({ length: 38 }, () => scoreQuestion(ferryQuestion, said('Friday night', RIGHT))),
    scoreQuestion(ferryQuestion, said('Sunday', OTHER)),
    scoreQuestion(unanswerable, said(null)),
  ];
  const figures = figuresOf(scores);

  it('counts shares of the questions', () => {
    expect(figures).toMatchObject({ n: 40, hit1: 39 / 40, answer: 39 / 40, wrong: 1 / 40 });
  });

  it.each([
    [{ hit1: 0.975, answer: 0.975, wrongMax: 0.025 }, []],
    [{ hit1: 0.98, answer: 0.9, wrongMax: 0.05 }, ['hit@1 0.975 is below its floor 0.98']],
    [{ hit1: 0.9, answer: 0.99, wrongMax: 0.02 }, ['answer 0.975 is below its floor 0.99', 'wrong 0.025 is above its ceiling 0.02']],
  ])('floors %o: %o', (floors, expected) => {
    expect(shortfalls(figures, floors)).toEqual(expected);
  });
});
