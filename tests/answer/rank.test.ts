// Ranking candidate sentences for a question (src/answer/rank.ts): coverage of the query's concepts
// (rare ones counting more), a floor of coverage below which a sentence is not relevant at all, an
// answer of the wanted kind, tense agreement, and headlines losing ties to the body. Each case ranks
// a few made-up sentences, all given the same full-text (BM25) score so that it decides nothing;
// the concepts are weighed by the ferry story of tests/support/ferryCorpus.ts.

import { describe, expect, it } from 'vitest';
import type { Command } from '../../src/answer/question.js';
import { MIN_COVERAGE, rankSentences, type RankedSentence, type SentenceSource } from '../../src/answer/rank.js';
import { analyse, conceptsOf, ferryEngine } from '../support/ferryCorpus.js';

const engine = ferryEngine();

interface Ranked extends RankedSentence {
  text: string;
}

/** Ranks `texts` (sentence refs 0, 1, ... in that order) for a question; `headline`: the ref that is a headline. */
function rankAmong(
  command: Command,
  query: string,
  texts: readonly string[],
  headline: number | null = null,
  inOneArticle = false,
): Ranked[] {
  const { question, concepts } = conceptsOf(engine, command, query);
  const analyses = texts.map((text) => analyse(engine, text));
  const source: SentenceSource = {
    analysis: (ref) => analyses[ref]!,
    previous: (ref) => (inOneArticle && ref > 0 ? ref - 1 : null),
    isHeadline: (ref) => ref === headline,
  };
  const candidates = texts.map((_, ref) => ({ ref, score: 1 }));
  return rankSentences(source, question, concepts, candidates).map((r) => ({ ...r, text: texts[r.ref]! }));
}

const firstOf = (ranked: readonly Ranked[]) => ranked[0]?.text;

describe('coverage of the query', () => {
  it.each([
    [
      'the sentence with more of the concepts',
      'what',
      'ferry lifeboats',
      ['The lifeboats could not be lowered.', "The ferry's lifeboats could not be lowered."],
      "The ferry's lifeboats could not be lowered.",
    ],
    [
      'the sentence with more of the concepts, both holding an answer',
      'when',
      'storm reef',
      ['The ferry hit a reef on Friday.', 'The ferry hit a reef in a storm on Friday.'],
      'The ferry hit a reef in a storm on Friday.',
    ],
    [
      'of two sentences with four of five concepts, the one with the rarer ones ("lifeboats" is said once, "reef" twice)',
      'what',
      'ferry storm rescue reef lifeboats',
      ['The ferry hit the reef in a storm during the rescue.', 'The ferry lowered its lifeboats in a storm during the rescue.'],
      'The ferry lowered its lifeboats in a storm during the rescue.',
    ],
  ] as const)('ranks first %s', (_case, command, query, texts, expected) => {
    const ranked = rankAmong(command, query, texts);
    // Both are relevant: the order decides, not the floor of coverage.
    expect(ranked).toHaveLength(texts.length);
    expect(firstOf(ranked)).toBe(expected);
  });
});

describe('relevance', () => {
  it.each([
    ['storm reef', 'The ferry hit a reef on Friday.', true],
    ['storm reef', 'The storm had been forecast for days.', false],
    ['ferry lifeboats', 'The lifeboats could not be lowered.', true],
    ['ferry lifeboats', 'The ferry left Grenaa on Friday.', false],
    ['ferry lifeboats', 'Divers reached the wreck.', false],
  ] as const)('/what %s: "%s" relevant: %s', (query, text, relevant) => {
    const ranked = rankAmong('what', query, [text]);
    expect(ranked.length > 0).toBe(relevant);
    for (const r of ranked) expect(r.coverage).toBeGreaterThanOrEqual(MIN_COVERAGE);
  });

  it('drops a sentence naming another nationality where the query names one', () => {
    expect(rankAmong('who', 'Swedish captain', ['Danish Captain Henrik Dahlgaard was the last to leave the ferry.'])).toEqual([]);
    expect(rankAmong('who', 'Danish captain', ['Danish Captain Henrik Dahlgaard was the last to leave the ferry.'])).toHaveLength(1);
  });

  it('counts what qualifies a role less where the sentence names the role, unless it qualifies the role otherwise', () => {
    const query = 'who is the spokesperson for the coastguard';
    const named = 'Spokesperson Mette Rasmussen said the rescue was over.';
    const other = 'The spokesperson for the port of Anholt, Mette Rasmussen, said the rescue was over.';
    expect(rankAmong('who', query, [named]).map((r) => r.text)).toEqual([named]);
    expect(rankAmong('who', query, [other])).toEqual([]);
  });

  // A nationality weighs about as much as the noun it qualifies: matching only "Swedish" of
  // "Swedish captain" covers about half of the query, under MIN_COVERAGE.
  it('finds nothing relevant in a sentence that matches only the nationality of "Swedish captain"', () => {
    expect(
      rankAmong('who', 'Swedish captain', ['Swedish rescue coordinator Lars Bergkvist sent three helicopters from Gothenburg.']),
    ).toEqual([]);
  });
});

