import { setImmediate as nextTurn } from 'node:timers/promises';
import { AnswerEngine, type AnswerOptions } from '../answer/engine.js';
import type { Command } from '../answer/question.js';
import type { Answer } from '../answer/types.js';
import { longSentencesNote } from '../corpus/longSentences.js';
import type { Article, CorpusError } from '../corpus/types.js';
import type { Logger } from '../logger.js';
import { CorpusIndex } from '../search/corpusIndex.js';
import { buildCorpus, buildCorpusInWorker, type BuildRequest, type BuiltCorpus } from './corpusBuild.js';
import { corpusFingerprint, snapshotOfIndex } from './snapshot.js';
import { SNAPSHOT_TIME_LIMIT_MS, readSnapshotBestEffort, saveSnapshotBestEffort } from './snapshotAccess.js';
import { sweepStaleTempFiles } from './staleTempFiles.js';

/** What a load or reload did. */
export interface LoadSummary {
  articlesBefore: number;
  sentencesBefore: number;
  /** Articles and sentences serving afterwards (unchanged from before when refused). */
  articles: number;
  sentences: number;
  /** Files of the corpus folder that could not be loaded (they are left out, the others serve). */
  errors: CorpusError[];
  /** False when the new corpus was refused and the old one kept serving. */
  applied: boolean;
  /** Why the new corpus was refused, when it was. */
  refusal: string | null;
}

/** What a change running under {@link AnswerService.change} may do. */
export interface CorpusChange {
  /**
   * Reads the corpus folder, indexes it completely, and swaps it in, unless it has no article while
   * one is serving: then nothing changes.
   */
  rebuild(): Promise<LoadSummary>;
  /**
   * Adds an article (whose file the folder now has) to the serving index in place: it is indexed
   * apart and joins in one step. Refused when the index already has an article with its id.
   */
  add(article: Article): Promise<LoadSummary>;
  /**
   * Removes an article (whose file has left the folder) from the serving index in place, in one
   * step; a file of that id that failed to load is forgotten. Refused when it is the last article.
   */
  remove(articleId: string): Promise<LoadSummary>;
}

export interface AnswerServiceOptions {
  /** The engine serving before the first load (default: an empty corpus). */
  initial?: AnswerEngine;
  /** Where the index snapshot of this corpus is kept; null: none is read or written. */
  snapshotFile?: string | null;
  /**
   * How a corpus folder is read and indexed for a change (default: on a worker thread, so that
   * questions keep being answered meanwhile; tests hold it half-way to watch a change in progress).
   */
  build?: (request: BuildRequest) => Promise<BuiltCorpus>;
  /** How long reading or saving the snapshot may take before the service goes on without it. */
  snapshotTimeLimitMs?: number;
}

/**
 * The answering service: the engine serving now, and the one way to replace it. A new corpus is
 * read and indexed completely before it replaces the serving engine in one assignment, so a
 * question is always answered by a whole index, old or new, and a failed load changes nothing.
 * Changes run one at a time, in the order they were asked for.
 *
 * The snapshot is only a cache: when it cannot be read or saved, one warning says why, and the
 * service goes on without it (starts read the corpus folder; changes apply all the same).
 */
export class AnswerService {
  readonly corpusDir: string;
  private engine: AnswerEngine;
  private loadErrors: CorpusError[] = [];
  private queue: Promise<unknown> = Promise.resolve();
  private pending = 0;
  private readonly build: (request: BuildRequest) => Promise<BuiltCorpus>;
  private readonly snapshotFile: string | null;
  private readonly snapshotTimeLimitMs: number;
  /** The snapshot problem last warned about; null while the snapshot works (or none was tried). */
  private snapshotTrouble: string | null = null;

  constructor(
    corpusDir: string,
    private readonly logger: Logger,
    options: AnswerServiceOptions = {},
  ) {
    this.corpusDir = corpusDir;
    this.engine = options.initial ?? new AnswerEngine(CorpusIndex.empty());
    this.build = options.build ?? buildCorpusInWorker;
    this.snapshotFile = options.snapshotFile ?? null;
    this.snapshotTimeLimitMs = options.snapshotTimeLimitMs ?? SNAPSHOT_TIME_LIMIT_MS;
  }

