/**
 * How an answer is scored against a question of a quality set: the definitions of the team's
 * external evaluator (the `ask` contract's hit@1, answer and wrong), applied in-process.
 *
 * - hit@1: the first excerpt is one of the gold sentences (contains one of the gold substrings).
 * - answer: the short answer (at most 120 characters) contains the wanted answer; for a question
 *   the articles do not answer (empty gold), the bot abstained: no short answer and no excerpt.
 * - wrong: a short answer is shown that is not right, or anything is shown for a question the
 *   articles do not answer: what misleads a reader most.
 */
import type { AnswerJson } from '../../src/answer/contract.js';

/** One question of a set, as a line of its JSONL file. */
export interface QualityQuestion {
  id: string;
  cmd: string;
  q: string;
  /** Substrings of acceptable first sentences (any one will do); empty: the articles do not answer it. */
  gold: string[];
  /** Words the short answer must contain, or alternatives of which one will do. */
  answer: string | string[] | null;
}

/** What the bot gave for a question: an answer in the `ask` contract's JSON, or an error line. */
export type BotOutput = { answer: AnswerJson['answer']; excerpts: ReadonlyArray<{ text: string }> } | { error: string };

/** An excerpt longer than this is a paragraph, not a sentence: it counts as a miss. */
export const MAX_EXCERPT = 400;
/** The longest short answer that counts. */
export const MAX_SHORT_ANSWER = 120;

/**
 * Text as compared: lower case, curly quotes folded to straight ones, Markdown emphasis and
 * escapes removed, white space collapsed.
 */
export function normalise(text: string | null | undefined): string {
  return String(text ?? '')
    .replace(/[‘’]/g, "'")
    .replace(/[“”]/g, '"')
    .replace(/\*\*|__|`|~~/g, '')
    .replace(/\\([*_~`>|])/g, '$1')
    .replace(/\s+/g, ' ')
    .trim()
    .toLowerCase();
}

export interface QuestionScore {
  hit1: boolean;
  hit3: boolean;
  /** 1 / rank of the first right excerpt; 0 when none is right. */
  reciprocalRank: number;
  answer: boolean;
  wrong: boolean;
}

export function scoreQuestion(question: QualityQuestion, output: BotOutput): QuestionScore {
  const answerText = 'error' in output ? null : output.answer;
  const excerpts = 'error' in output ? [] : output.excerpts.map((e) => normalise(e.text));
  if (question.gold.length === 0) {
    // Abstaining is an answer null and no excerpt; an error is not an abstention.
    const abstained = !('error' in output) && answerText == null && excerpts.length === 0;
    return { hit1: abstained, hit3: abstained, reciprocalRank: abstained ? 1 : 0, answer: abstained, wrong: !abstained };
  }
  const gold = question.gold.map(normalise);
  const rank = excerpts.findIndex((text) => text.length <= MAX_EXCERPT && gold.some((g) => text.includes(g)));
  const wanted = Array.isArray(question.answer) ? question.answer : [question.answer];
  const shown = answerText !== null && answerText !== '';
  const answer =
    shown && normalise(answerText).length <= MAX_SHORT_ANSWER && wanted.some((w) => normalise(answerText).includes(normalise(w)));
  return {
    hit1: rank === 0,
    hit3: rank >= 0 && rank < 3,
    reciprocalRank: rank >= 0 ? 1 / (rank + 1) : 0,
    answer,
    wrong: shown && !answer,
  };
}

/** A set's figures: shares of its questions (0 to 1). */
export interface SetFigures {
  n: number;
  hit1: number;
  hit3: number;
  mrr: number;
  answer: number;
  wrong: number;
}

export function figuresOf(scores: readonly QuestionScore[]): SetFigures {
  const n = scores.length;
  const share = (count: number) => (n === 0 ? 0 : count / n);
  return {
    n,
    hit1: share(scores.filter((s) => s.hit1).length),
    hit3: share(scores.filter((s) => s.hit3).length),
    mrr: share(scores.reduce((sum, s) => sum + s.reciprocalRank, 0)),
    answer: share(scores.filter((s) => s.answer).length),
    wrong: share(scores.filter((s) => s.wrong).length),
  };
}

/** The least a set must score: hit@1 and answer at least, wrong at most. */
export interface Floors {
  hit1: number;
  answer: number;
  wrongMax: number;
}

/** Rounding slack, so that 39/40 meets a floor of 0.975 however the division rounds. */
const EPSILON = 1e-9;

/** The floors a set's figures fall short of, worded for a failure message; empty when it meets them all. */
export function shortfalls(figures: SetFigures, floors: Floors): string[] {
  const misses: string[] = [];
  if (figures.hit1 + EPSILON < floors.hit1) misses.push(`hit@1 ${figures.hit1.toFixed(3)} is below its floor ${floors.hit1}`);
  if (figures.answer + EPSILON < floors.answer) misses.push(`answer ${figures.answer.toFixed(3)} is below its floor ${floors.answer}`);
  if (figures.wrong - EPSILON > floors.wrongMax) misses.push(`wrong ${figures.wrong.toFixed(3)} is above its ceiling ${floors.wrongMax}`);
  return misses;
}
