/**
 * ─── LEAD: how the benchmark builds our engine and service ──────────────────────────────────────
 *
 * The one place where the benchmark constructs an engine from a loaded corpus, and the answering
 * service, so that a change of their constructors is adapted here only. The engine is built with
 * `AnswerEngine.fromArticles(articles)` when the engine has it, else `new AnswerEngine(corpus)` (the
 * original entry point); the service as the `ask` command builds it (with a snapshot folder when
 * asked: the bot's INDEX_CACHE_DIR).
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

export interface ServiceSetup {
  /** The folder of the corpus's saved index, as `ask` and the bot get it from INDEX_CACHE_DIR; none when absent. */
  snapshotFile?: string;
  /** Sees the message of every log line, debug ones included (warnings and errors still go to stderr). */
  onLog?: (message: string) => void;
}

/** Pino's numeric level of warnings. */
const WARN_LEVEL = 40;

/**
 * The answering service over a corpus folder, not loaded yet (call `open()` or `reload()`). Logs
 * warnings only, unless `onLog` listens.
 */
export function createService(corpusDir: string, setup: ServiceSetup = {}): AnswerService {
  const { onLog } = setup;
  const logger =
    onLog === undefined
      ? createLogger({ level: 'warn', pretty: false })
      : createLogger({
          level: 'debug',
          pretty: false,
          destination: {
            write(line: string): void {
              const entry = JSON.parse(line) as { level?: number; msg?: string };
              onLog(entry.msg ?? '');
              if ((entry.level ?? 0) >= WARN_LEVEL) process.stderr.write(line);
            },
          },
        });
  return new AnswerService(corpusDir, logger, { snapshotFile: setup.snapshotFile ?? null });
}