  /**
   * The first load, at start: from the saved snapshot when it matches the corpus folder as it is
   * now, else by reading and indexing the folder on this thread (nothing is being served yet) and
   * saving a new snapshot.
   */
  async open(): Promise<LoadSummary> {
    return this.change(async () => {
      await this.sweepTempFiles();
      if (this.snapshotFile !== null) {
        const read = await readSnapshotBestEffort(this.snapshotFile, await corpusFingerprint(this.corpusDir), this.snapshotTimeLimitMs);
        if (read.problem !== null) this.snapshotFailed(read.problem);
        if (read.snapshot !== null) {
          this.logger.debug({ file: this.snapshotFile }, 'corpus index loaded from its snapshot');
          return this.swapIn({ errors: read.snapshot.errors, index: await CorpusIndex.unpack(read.snapshot.corpus, nextTurn) }, 'snapshot');
        }
      }
      return this.rebuildWith(buildCorpus);
    });
  }

  /** Why the snapshot could not be read or saved last time it was tried; null when it worked. */
  get snapshotProblem(): string | null {
    return this.snapshotTrouble;
  }

  /** The engine answering now. */
  get current(): AnswerEngine {
    return this.engine;
  }

  /** Files refused by the load that built the serving engine. */
  get errors(): readonly CorpusError[] {
    return this.loadErrors;
  }

  /** True while a corpus change is queued or running (answers may soon come from a new corpus). */
  get changing(): boolean {
    return this.pending > 0;
  }

  answer(command: Command, query: string, options?: AnswerOptions): Answer {
    return this.engine.answer(command, query, options);
  }

  /** Resolves once no corpus change is queued or running. Never rejects. */
  async whenSettled(): Promise<void> {
    while (this.pending > 0) {
      await this.queue.then(
        () => undefined,
        () => undefined,
      );
    }
  }

  /**
   * Runs a corpus change after the ones before it have finished, so that two changes never
   * interleave (each reads the folder, may write to it, and rebuilds). The task's result or error
   * is passed on; a failed task does not stop the ones after it.
   */
  change<T>(task: (change: CorpusChange) => Promise<T>): Promise<T> {
    this.pending++;
    // `queue` never rejects: each task's failure is its caller's, not the next task's.
    const run = this.queue.then(() =>
      task({ rebuild: () => this.rebuild(), add: (article) => this.addInPlace(article), remove: (id) => this.removeInPlace(id) }),
    );
    const done = run.finally(() => {
      this.pending--;
    });
    this.queue = done.catch(() => undefined);
    return done;
  }

  /**
   * Reads the corpus folder again and swaps the new index in. Files that fail are reported (and
   * logged) while the others load; a corpus with no article at all is refused while one is serving.
   */
  reload(): Promise<LoadSummary> {
    return this.change((change) => change.rebuild());
  }

  private async rebuild(): Promise<LoadSummary> {
    await this.sweepTempFiles();
    return this.rebuildWith(this.build);
  }

  private async rebuildWith(build: (request: BuildRequest) => Promise<BuiltCorpus>): Promise<LoadSummary> {
    const before = this.engine;
    const built = await build({
      corpusDir: this.corpusDir,
      snapshotFile: this.snapshotFile,
      snapshotTimeLimitMs: this.snapshotTimeLimitMs,
    });
    this.noteSnapshotSave(built.snapshotProblem, built.index.articles.length > 0);
    for (const error of built.errors) {
      if (error.skipped === true) this.logger.info({ file: error.file, reason: error.reason }, 'corpus folder entry skipped');
      else this.logger.warn({ file: error.file, reason: error.reason }, 'corpus file refused');
    }
    for (const note of built.notes) this.logger.debug({ dir: this.corpusDir, note }, 'corpus build note');
    for (const { file, note } of built.fileNotes) this.logger.info({ file, note }, 'corpus file note');
    if (built.index.articles.length === 0 && before.articles.length > 0) {
      const refusal = 'the corpus folder would have no readable article';
      this.logger.error({ dir: this.corpusDir, refusal }, 'new corpus refused: keeping the corpus that is serving');
      return { ...this.summarySince(this.counts()), errors: built.errors, applied: false, refusal };
    }
    return this.swapIn(built, 'files');
  }

  /** Replaces the serving engine in one assignment, with one built completely beforehand. */
  private swapIn(built: Pick<BuiltCorpus, 'index' | 'errors'>, from: 'files' | 'snapshot'): LoadSummary {
    const before = this.counts();
    const engine = new AnswerEngine(built.index);
    this.engine = engine;
    this.loadErrors = built.errors;
    this.logger.info({ dir: this.corpusDir, from, articles: engine.articles.length, sentences: engine.sentenceCount }, 'corpus loaded');
    return { ...this.summarySince(before), errors: built.errors, applied: true, refusal: null };
  }

