// The quality gate: every question set of tests/quality/sets/ is asked, in-process, of the corpus it
// is about, exactly as `npm run ask -- --json` would answer it (no index snapshot), and scored as the
// team's evaluator scores it (see score.ts). A set fails when its hit@1 or answer share falls below
// its floor in floors.json, or its wrong share rises above its ceiling; the figures of every set are
// printed, so that CI logs show them. `npm run test:quality` runs this file alone.
//
// Adding a set: drop `sets/<name>.jsonl` (lines {"id","cmd","q","gold":[...],"answer":...}; an empty
// gold is a question the articles do not answer, where the bot must abstain), optionally the extra
// article files it is asked about in `articles/<name>/` (asked with the seed corpus's), and an entry
// "<name>": {"hit1", "answer", "wrongMax"} in floors.json. A set without floors fails, printing its
// figures.

import { rm } from 'node:fs/promises';
import { afterAll, describe, expect, it } from 'vitest';
import { answerToJson } from '../../src/answer/contract.js';
import { parseQuestionLine } from '../../src/cli/questionLine.js';
import { createLogger } from '../../src/logger.js';
import { AnswerService } from '../../src/service/answerService.js';
import { FLOORS_FILE, questionSetFiles, readFloors, readQuestions, shown, temporaryCorpus, type QuestionSetFiles } from './questionSets.js';
import {
  figuresOf,
  normalise,
  scoreQuestion,
  shortfalls,
  type BotOutput,
  type QualityQuestion,
  type QuestionScore,
  type SetFigures,
} from './score.js';

/** A set's questions all answered: the first build of a corpus included. */
const SET_TIME_LIMIT_MS = 120_000;

const sets = questionSetFiles();
const floors = readFloors();

/** One answering service per corpus: the sets asked of the seed corpus alone share one. */
const services = new Map<string, Promise<AnswerService>>();
const folders: string[] = [];

function serviceFor(set: QuestionSetFiles): Promise<AnswerService> {
  const key = set.articlesDir ?? '';
  let service = services.get(key);
  if (service === undefined) {
    service = openService(set.articlesDir);
    services.set(key, service);
  }
  return service;
}

async function openService(articlesDir: string | null): Promise<AnswerService> {
  const dir = await temporaryCorpus(articlesDir);
  folders.push(dir);
  const service = new AnswerService(dir, createLogger({ level: 'silent', pretty: false }), { snapshotFile: null });
  const summary = await service.open();
  const refused = summary.errors.filter((e) => e.skipped !== true);
  if (refused.length > 0) {
    throw new Error(
      `the corpus of ${articlesDir === null ? 'the seed' : shown(articlesDir)} has files that do not load:\n${refused.map((e) => `  ${e.file}: ${e.reason}`).join('\n')}`,
    );
  }
  return service;
}

/** What `ask --json` prints for a question: the line "/cmd q" read, then answered. */
function ask(service: AnswerService, question: QualityQuestion): BotOutput {
  const line = parseQuestionLine(`/${question.cmd} ${question.q}`);
  if ('error' in line) return { error: line.error };
  if ('timeline' in line) return { error: 'a timeline is not a question' };
  return answerToJson(service.answer(line.command, line.query), line.query);
}

interface Scored {
  question: QualityQuestion;
  output: BotOutput;
  score: QuestionScore;
}

const percent = (share: number) => `${(100 * share).toFixed(0).padStart(4)}%`;

function figuresRow(label: string, f: SetFigures): string {
  return `${label.padEnd(6)} ${String(f.n).padStart(4)}  ${percent(f.hit1)} ${percent(f.hit3)}  ${f.mrr.toFixed(2)}  ${percent(f.answer)}  ${percent(f.wrong)}`;
}

/** The set's figures, overall and by command, as the evaluator prints them. */
function figuresTable(scored: readonly Scored[]): string {
  const commands = [...new Set(scored.map((s) => s.question.cmd))];
  return [
    'set       n  hit@1  hit@3   MRR  answer  wrong',
    figuresRow('all', figuresOf(scored.map((s) => s.score))),
    ...commands.map((cmd) => figuresRow(cmd, figuresOf(scored.filter((s) => s.question.cmd === cmd).map((s) => s.score)))),
  ].join('\n');
}

/** The questions whose first excerpt or short answer missed, or that showed something wrong. */
function missList(scored: readonly Scored[]): string {
  const misses = scored.filter((s) => !s.score.hit1 || !s.score.answer || s.score.wrong);
  if (misses.length === 0) return 'no question missed';
  return misses
    .map(({ question, output, score }) => {
      const what = [!score.hit1 && 'first excerpt', !score.answer && 'short answer', score.wrong && 'WRONG'].filter(Boolean).join(', ');
      const wanted = question.gold.length === 0 ? 'nothing (the articles do not say)' : JSON.stringify(question.answer);
      if ('error' in output) return `${question.id} /${question.cmd} ${question.q}  [${what}]\n    error:  ${output.error}`;
      const first = output.excerpts[0]?.text;
      return [
        `${question.id} /${question.cmd} ${question.q}  [${what}]`,
        `    answer: ${output.answer ?? '-'}  (wanted: ${wanted})`,
        `    first:  ${first === undefined ? '(no excerpt)' : normalise(first).slice(0, 140)}`,
      ].join('\n');
    })
    .join('\n');
}

afterAll(async () => {
  await Promise.allSettled([...services.values()].map(async (service) => (await service).whenSettled()));
  await Promise.all(folders.map((dir) => rm(dir, { recursive: true, force: true })));
});

describe('answer quality', () => {
  it('has at least one question set', () => {
    expect(sets.map((s) => s.name)).not.toEqual([]);
  });

  it.each(sets.map((set) => [set.name, set] as const))(
    'set %s meets its floors',
    async (name, set) => {
      const questions = readQuestions(set.file);
      const service = await serviceFor(set);
      const started = performance.now();
      const scored = questions.map((question): Scored => {
        const output = ask(service, question);
        return { question, output, score: scoreQuestion(question, output) };
      });
      const elapsed = performance.now() - started;
      const figures = figuresOf(scored.map((s) => s.score));
      const corpus = set.articlesDir === null ? 'the seed corpus' : `the seed corpus + ${shown(set.articlesDir)}`;
      const report = `${figuresTable(scored)}\nmissed:\n${missList(scored)}`;
      console.log(`quality set ${name}: ${questions.length} questions asked of ${corpus} in ${elapsed.toFixed(0)} ms\n${report}\n`);
      console.log(`${name}: hit@1 ${figures.hit1.toFixed(3)}  answer ${figures.answer.toFixed(3)}  wrong ${figures.wrong.toFixed(3)}`);

      const setFloors = floors[name];
      if (setFloors === undefined) {
        const suggestion = JSON.stringify({ [name]: { hit1: figures.hit1, answer: figures.answer, wrongMax: figures.wrong } });
        expect.fail(`set ${name} has no floors: add an entry to ${shown(FLOORS_FILE)}, e.g. ${suggestion} (its figures now)`);
      }
      const below = shortfalls(figures, setFloors);
      if (below.length > 0) expect.fail(`set ${name} falls short of its floors: ${below.join('; ')}\n${report}`);
    },
    SET_TIME_LIMIT_MS,
  );

  it(`has no floors in ${shown(FLOORS_FILE)} for a set that does not exist`, () => {
    const names = new Set(sets.map((s) => s.name));
    const stale = Object.keys(floors).filter((name) => !names.has(name));
    expect(stale, `floors of sets with no file in tests/quality/sets/: remove them or add the sets`).toEqual([]);
  });
});
