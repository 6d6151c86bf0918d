import { AnswerEngine, type AnswerOptions } from '../answer/engine.js';
import type { Command } from '../answer/question.js';
import type { Answer } from '../answer/types.js';
import { loadCorpus } from '../corpus/loadCorpus.js';
import type { CorpusError } from '../corpus/types.js';
import type { Logger } from '../logger.js';

/** What a load or reload did. */
export interface LoadSummary {
  articlesBefore: number;
  sentencesBefore: number;
  articles: number;
  sentences: number;
  errors: CorpusError[];
  /** False when the new corpus was refused and the old one kept serving. */
  applied: boolean;
}

/**
 * The answering service: the engine serving now, and the one way to replace it. A new corpus is
 * read and indexed completely before it replaces the serving engine in one assignment, so a
 * question is always answered by a whole index, old or new, and a failed load changes nothing.
 */
export class AnswerService {
  private engine: AnswerEngine;

  constructor(
    private readonly corpusDir: string,
    private readonly logger: Logger,
    initial: AnswerEngine = new AnswerEngine({ articles: [], errors: [] }),
  ) {
    this.engine = initial;
  }

  get current(): AnswerEngine {
    return this.engine;
  }

  answer(command: Command, query: string, options?: AnswerOptions): Answer {
    return this.engine.answer(command, query, options);
  }

  /**
   * Reads the corpus folder again and swaps the new index in. Files that fail are reported (and
   * logged) while the others load; a corpus with no article at all is refused while one is serving.
   */
  async reload(): Promise<LoadSummary> {
    const before = this.engine;
    const corpus = await loadCorpus(this.corpusDir);
    for (const error of corpus.errors) this.logger.warn({ file: error.file, reason: error.reason }, 'corpus file refused');
    const summary = {
      articlesBefore: before.articles.length,
      sentencesBefore: before.sentenceCount,
      articles: corpus.articles.length,
      errors: corpus.errors,
    };
    if (corpus.articles.length === 0 && before.articles.length > 0) {
      this.logger.error({ dir: this.corpusDir }, 'reload found no article: keeping the corpus that is serving');
      return { ...summary, sentences: 0, applied: false };
    }
    const engine = new AnswerEngine(corpus);
    this.engine = engine;
    this.logger.info({ dir: this.corpusDir, articles: engine.articles.length, sentences: engine.sentenceCount }, 'corpus loaded');
    return { ...summary, sentences: engine.sentenceCount, applied: true };
  }
}
