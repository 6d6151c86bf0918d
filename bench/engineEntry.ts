/**
 * ─── LEAD: how the benchmark builds our engine and service ──────────────────────────────────────
 *
 * The one place where the benchmark constructs an engine from a loaded corpus, and the answering
 * service, so that a change of their constructors is adapted here only. The engine is built with
 * `AnswerEngine.fromArticles(articles)` when the engine has it, else `new AnswerEngine(corpus)` (the
 * original entry point); the service as the `ask` command builds it.
 */
import { AnswerEngine } from '../src/answer/engine.js';
import type { Article, Corpus } from '../src/corpus/types.js';
import { createLogger } from '../src/logger.js';
import { AnswerService } from '../src/service/answerService.js';

interface EngineFactories {
  fromArticles?: (articles: readonly Article[]) => AnswerEngine;
}

/** An engine answering from `corpus`, built on this thread. */
export function buildEngine(corpus: Corpus): AnswerEngine {
  const factories = AnswerEngine as unknown as EngineFactories;
  if (typeof factories.fromArticles === 'function') return factories.fromArticles.call(AnswerEngine, corpus.articles);
  const OriginalEngine = AnswerEngine as unknown as new (corpus: Corpus) => AnswerEngine;
  return new OriginalEngine(corpus);
}

/** The answering service over a corpus folder, not loaded yet (call `reload()`). Logs warnings only. */
export function createService(corpusDir: string): AnswerService {
  return new AnswerService(corpusDir, createLogger({ level: 'warn', pretty: false }));
}
