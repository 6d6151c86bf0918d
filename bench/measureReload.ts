/**
 * Child process: what questions see while the corpus is reloaded. Starts the answering service
 * (engineEntry.ts, then `reload()`), then reloads it again while a question is
 * scheduled every 10 ms (setTimeout) and answered with `service.answer`; records how late each
 * question starts (its wait for the event loop), how late its answer is ready, and the event-loop
 * delay (`perf_hooks.monitorEventLoopDelay`) during the reload. Prints one JSON line.
 *
 *   node --expose-gc --import tsx bench/measureReload.ts --corpus-dir D --questions-file Q [--repeat 3]
 */
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { readNumberFlag, readStringFlag } from './cliFlags.js';
import { createService } from './engineEntry.js';
import type { ReloadFigures, RepeatedTiming } from './figures.js';
import { collectGarbage, emit, probeWhile, progress, QUESTION_EVERY_MS, REPEAT_ONLY_UNDER_MS, round, runChild } from './measureSupport.js';
import { readQuestions, type BenchQuestion } from './questions.js';
import { median } from './stats.js';

const NS_PER_MS = 1e6;

function timing(runs: number[]): RepeatedTiming {
  return { median: median(runs), runs: runs.map((r) => round(r)) };
}

async function main(): Promise<void> {
  const argv = process.argv.slice(2);
  const dir = readStringFlag(argv, '--corpus-dir', '');
  const repeat = readNumberFlag(argv, '--repeat', 3);
  const questions: BenchQuestion[] = readQuestions(readStringFlag(argv, '--questions-file', '')).filter((q) => !q.absent);
  const service = createService(dir);
  progress(`reload: first load of ${dir}`);
  const first = await service.reload();
  if (!first.applied) throw new Error(`the first load was refused: ${first.refusal ?? 'no reason given'}`);
  for (const question of questions.slice(0, 50)) service.answer(question.cmd, question.q);

  const reloads: number[] = [];
  const waits: number[] = [];
  const responses: number[] = [];
  const delayP99: number[] = [];
  const delayMax: number[] = [];
  let answered = 0;
  do {
    collectGarbage();
    progress(`reload: reloading while a question comes every ${QUESTION_EVERY_MS} ms (run ${reloads.length + 1})`);
    const histogram = monitorEventLoopDelay({ resolution: 1 });
    histogram.enable();
    const started = performance.now();
    const reload = service.reload();
    const probe = await probeWhile(reload, (n) => {
      const question = questions[n % questions.length]!;
      service.answer(question.cmd, question.q);
    });
    reloads.push(performance.now() - started);
    // Let the delay monitor's own timer fire once more, so that it records a block that just ended.
    await new Promise((resolve) => setTimeout(resolve, 5));
    histogram.disable();
    const summary = await reload;
    if (!summary.applied) throw new Error(`the reload was refused: ${summary.refusal ?? 'no reason given'}`);
    waits.push(probe.maxWait);
    responses.push(probe.maxResponse);
    delayP99.push(histogram.percentile(99) / NS_PER_MS);
    delayMax.push(histogram.max / NS_PER_MS);
    answered += probe.answered;
  } while (reloads.length < repeat && reloads[0]! < REPEAT_ONLY_UNDER_MS);

  const figures: ReloadFigures = {
    system: 'reload',
    sentences: service.current.sentenceCount,
    reload: timing(reloads),
    maxWait: timing(waits),
    maxResponse: timing(responses),
    loopDelayP99: timing(delayP99),
    loopDelayMax: timing(delayMax),
    questionsDuringReload: answered,
  };
  emit(figures);
}

runChild(main);
