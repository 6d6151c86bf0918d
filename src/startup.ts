/**
 * Start-up and shut-down steps shared by the entry points: `npm start` (src/main.ts), the sharding
 * manager (src/sharded.ts) and each shard it spawns (src/shard.ts).
 */
import { ConfigError, loadConfig, type Config } from './config.js';
import { DiscordLoginError } from './discord/loginError.js';
import { FeedbackStore, FeedbackStoreError } from './feedback/feedbackStore.js';
import { createLogger, redactSecrets, type Logger } from './logger.js';
import { AnswerService, type AnswerServiceOptions } from './service/answerService.js';
import { snapshotPathFor } from './service/snapshot.js';

/** A start-up failure expected in operation (e.g. Discord refusing the token): printed as one sentence, without a stack. */
export class StartupError extends Error {
  override readonly name = 'StartupError';
}

/**
 * Reads and validates the configuration, and makes the logger (with `bindings` on every line).
 * @throws ConfigError naming each bad variable.
 */
export function configure(
  env: Readonly<Record<string, string | undefined>>,
  bindings: Record<string, unknown> = {},
): { config: Config; logger: Logger } {
  const config = loadConfig(env);
  const base = createLogger({ level: config.logLevel, pretty: config.production ? false : undefined, secrets: [config.discordToken] });
  const logger = Object.keys(bindings).length > 0 ? base.child(bindings) : base;
  process.on('unhandledRejection', (reason) => logger.error({ err: reason }, 'unhandled promise rejection'));
  return { config, logger };
}

/** The configured snapshot file of the corpus index; null when INDEX_CACHE_DIR is off. */
export function snapshotFileOf(config: Pick<Config, 'indexCacheDir' | 'corpusDir'>): string | null {
  return config.indexCacheDir === null ? null : snapshotPathFor(config.indexCacheDir, config.corpusDir);
}

/** The answering service over the configured corpus folder and snapshot (not opened yet). */
export function answerServiceFor(config: Config, logger: Logger, options: Omit<AnswerServiceOptions, 'snapshotFile'> = {}): AnswerService {
  return new AnswerService(config.corpusDir, logger, { ...options, snapshotFile: snapshotFileOf(config) });
}

/**
 * The store of unanswered questions, answers' buttons and votes (FEEDBACK_DB); shards share its file.
 * With a logger, what is older than FEEDBACK_RETENTION_DAYS is pruned now and daily while it is open
 * (logged); without one (a check that the file opens), nothing is.
 * @throws FeedbackStoreError naming the file and why it cannot be opened.
 */
export function openFeedbackStore(
  config: Pick<Config, 'feedbackDb' | 'feedbackRecordMemberIds' | 'feedbackRetentionDays'>,
  logger?: Logger,
): FeedbackStore {
  const store = FeedbackStore.open({
    file: config.feedbackDb,
    recordMemberIds: config.feedbackRecordMemberIds,
    retentionDays: config.feedbackRetentionDays,
  });
  if (logger !== undefined) {
    const retentionDays = config.feedbackRetentionDays;
    store.startPruning({
      onPruned: (rows) => {
        if (rows > 0)
          logger.info(
            { rows, retentionDays, file: config.feedbackDb },
            'feedback store: pruned unanswered questions and votes past the retention',
          );
      },
      onError: (error) =>
        logger.error({ err: error, file: config.feedbackDb }, 'feedback store: pruning failed; it is tried again tomorrow'),
    });
  }
  return store;
}

/**
 * On SIGINT or SIGTERM (or when `also` fires), logs "shutting down", runs `stop` once, flushes the
 * logs and exits: 0 when it stopped cleanly, 1 when stopping failed.
 */
export function exitOnSignals(
  logger: Logger,
  stop: () => Promise<void>,
  also: (trigger: (reason: string) => void) => void = () => undefined,
): void {
  let stopping = false;
  const shutDown = (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, 'shutting down');
    stop().then(
      () => logger.flush(() => process.exit(0)),
      (error: unknown) => {
        logger.error({ err: error }, 'error while shutting down');
        logger.flush(() => process.exit(1));
      },
    );
  };
  process.once('SIGINT', () => shutDown('SIGINT'));
  process.once('SIGTERM', () => shutDown('SIGTERM'));
  also(shutDown);
}

/**
 * Runs an entry point. Expected failures (bad configuration, a refused login) are printed in a
 * sentence, anything else with its stack; the token is never printed. The exit code is then 1, and
 * with `exitOnFailure` the process exits at once (a shard: its IPC channel would keep it alive).
 */
export function runEntry(main: () => Promise<void>, options: { exitOnFailure?: boolean } = {}): void {
  main().catch((error: unknown) => {
    const message =
      error instanceof ConfigError
        ? error.message
        : error instanceof DiscordLoginError || error instanceof StartupError || error instanceof FeedbackStoreError
          ? `failed to start: ${error.message}`
          : `failed to start: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`;
    // Whatever failed, the token is not printed, even if some error embedded it.
    process.stderr.write(`${redactSecrets(message, [process.env.DISCORD_TOKEN])}\n`, () => {
      if (options.exitOnFailure === true) process.exit(1);
    });
    process.exitCode = 1;
  });
}
