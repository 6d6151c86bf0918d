/**
 * Child process: our engine over the generated article files, through its public entry points
 * only (`loadCorpus(dir)`, building the engine (engineEntry.ts), `engine.answer(command, query)`): build
 * time (load + index, and the engine construction alone), heap after build, and the FULL
 * answering time per question (question typing, retrieval, ranking, span extraction, citation).
 * Prints one JSON line.
 *
 *   node --expose-gc --import tsx bench/measureOurs.ts --corpus-dir D --questions-file Q [--repeat 3]
 */
import type { AnswerEngine } from '../src/answer/engine.js';
import { loadCorpus } from '../src/corpus/loadCorpus.js';
import type { Corpus } from '../src/corpus/types.js';
import { readNumberFlag, readStringFlag } from './cliFlags.js';
import { buildEngine } from './engineEntry.js';
import type { OursFigures } from './figures.js';
import {
  collectGarbage,
  emit,
  progress,
  REPEAT_ONLY_UNDER_MS,
  runChild,
  settledMemory,
  timeQuestionPasses,
  timingOf,
} from './measureSupport.js';
import { readQuestions } from './questions.js';

interface Built {
  corpus: Corpus;
  engine: AnswerEngine;
  loadMs: number;
  engineMs: number;
}

async function buildOnce(dir: string): Promise<Built> {
  collectGarbage();
  const loadStarted = performance.now();
  const corpus = await loadCorpus(dir);
  const loadMs = performance.now() - loadStarted;
  const engineStarted = performance.now();
  const engine = buildEngine(corpus);
  const engineMs = performance.now() - engineStarted;
  return { corpus, engine, loadMs, engineMs };
}

async function main(): Promise<void> {
  const argv = process.argv.slice(2);
  const dir = readStringFlag(argv, '--corpus-dir', '');
  const repeat = readNumberFlag(argv, '--repeat', 3);
  const questions = readQuestions(readStringFlag(argv, '--questions-file', ''));

  const baseline = settledMemory();
  progress(`ours: loading and indexing ${dir}`);
  const builds: number[] = [];
  const engines: number[] = [];
  let built: Built | null = null;
  do {
    built = null;
    built = await buildOnce(dir);
    builds.push(built.loadMs + built.engineMs);
    engines.push(built.engineMs);
  } while (builds.length < repeat && builds[0]! < REPEAT_ONLY_UNDER_MS);
  const articles = built.corpus.articles.length;
  const loadErrors = built.corpus.errors.length;
  const engine = built.engine;
  // Only the engine stays held, as in the bot once a corpus is built (it keeps what answering needs).
  built = null;
  const afterBuild = settledMemory();

  progress(`ours: answering ${questions.length} questions × ${repeat}`);
  const outcomes = new Map<string, boolean>();
  const passes = timeQuestionPasses(questions, repeat, (question) => {
    const answer = engine.answer(question.cmd, question.q);
    if (!question.warmup) outcomes.set(`${question.cmd} ${question.q}`, answer.status === 'answered');
  });
  const timed = questions.filter((q) => !q.warmup);
  const present = timed.filter((q) => !q.absent);
  const absent = timed.filter((q) => q.absent);

  const figures: OursFigures = {
    system: 'ours',
    sentences: engine.sentenceCount,
    articles,
    loadErrors,
    build: timingOf(builds),
    engine: timingOf(engines),
    memory: {
      baseline: baseline.total,
      afterBuild: afterBuild.total,
      afterBuildHeapUsed: afterBuild.heapUsed,
      afterBuildArrayBuffers: afterBuild.arrayBuffers,
    },
    query: passes.query,
    firstPass: passes.firstPass,
    passes: passes.passes,
    answeredPresent: present.filter((q) => outcomes.get(`${q.cmd} ${q.q}`) === true).length,
    present: present.length,
    refusedAbsent: absent.filter((q) => outcomes.get(`${q.cmd} ${q.q}`) === false).length,
    absent: absent.length,
  };
  emit(figures);
}

runChild(main);
