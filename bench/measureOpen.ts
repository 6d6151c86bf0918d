/**
 * Child process: starting from the saved index while questions keep coming. A first, untimed
 * `service.open()` with a snapshot folder (as INDEX_CACHE_DIR gives it) indexes the corpus and
 * saves its snapshot (or finds it saved already); then, each repetition, a new service opens from
 * that snapshot while a question is due every 10 ms (probe.ts). Records how long the open took and
 * how long a question waited for the event loop at most. Prints one JSON line.
 *
 *   node --expose-gc --import tsx bench/measureOpen.ts --corpus-dir D --snapshot-dir S --questions-file Q [--repeat 3]
 */
import { readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import type { AnswerService } from '../src/service/answerService.js';
import { readNumberFlag, readStringFlag } from './cliFlags.js';
import { createService } from './engineEntry.js';
import type { OpenFigures } from './figures.js';
import { collectGarbage, emit, progress, REPEAT_ONLY_UNDER_MS, runChild, timingOf } from './measureSupport.js';
import { probeWhile, QUESTION_EVERY_MS } from './probe.js';
import { readQuestions } from './questions.js';

/** The service's log message when an open came from the snapshot (src/service/answerService.ts). */
const FROM_SNAPSHOT_MESSAGE = 'corpus index loaded from its snapshot';

function sizeOnDisk(target: string): number {
  const stats = statSync(target);
  if (!stats.isDirectory()) return stats.size;
  return readdirSync(target).reduce((sum, name) => sum + sizeOnDisk(path.join(target, name)), 0);
}

async function main(): Promise<void> {
  const argv = process.argv.slice(2);
  const dir = readStringFlag(argv, '--corpus-dir', '');
  const snapshotFile = readStringFlag(argv, '--snapshot-dir', '');
  const repeat = readNumberFlag(argv, '--repeat', 3);
  const questions = readQuestions(readStringFlag(argv, '--questions-file', '')).filter((q) => !q.absent);
  if (questions.length === 0) throw new Error('no question about the corpus to ask');

  progress(`open: a first, untimed open of ${dir} saves its snapshot in ${snapshotFile}`);
  let fromSnapshot = false;
  const onLog = (message: string): void => {
    if (message === FROM_SNAPSHOT_MESSAGE) fromSnapshot = true;
  };
  let service: AnswerService | null = createService(dir, { snapshotFile, onLog });
  const first = await service.open();
  if (!first.applied) throw new Error(`the first open was refused: ${first.refusal ?? 'no reason given'}`);
  const sentences = service.current.sentenceCount;
  service = null;

  const opens: number[] = [];
  const waits: number[] = [];
  const responses: number[] = [];
  let answered = 0;
  do {
    collectGarbage();
    progress(`open: from the snapshot while a question comes every ${QUESTION_EVERY_MS} ms (run ${opens.length + 1})`);
    fromSnapshot = false;
    const opening: AnswerService = createService(dir, { snapshotFile, onLog });
    const started = performance.now();
    let finished = Number.NaN;
    const open = opening.open().finally(() => {
      finished = performance.now();
    });
    const probe = await probeWhile(open, (n) => {
      const question = questions[n % questions.length]!;
      opening.answer(question.cmd, question.q);
    });
    const summary = await open;
    opens.push(finished - started);
    if (!summary.applied) throw new Error(`the open was refused: ${summary.refusal ?? 'no reason given'}`);
    if (!fromSnapshot) throw new Error(`the service did not open from the snapshot in ${snapshotFile} (it indexed the corpus folder)`);
    if (opening.current.sentenceCount !== sentences) {
      throw new Error(`the snapshot holds ${opening.current.sentenceCount} sentences, the corpus ${sentences}`);
    }
    waits.push(probe.maxWait);
    responses.push(probe.maxResponse);
    answered += probe.answered;
  } while (opens.length < repeat && opens[0]! < REPEAT_ONLY_UNDER_MS);

  const figures: OpenFigures = {
    system: 'open',
    sentences,
    open: timingOf(opens),
    maxWait: timingOf(waits),
    maxResponse: timingOf(responses),
    snapshotBytes: sizeOnDisk(snapshotFile),
    questionsDuringOpen: answered,
  };
  emit(figures);
}

runChild(main);