  private async addInPlace(article: Article): Promise<LoadSummary> {
    const before = this.counts();
    if (this.engine.corpus.articleById(article.id) !== undefined) {
      return this.refused(before, `the corpus already has an article with id ${article.id}`);
    }
    await this.engine.addArticle(article);
    this.loadErrors = this.loadErrors.filter((error) => error.file !== article.file);
    this.logger.info({ dir: this.corpusDir, article: article.id, sentences: article.sentences.length }, 'corpus: article added in place');
    if (article.longSentencesCut > 0)
      this.logger.info({ file: article.file, note: longSentencesNote(article.longSentencesCut) }, 'corpus file note');
    await this.saveAfterChange();
    return { ...this.summarySince(before), errors: this.loadErrors, applied: true, refusal: null };
  }

  private async removeInPlace(articleId: string): Promise<LoadSummary> {
    const before = this.counts();
    const serving = this.engine.corpus.articleById(articleId);
    if (serving !== undefined && this.engine.articles.length === 1) return this.refused(before, 'it is the last article of the corpus');
    if (serving !== undefined) await this.engine.removeArticle(articleId);
    // A file of that id that failed to load is gone too.
    this.loadErrors = this.loadErrors.filter((error) => !isFileOf(error.file, articleId));
    this.logger.info({ dir: this.corpusDir, article: articleId }, 'corpus: article removed in place');
    await this.saveAfterChange();
    return { ...this.summarySince(before), errors: this.loadErrors, applied: true, refusal: null };
  }

  /** Saves the changed parts of the snapshot after an in-place change (best effort: see snapshotFailed). */
  private async saveAfterChange(): Promise<void> {
    if (this.snapshotFile === null) return;
    const fingerprint = await corpusFingerprint(this.corpusDir).catch(() => null);
    if (fingerprint === null) return;
    const state = { fingerprint, errors: this.loadErrors, corpus: snapshotOfIndex(this.engine.corpus) };
    const saved = await saveSnapshotBestEffort(this.snapshotFile, state, nextTurn, this.snapshotTimeLimitMs);
    this.noteSnapshotSave(saved.problem ?? undefined, true);
  }

  /**
   * Deletes the temporary files a crashed upload left in the corpus folder (run inside a change, so
   * never while this process writes one). Never throws: a file that stays is a warning.
   */
  private async sweepTempFiles(): Promise<void> {
    const { removed, failed } = await sweepStaleTempFiles(this.corpusDir);
    if (removed.length > 0)
      this.logger.info(
        { dir: this.corpusDir, files: removed },
        'removed temporary files left in the corpus folder by an interrupted upload',
      );
    for (const { file, reason } of failed)
      this.logger.warn({ dir: this.corpusDir, file, reason }, 'cannot remove a temporary file left by an interrupted upload');
  }

  /** Warns that the snapshot cannot be used, once until it works again; later failures are debug lines. */
  private snapshotFailed(problem: string): void {
    if (this.snapshotTrouble === null) {
      this.logger.warn(
        { file: this.snapshotFile, problem },
        'index snapshot unavailable: going on without it (each start reads the corpus folder; changes apply as usual); check INDEX_CACHE_DIR, or set it to off',
      );
    } else {
      this.logger.debug({ file: this.snapshotFile, problem }, 'index snapshot still unavailable');
    }
    this.snapshotTrouble = problem;
  }

  /** Reports what a save says of the snapshot: a problem, or the snapshot working again. */
  private noteSnapshotSave(problem: string | undefined, saved: boolean): void {
    if (this.snapshotFile === null) return;
    if (problem !== undefined) this.snapshotFailed(problem);
    else if (this.snapshotTrouble !== null && saved) {
      this.logger.info({ file: this.snapshotFile }, 'index snapshot saved again');
      this.snapshotTrouble = null;
    }
  }

  private refused(before: Counts, refusal: string): LoadSummary {
    this.logger.error({ dir: this.corpusDir, refusal }, 'corpus change refused: keeping the corpus that is serving');
    return { ...this.summarySince(before), errors: [...this.loadErrors], applied: false, refusal };
  }

  private counts(): Counts {
    return { articles: this.engine.articles.length, sentences: this.engine.sentenceCount };
  }

  private summarySince(before: Counts): Omit<LoadSummary, 'errors' | 'applied' | 'refusal'> {
    return {
      articlesBefore: before.articles,
      sentencesBefore: before.sentences,
      articles: this.engine.articles.length,
      sentences: this.engine.sentenceCount,
    };
  }
}

interface Counts {
  articles: number;
  sentences: number;
}

/** Whether a corpus file (a path relative to the folder) is the article file of this id. */
function isFileOf(file: string, articleId: string): boolean {
  return file === articleId || file.replace(/\.[^.]*$/, '') === articleId;
}
