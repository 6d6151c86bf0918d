/**
 * Helpers of the measuring child processes: full garbage collection (node --expose-gc), heap use,
 * repeated timings, question passes, and printing the figures as one JSON line on stdout.
 */
import type { RepeatedTiming } from './figures.js';
import type { BenchQuestion } from './questions.js';
import { median, medianSummary, summarise, type LatencySummary } from './stats.js';

/** A step that takes longer than this is measured once: repeating it would cost too much time. */
export const REPEAT_ONLY_UNDER_MS = 12_000;
/** A pass over the questions is repeated only when the first took less than this. */
export const REPEAT_PASS_ONLY_UNDER_MS = 15_000;

/** Runs a full garbage collection (twice, so that finalisers' garbage goes too). */
export function collectGarbage(): void {
  const gc = globalThis.gc;
  if (gc === undefined) throw new Error('run with node --expose-gc to measure the heap');
  gc();
  gc();
}

export interface SettledMemory {
  /** heapUsed + arrayBuffers. */
  total: number;
  heapUsed: number;
  arrayBuffers: number;
}

/** Memory in use after a full garbage collection: the V8 heap and the array buffers outside it. */
export function settledMemory(): SettledMemory {
  collectGarbage();
  const { heapUsed, arrayBuffers } = process.memoryUsage();
  return { total: heapUsed + arrayBuffers, heapUsed, arrayBuffers };
}

/**
 * Times `step` up to `maxRuns` times (only once when it is slow), calling `prepare` untimed
 * before each run; returns the median and every run's time.
 */
export async function repeatTimed(maxRuns: number, step: () => unknown, prepare: () => void = collectGarbage): Promise<RepeatedTiming> {
  const runs: number[] = [];
  do {
    prepare();
    const started = performance.now();
    await step();
    runs.push(performance.now() - started);
  } while (runs.length < maxRuns && runs[0]! < REPEAT_ONLY_UNDER_MS);
  return { median: median(runs), runs: runs.map((r) => round(r)) };
}

/** Timings of repeated runs: their median, and each run's time. */
export function timingOf(runs: readonly number[]): RepeatedTiming {
  return { median: median(runs), runs: runs.map((r) => round(r)) };
}

export interface PassTimings {
  /** Medians over passes of each statistic. */
  query: LatencySummary;
  firstPass: LatencySummary;
  passes: number;
}

/**
 * Asks the warm-up questions untimed, then every timed question up to `passes` times (once when
 * a pass is slow), timing each call. Returns medians over passes of each statistic, and the
 * first pass alone.
 */
export function timeQuestionPasses(
  questions: readonly BenchQuestion[],
  passes: number,
  ask: (question: BenchQuestion) => void,
): PassTimings {
  for (const question of questions) if (question.warmup) ask(question);
  const timed = questions.filter((q) => !q.warmup);
  const summaries: LatencySummary[] = [];
  let firstPassMs = 0;
  for (let pass = 0; pass < Math.max(1, passes) && firstPassMs < REPEAT_PASS_ONLY_UNDER_MS; pass++) {
    const passStarted = performance.now();
    const times = new Array<number>(timed.length);
    timed.forEach((question, i) => {
      const started = performance.now();
      ask(question);
      times[i] = performance.now() - started;
    });
    summaries.push(summarise(times));
    if (pass === 0) firstPassMs = performance.now() - passStarted;
  }
  return { query: medianSummary(summaries), firstPass: summaries[0]!, passes: summaries.length };
}

export function round(value: number, digits = 3): number {
  const factor = 10 ** digits;
  return Math.round(value * factor) / factor;
}

/** Prints progress on stderr (stdout carries the figures). */
export function progress(message: string): void {
  process.stderr.write(`  · ${message}\n`);
}

/** Prints the figures as the one JSON line the parent reads. */
export function emit(figures: object): void {
  process.stdout.write(`${JSON.stringify(figures)}\n`);
}

/** Runs a child's main, printing a failure on stderr with a non-zero exit code. */
export function runChild(main: () => Promise<void>): void {
  main().catch((error: unknown) => {
    process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    process.exitCode = 1;
  });
}
