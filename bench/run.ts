/**
 * `npm run bench [-- --sentences 100000 --questions 2000 --seed 1 --repeat 3 --out bench/results.md
 *                    --work-dir bench/out --reload-sentences N --timeout <s per step>]`
 *
 * Generates (or reuses) a synthetic news corpus of N sentences and questions about it, then
 * measures, side by side and each in its own child process, plain MiniSearch and our engine:
 * build time, heap after build, time per question (full answering for ours), start to first
 * answer with and without a saved index snapshot, opening from the saved index, a reload, and a
 * moderator's `/corpus add` and `/corpus remove`, with the wait questions see meanwhile. Prints a
 * Markdown table with each figure's ratio to plain MiniSearch and the targets of issue 11 (and
 * the previous engine's figures for the record), and writes it to `--out`. Exits 1 if a
 * measurement failed.
 */
import { mkdirSync, mkdtempSync, rmSync, statSync, writeFileSync, readdirSync, existsSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { timeFirstAnswer } from './askStart.js';
import { runMeasurement } from './childProcess.js';
import { readNumberFlag, readStringFlag } from './cliFlags.js';
import type { ChangeFigures, MiniSearchFigures, OpenFigures, OursFigures, ReloadFigures, RepeatedTiming } from './figures.js';
import { ensureCorpus } from './generateCorpus.js';
import { REPEAT_ONLY_UNDER_MS } from './measureSupport.js';
import { DEFAULT_RESULTS_FILE, DEFAULT_WORK_DIR, SEED_CORPUS_DIR } from './paths.js';
import { ensureQuestions, readQuestions, warmupCount } from './questions.js';
import { allMeasured, renderResults, type BenchRun, type Outcome, type SnapshotStart } from './resultsTable.js';
import { findSnapshotSupport, type SnapshotLookup, type SnapshotSupport } from './snapshotHook.js';
import { median } from './stats.js';

/** A question for the seed corpus (dev.jsonl w02). */
const SEED_QUESTION = '/when summit with Xi';

interface Options {
  sentences: number;
  questions: number;
  seed: number;
  repeat: number;
  out: string;
  workDir: string;
  reloadSentences: number;
  timeoutMs: number;
}

function readOptions(argv: readonly string[]): Options {
  const sentences = readNumberFlag(argv, '--sentences', 100_000);
  if (sentences < 100) throw new Error('--sentences must be at least 100');
  return {
    sentences,
    questions: Math.max(1, readNumberFlag(argv, '--questions', 2_000)),
    seed: readNumberFlag(argv, '--seed', 1),
    repeat: Math.max(1, readNumberFlag(argv, '--repeat', 3)),
    out: path.resolve(readStringFlag(argv, '--out', DEFAULT_RESULTS_FILE)),
    workDir: path.resolve(readStringFlag(argv, '--work-dir', DEFAULT_WORK_DIR)),
    // Issue 11 sets the reload's target at 100k and at 1M: by default the reload is measured on the corpus itself.
    reloadSentences: readNumberFlag(argv, '--reload-sentences', sentences),
    // Generous: a step is only cut off when it is clearly stuck.
    timeoutMs: readNumberFlag(argv, '--timeout', Math.round(600 + sentences * 0.004)) * 1000,
  };
}

function log(message: string): void {
  process.stderr.write(`[bench ${new Date().toISOString().slice(11, 19)}] ${message}\n`);
}

/** Runs a measurement; a thrown error becomes a failed (or, for `notApplicable` errors, n/a) figure. */
async function attempt<T>(
  what: string,
  step: () => Promise<T>,
  notApplicable: (error: unknown) => boolean = () => false,
): Promise<Outcome<T>> {
  log(what);
  try {
    return { ok: true, value: await step() };
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    const na = notApplicable(error);
    log(`${what}: ${na ? 'n/a' : 'FAILED'} — ${reason}`);
    return { ok: false, reason, notApplicable: na };
  }
}

/** Times `step` up to `repeat` times (once when slow), running `before` untimed before each. */
async function repeatAsk(repeat: number, step: () => Promise<number>, before: () => void = () => undefined): Promise<RepeatedTiming> {
  const runs: number[] = [];
  do {
    before();
    runs.push(await step());
  } while (runs.length < repeat && runs[0]! < REPEAT_ONLY_UNDER_MS);
  return { median: median(runs), runs: runs.map((r) => Math.round(r)) };
}

function sizeOnDisk(target: string): number {
  const stats = statSync(target);
  if (!stats.isDirectory()) return stats.size;
  return readdirSync(target).reduce((sum, name) => sum + sizeOnDisk(path.join(target, name)), 0);
}

/** `ask` did not save a snapshot: the figure does not apply (yet), rather than a failure. */
class NoSnapshotSaved extends Error {}

/** Start to first answer from a snapshot saved by a first, untimed run of ask. */
async function measureSnapshotStart(
  support: SnapshotSupport,
  corpusDir: string,
  question: string,
  options: Options,
): Promise<SnapshotStart> {
  const snapshot = await support.pathFor(corpusDir);
  rmSync(snapshot, { recursive: true, force: true });
  log(`  saving a snapshot with a first, untimed run of ask (${snapshot})`);
  await timeFirstAnswer({ corpusDir, question, timeoutMs: options.timeoutMs });
  if (!existsSync(snapshot)) throw new NoSnapshotSaved(`ask saved no snapshot at ${snapshot} (not wired into ask yet?)`);
  const timing = await repeatAsk(options.repeat, () => timeFirstAnswer({ corpusDir, question, timeoutMs: options.timeoutMs }));
  return { timing, bytes: sizeOnDisk(snapshot), path: snapshot };
}

async function main(): Promise<number> {
  const options = readOptions(process.argv.slice(2));
  const startedAt = new Date();
  const started = performance.now();

  log(`corpus of ${options.sentences} sentences (seed ${options.seed}) in ${options.workDir}`);
  const corpus = ensureCorpus({ sentences: options.sentences, seed: options.seed, workDir: options.workDir });
  log(`${corpus.reused ? 'reused' : 'generated'} ${corpus.manifest.articles} articles: ${corpus.articlesDir}`);
  const questionsFile = ensureQuestions(corpus, options.questions, options.seed);
  const questions = readQuestions(questionsFile);
  // A slash command about the corpus, as most questions are.
  const firstQuestion = questions.find((q) => !q.warmup && !q.absent && q.cmd !== 'ask') ?? questions[0]!;
  const questionLine = `/${firstQuestion.cmd} ${firstQuestion.q}`;
  const repeatArgs = ['--repeat', String(options.repeat)];

  const minisearch = await attempt('plain MiniSearch (own process)', () =>
    runMeasurement<MiniSearchFigures>(
      'measureMiniSearch.ts',
      ['--sentences-file', corpus.sentencesFile, '--questions-file', questionsFile, ...repeatArgs],
      options.timeoutMs,
    ),
  );
  const ours = await attempt('ours (own process)', () =>
    runMeasurement<OursFigures>(
      'measureOurs.ts',
      ['--corpus-dir', corpus.articlesDir, '--questions-file', questionsFile, ...repeatArgs],
      options.timeoutMs,
    ),
  );

  const reloadCorpus =
    options.reloadSentences === options.sentences
      ? corpus
      : ensureCorpus({ sentences: options.reloadSentences, seed: options.seed, workDir: options.workDir });
  const reloadQuestions =
    reloadCorpus === corpus ? questionsFile : ensureQuestions(reloadCorpus, Math.min(options.questions, 500), options.seed);
  const reload = await attempt(`reload with questions every 10 ms, ${reloadCorpus.manifest.sentences} sentences (own process)`, () =>
    runMeasurement<ReloadFigures>(
      'measureReload.ts',
      ['--corpus-dir', reloadCorpus.articlesDir, '--questions-file', reloadQuestions, ...repeatArgs],
      options.timeoutMs,
    ),
  );

  // The snapshot folder of the in-process measurements (INDEX_CACHE_DIR as the bot would have it):
  // the open measurement saves it, the change measurement then opens from it and changes it.
  const snapshotRoot = mkdtempSync(path.join(os.tmpdir(), 'bench-snapshot-'));
  const snapshotArgs = [
    '--corpus-dir',
    corpus.articlesDir,
    '--snapshot-dir',
    path.join(snapshotRoot, 'index'),
    '--questions-file',
    questionsFile,
    ...repeatArgs,
  ];
  let open: Outcome<OpenFigures>;
  let changes: Outcome<ChangeFigures>;
  try {
    open = await attempt('open from the saved index with questions every 10 ms (own process)', () =>
      runMeasurement<OpenFigures>('measureOpen.ts', snapshotArgs, options.timeoutMs),
    );
    changes = await attempt('/corpus add and /corpus remove with questions every 10 ms (own process)', () =>
      runMeasurement<ChangeFigures>('measureChanges.ts', snapshotArgs, options.timeoutMs),
    );
  } finally {
    rmSync(snapshotRoot, { recursive: true, force: true });
  }

  const snapshotLookup: SnapshotLookup = await findSnapshotSupport().catch((error: unknown) => ({
    missing: `looking for the snapshot support failed: ${error instanceof Error ? error.message : String(error)}`,
  }));
  const snapshotSupport = 'support' in snapshotLookup ? snapshotLookup.support : null;
  const askCold = await attempt(`ask: start to first answer without a snapshot ("${questionLine}")`, async () => {
    const snapshot = snapshotSupport === null ? null : await snapshotSupport.pathFor(corpus.articlesDir);
    return repeatAsk(
      options.repeat,
      () => timeFirstAnswer({ corpusDir: corpus.articlesDir, question: questionLine, timeoutMs: options.timeoutMs }),
      () => {
        if (snapshot !== null) rmSync(snapshot, { recursive: true, force: true });
      },
    );
  });
  let askSnapshot: Outcome<SnapshotStart>;
  if ('missing' in snapshotLookup) {
    askSnapshot = { ok: false, notApplicable: true, reason: snapshotLookup.missing };
    log(`ask from a snapshot: n/a (${snapshotLookup.missing})`);
  } else {
    const { support } = snapshotLookup;
    askSnapshot = await attempt(
      `ask: start to first answer from a snapshot (${support.module})`,
      () => measureSnapshotStart(support, corpus.articlesDir, questionLine, options),
      (error) => error instanceof NoSnapshotSaved,
    );
  }
  const askSeed = await attempt(`ask on the seed corpus ("${SEED_QUESTION}")`, async () => {
    // One untimed run first: the seed corpus is started as the bot would find it on a second start.
    await timeFirstAnswer({ corpusDir: SEED_CORPUS_DIR, question: SEED_QUESTION, timeoutMs: options.timeoutMs });
    return repeatAsk(options.repeat, () =>
      timeFirstAnswer({ corpusDir: SEED_CORPUS_DIR, question: SEED_QUESTION, timeoutMs: options.timeoutMs }),
    );
  });

  // The snapshots of the generated corpora are the benchmark's own litter in the bot's cache.
  if (snapshotSupport !== null) {
    for (const dir of new Set([corpus.articlesDir, reloadCorpus.articlesDir])) {
      await snapshotSupport
        .pathFor(dir)
        .then((file) => rmSync(file, { recursive: true, force: true }))
        .catch(() => undefined);
    }
  }

  const run: BenchRun = {
    sentences: options.sentences,
    questions: questions.filter((q) => !q.warmup).length,
    warmups: warmupCount(options.questions),
    seed: options.seed,
    repeat: options.repeat,
    corpus,
    reloadSentences: reloadCorpus.manifest.sentences,
    minisearch,
    ours,
    reload,
    open,
    changes,
    askCold,
    askSnapshot,
    askSeed,
    startedAt,
    durationMs: performance.now() - started,
  };
  const results = renderResults(run);
  mkdirSync(path.dirname(options.out), { recursive: true });
  writeFileSync(options.out, results);
  console.log(results);
  log(`written to ${options.out}`);
  return allMeasured(run) ? 0 : 1;
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    process.stderr.write(`bench failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    process.exitCode = 1;
  },
);