describe('a question about when an event happened', () => {
  it.each([
    ['when was the inquiry cancelled', 'The inquiry opens on Monday in Copenhagen.', null],
    ['when does the inquiry open', 'The inquiry opens on Monday in Copenhagen.', 'Monday'],
    ['when did the inquiry start', 'The inquiry began on Monday in Copenhagen.', 'Monday'],
  ] as const)('/when %s in "%s": %s (no time for an event the sentence does not say)', (query, text, expected) => {
    const [ranked] = rankAmong('when', query, [text]);
    expect(ranked?.answer?.text ?? null).toBe(expected);
  });
});

describe('a sentence that leans on the ones before', () => {
  const story = [
    'Dahlgaard was the last to leave the ferry.',
    'He was taken to Grenaa by helicopter.',
    'His route had been forecast as safe.',
  ];

  it('takes what it lacks from as far back as each sentence leans on the one before ("His" ← "He" ← "Dahlgaard")', () => {
    const ranked = rankAmong('what', 'Dahlgaard route', story, null, true);
    expect(ranked.map((r) => r.text)).toContain(story[2]);
    // Told two sentences back, the name counts less than said in the sentence itself.
    const told = rankAmong('what', 'Dahlgaard route', ['Dahlgaard chose the route.'], null, true);
    expect(ranked.find((r) => r.text === story[2])!.coverage).toBeLessThan(told[0]!.coverage);
  });

  it('takes nothing from before a sentence that does not lean on the one before it', () => {
    const broken = [story[0]!, 'The storm was forecast.', story[2]!];
    expect(rankAmong('what', 'Dahlgaard route', broken, null, true).map((r) => r.text)).not.toContain(story[2]);
  });
});

describe('an answer of the wanted kind', () => {
  const barge = 'Divers will reach the wreck with a crane barge.';
  it.each([
    ['when', 'divers wreck', 'Divers will reach the wreck on Tuesday.', barge],
    ['where', 'divers wreck', 'Divers will reach the wreck from Gothenburg.', barge],
    ['who', 'divers wreck', 'Divers hired by Sofie Lund will reach the wreck.', barge],
    ['why', 'divers wreck', 'Divers will reach the wreck to recover the logbook.', barge],
    ['ask', 'How many divers will reach the wreck?', 'Twelve divers will reach the wreck.', barge],
    [
      'ask',
      'How long will divers stay at the wreck?',
      'Divers will stay at the wreck for three weeks.',
      'Divers will stay at the wreck with a crane barge.',
    ],
  ] as const)('/%s %s: "%s" ranks before a sentence without one', (command, query, withAnswer, withoutAnswer) => {
    const ranked = rankAmong(command, query, [withoutAnswer, withAnswer]);
    expect(ranked.map((r) => [r.text, r.answer !== null])).toEqual([
      [withAnswer, true],
      [withoutAnswer, false],
    ]);
  });
});

describe('tense agreement', () => {
  // The same words apart from the tense, as far apart: only the tense tells them apart.
  const past = 'Divers had been at the wreck on Saturday.';
  const future = 'Divers will be at the wreck on Tuesday.';
  it.each([
    ['When will divers be at the wreck?', [past, future], future],
    ['When were divers at the wreck?', [future, past], past],
    [
      'When did divers reach the wreck?',
      ['Divers will reach the wreck on Tuesday.', 'Divers reached the wreck on Saturday.'],
      'Divers reached the wreck on Saturday.',
    ],
  ] as const)('/ask %s: the sentence in its tense first', (query, texts, expected) => {
    expect(firstOf(rankAmong('ask', query, texts))).toBe(expected);
  });

  it('makes no difference when the question has no tense', () => {
    const [a, b] = rankAmong('when', 'divers wreck', [past, future]);
    expect(a!.score).toBeCloseTo(b!.score, 9);
  });
});

describe('headlines', () => {
  const headline = 'Saltholm sinks off Anholt';
  const body = 'Saltholm sinks off Anholt.';
  it.each([
    ['before', [headline, body], 0],
    ['after', [body, headline], 1],
  ] as const)('a headline %s the body sentence saying the same loses the tie to it', (_where, texts, headlineRef) => {
    const ranked = rankAmong('what', 'Saltholm sinks off Anholt', texts, headlineRef);
    expect(ranked.map((r) => r.text)).toEqual([body, headline]);
    expect(ranked[0]!.score).toBeGreaterThan(ranked[1]!.score);
  });

  it('is what breaks the tie: unmarked, the two score the same', () => {
    const [a, b] = rankAmong('what', 'Saltholm sinks off Anholt', [headline, body]);
    expect(a!.score).toBeCloseTo(b!.score, 9);
  });
});
