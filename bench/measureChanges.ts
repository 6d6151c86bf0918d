/**
 * Child process: a moderator's `/corpus add` and `/corpus remove` on the serving index. Opens the
 * service on the corpus with a snapshot folder (from the snapshot the open measurement saved, else
 * by indexing the folder and saving one), so that each in-place change also saves its changed
 * snapshot files, as the bot does. Then, each repetition:
 *   (a) adds a new 40-sentence article (addedArticle.ts) with `service.change((c) => c.add(article))`;
 *   (b) removes an article from the middle of the corpus (in a full shard) with `c.remove(id)`;
 * while a question is due every 10 ms (probe.ts): the question only that article answers. Records
 * the time from the change's start until the question is first answered from the article (add) or
 * no longer cites it (remove), the whole change's time, and the longest wait for the event loop.
 * The corpus folder itself is not touched (the bot writes or moves the file; only the service's
 * change is timed). Prints one JSON line.
 *
 *   node --expose-gc --import tsx bench/measureChanges.ts --corpus-dir D --snapshot-dir S --questions-file Q [--repeat 3]
 */
import type { Answer } from '../src/answer/types.js';
import type { ArticleInfo } from '../src/search/corpusIndex.js';
import type { AnswerService, LoadSummary } from '../src/service/answerService.js';
import { addedArticle } from './addedArticle.js';
import { readNumberFlag, readStringFlag } from './cliFlags.js';
import { createService } from './engineEntry.js';
import type { ChangeFigures, ChangeTimings } from './figures.js';
import { collectGarbage, emit, progress, runChild, timingOf } from './measureSupport.js';
import { probeWhile, QUESTION_EVERY_MS } from './probe.js';
import { readQuestions, sentenceTerms, type QuestionCommand } from './questions.js';
import { median } from './stats.js';

const FROM_SNAPSHOT_MESSAGE = 'corpus index loaded from its snapshot';
/** At most this many words of a sentence make the question about it. */
const QUESTION_WORDS = 6;
/** Articles tried, from the middle on, for one whose sentence a question gets back. */
const CANDIDATE_ARTICLES = 20;

interface Question {
  cmd: QuestionCommand;
  q: string;
}

interface ChangeRun {
  visible: number;
  total: number;
  maxWait: number;
  maxResponse: number;
}

function cites(answer: Answer, articleId: string): boolean {
  return answer.status === 'answered' && answer.excerpts.some((excerpt) => excerpt.citations.some((c) => c.articleId === articleId));
}

/**
 * Runs one change while the question is asked every 10 ms; `visible` is when `seen(answer)` first
 * held (or, when it first held only once the change was done, the change's whole time).
 */
async function timeChange(
  service: AnswerService,
  change: () => Promise<LoadSummary>,
  question: Question,
  seen: (answer: Answer) => boolean,
  what: string,
): Promise<ChangeRun> {
  collectGarbage();
  const started = performance.now();
  let finished = Number.NaN;
  let visibleAt: number | null = null;
  const work = change().finally(() => {
    finished = performance.now();
  });
  const probe = await probeWhile(work, () => {
    const answer = service.answer(question.cmd, question.q);
    if (visibleAt === null && seen(answer)) visibleAt = performance.now();
  });
  const summary = await work;
  if (!summary.applied) throw new Error(`${what} was refused: ${summary.refusal ?? 'no reason given'}`);
  const total = finished - started;
  let visible = visibleAt === null ? null : Math.min(visibleAt - started, total);
  if (visible === null) {
    if (!seen(service.answer(question.cmd, question.q)))
      throw new Error(`${what}: "/${question.cmd} ${question.q}" does not show the change`);
    visible = total;
  }
  return { visible, total, maxWait: probe.maxWait, maxResponse: probe.maxResponse };
}

/** A question made of a sentence's names and words ("Ministry of Finance tariff exports"). */
function questionAbout(sentence: string): Question | null {
  const { entities, words } = sentenceTerms(sentence);
  const terms = [...entities, ...words].slice(0, QUESTION_WORDS);
  return terms.length < 2 ? null : { cmd: 'what', q: terms.join(' ') };
}

