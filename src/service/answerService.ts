import { AnswerEngine, type AnswerOptions } from '../answer/engine.js';
import type { Command } from '../answer/question.js';
import type { Answer } from '../answer/types.js';
import { loadCorpus } from '../corpus/loadCorpus.js';
import type { Corpus, CorpusError } from '../corpus/types.js';
import type { Logger } from '../logger.js';

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

/**
 * A check on a freshly loaded corpus before it may serve: the reason to refuse it, or null.
 * E.g. "the uploaded file must be among the articles".
 */
export type CorpusCheck = (corpus: Corpus) => string | null;

/** What a change running under {@link AnswerService.change} may do. */
export interface CorpusChange {
  /**
   * Reads the corpus folder, indexes it completely, and swaps it in, unless it has no article while
   * one is serving or `check` refuses it: then nothing changes.
   */
  rebuild(check?: CorpusCheck): Promise<LoadSummary>;
}

export interface AnswerServiceOptions {
  /** The engine serving before the first load (default: an empty corpus). */
  initial?: AnswerEngine;
  /** How a corpus folder is read (default loadCorpus; tests slow it down to watch a change in progress). */
  loadCorpus?: (dir: string) => Promise<Corpus>;
}

/**
 * The answering service: the engine serving now, and the one way to replace it. A new corpus is
 * read and indexed completely before it replaces the serving engine in one assignment, so a
 * question is always answered by a whole index, old or new, and a failed load changes nothing.
 * Changes run one at a time, in the order they were asked for.
 */
export class AnswerService {
  readonly corpusDir: string;
  private engine: AnswerEngine;
  private loadErrors: CorpusError[] = [];
  private queue: Promise<unknown> = Promise.resolve();
  private pending = 0;
  private readonly load: (dir: string) => Promise<Corpus>;

  constructor(
    corpusDir: string,
    private readonly logger: Logger,
    options: AnswerServiceOptions = {},
  ) {
    this.corpusDir = corpusDir;
    this.engine = options.initial ?? AnswerEngine.fromArticles([]);
    this.load = options.loadCorpus ?? loadCorpus;
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
    const run = this.queue.then(() => task({ rebuild: (check) => this.rebuild(check) }));
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

  private async rebuild(check?: CorpusCheck): Promise<LoadSummary> {
    const before = this.engine;
    const corpus = await this.load(this.corpusDir);
    for (const error of corpus.errors) this.logger.warn({ file: error.file, reason: error.reason }, 'corpus file refused');
    const unchanged = {
      articlesBefore: before.articles.length,
      sentencesBefore: before.sentenceCount,
      articles: before.articles.length,
      sentences: before.sentenceCount,
      errors: corpus.errors,
    };
    let refusal: string | null = null;
    if (corpus.articles.length === 0 && before.articles.length > 0) {
      refusal = 'the corpus folder would have no readable article';
    } else if (check !== undefined) {
      refusal = check(corpus);
    }
    if (refusal !== null) {
      this.logger.error({ dir: this.corpusDir, refusal }, 'new corpus refused: keeping the corpus that is serving');
      return { ...unchanged, applied: false, refusal };
    }
    const engine = AnswerEngine.fromArticles(corpus.articles);
    this.engine = engine;
    this.loadErrors = corpus.errors;
    this.logger.info({ dir: this.corpusDir, articles: engine.articles.length, sentences: engine.sentenceCount }, 'corpus loaded');
    return { ...unchanged, articles: engine.articles.length, sentences: engine.sentenceCount, applied: true, refusal: null };
  }
}
