/**
 * `npm start`: loads the configuration and the corpus, then serves Discord when a token is
 * configured, or answers in a local console when none is.
 */
import 'dotenv/config';
import { ConfigError, loadConfig } from './config.js';
import { runConsole } from './cli/console.js';
import { DiscordLoginError } from './discord/loginError.js';
import { FeedbackStore, FeedbackStoreError } from './feedback/feedbackStore.js';
import { createLogger, redactSecrets } from './logger.js';
import { AnswerService } from './service/answerService.js';
import { snapshotPathFor } from './service/snapshot.js';

async function main(): Promise<void> {
  const config = loadConfig(process.env);
  const logger = createLogger({ level: config.logLevel, pretty: config.production ? false : undefined, secrets: [config.discordToken] });
  process.on('unhandledRejection', (reason) => logger.error({ err: reason }, 'unhandled promise rejection'));
  // Opened first: a store that cannot be opened stops the start at once, with the reason.
  const feedback = FeedbackStore.open({ file: config.feedbackDb, recordMemberIds: config.feedbackRecordMemberIds });
  const service = new AnswerService(config.corpusDir, logger, {
    snapshotFile: config.indexCacheDir === null ? null : snapshotPathFor(config.indexCacheDir, config.corpusDir),
  });
  await service.open();

  if (config.discordToken === null) {
    process.stderr.write('No DISCORD_TOKEN is configured: answering in this console instead (set one in .env to serve Discord).\n');
    await runConsole(service, { input: process.stdin, output: process.stdout, prompt: process.stdin.isTTY === true }, feedback);
    feedback.close();
    return;
  }
  const { startBot } = await import('./discord/bot.js');
  const bot = await startBot({ config, logger, service, feedback });
  const stop = (signal: string) => {
    logger.info({ signal }, 'shutting down');
    bot.stop().then(
      () => {
        feedback.close();
        logger.flush(() => process.exit(0));
      },
      (error: unknown) => {
        logger.error({ err: error }, 'error while shutting down');
        logger.flush(() => process.exit(1));
      },
    );
  };
  process.once('SIGINT', () => stop('SIGINT'));
  process.once('SIGTERM', () => stop('SIGTERM'));
}

main().catch((error: unknown) => {
  // Expected failures (bad configuration, a refused login) in a sentence; anything else with its stack.
  const message =
    error instanceof ConfigError
      ? error.message
      : error instanceof DiscordLoginError || error instanceof FeedbackStoreError
        ? `failed to start: ${error.message}`
        : `failed to start: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`;
  // Whatever failed, the token is not printed, even if some error embedded it.
  process.stderr.write(`${redactSecrets(message, [process.env.DISCORD_TOKEN])}\n`);
  process.exitCode = 1;
});