/** An article from the middle of the corpus on (`skip` further) and a question that cites it. */
function articleToRemove(service: AnswerService, skip: number): { info: ArticleInfo; question: Question } {
  const engine = service.current;
  const articles = engine.articles.filter((a) => !a.id.startsWith('bench-added-'));
  const middle = Math.floor(articles.length / 2) + skip;
  for (let k = 0; k < CANDIDATE_ARTICLES; k++) {
    const info = articles[(middle + k) % articles.length]!;
    for (let i = 0; i < info.sentenceCount; i++) {
      const question = questionAbout(engine.sentenceText(info.firstRef + i));
      if (question !== null && cites(service.answer(question.cmd, question.q), info.id)) return { info, question };
    }
  }
  throw new Error(`no question about the ${CANDIDATE_ARTICLES} articles from the middle of the corpus on cites them`);
}

function timings(runs: readonly ChangeRun[]): ChangeTimings {
  return {
    visible: timingOf(runs.map((r) => r.visible)),
    total: timingOf(runs.map((r) => r.total)),
    maxWait: timingOf(runs.map((r) => r.maxWait)),
    maxResponse: timingOf(runs.map((r) => r.maxResponse)),
  };
}

async function main(): Promise<void> {
  const argv = process.argv.slice(2);
  const dir = readStringFlag(argv, '--corpus-dir', '');
  const snapshotFile = readStringFlag(argv, '--snapshot-dir', '');
  const repeat = Math.max(1, readNumberFlag(argv, '--repeat', 3));
  const questions = readQuestions(readStringFlag(argv, '--questions-file', ''));

  let fromSnapshot = false;
  const service = createService(dir, {
    snapshotFile,
    onLog: (message) => {
      if (message === FROM_SNAPSHOT_MESSAGE) fromSnapshot = true;
    },
  });
  progress(`changes: opening ${dir} with its snapshot in ${snapshotFile}`);
  const opened = await service.open();
  if (!opened.applied) throw new Error(`the open was refused: ${opened.refusal ?? 'no reason given'}`);
  const sentences = service.current.sentenceCount;
  // Answering as the bot has been doing before a moderator's change.
  for (const question of questions.slice(0, 50)) service.answer(question.cmd, question.q);

  const adds: ChangeRun[] = [];
  const removes: ChangeRun[] = [];
  const removedSentences: number[] = [];
  for (let run = 0; run < repeat; run++) {
    const { article, question } = addedArticle(run);
    if (cites(service.answer(question.cmd, question.q), article.id))
      throw new Error(`"/${question.cmd} ${question.q}" is answered before the article is added`);
    progress(
      `changes: adding ${article.id} (${article.sentences.length} sentences) while a question comes every ${QUESTION_EVERY_MS} ms (run ${run + 1})`,
    );
    adds.push(
      await timeChange(
        service,
        () => service.change((c) => c.add(article)),
        question,
        (answer) => cites(answer, article.id),
        `adding ${article.id}`,
      ),
    );

    const removed = articleToRemove(service, run * 3);
    progress(
      `changes: removing ${removed.info.id} (${removed.info.sentenceCount} sentences) while a question comes every ${QUESTION_EVERY_MS} ms (run ${run + 1})`,
    );
    removes.push(
      await timeChange(
        service,
        () => service.change((c) => c.remove(removed.info.id)),
        removed.question,
        (answer) => !cites(answer, removed.info.id),
        `removing ${removed.info.id}`,
      ),
    );
    removedSentences.push(removed.info.sentenceCount);
  }

  const figures: ChangeFigures = {
    system: 'changes',
    sentences,
    addedSentences: addedArticle(0).article.sentences.length,
    removedSentences: median(removedSentences),
    openedFrom: fromSnapshot ? 'snapshot' : 'files',
    add: timings(adds),
    remove: timings(removes),
  };
  emit(figures);
}

runChild(main);
