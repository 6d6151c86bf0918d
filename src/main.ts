/**
 * `npm start`: loads the configuration and the corpus, then serves Discord when a token is
 * configured, or answers in a local console when none is.
 */
import 'dotenv/config';
import { runConsole } from './cli/console.js';
import { answerServiceFor, configure, exitOnSignals, openFeedbackStore, runEntry } from './startup.js';

runEntry(async () => {
  const { config, logger } = configure(process.env);
  // Opened first: a store that cannot be opened stops the start at once, with the reason.
  const feedback = openFeedbackStore(config, logger);
  const service = answerServiceFor(config, logger);
  await service.open();

  if (config.discordToken === null) {
    process.stderr.write('No DISCORD_TOKEN is configured: answering in this console instead (set one in .env to serve Discord).\n');
    await runConsole(service, { input: process.stdin, output: process.stdout, prompt: process.stdin.isTTY === true }, feedback);
    feedback.close();
    return;
  }
  // Loaded only to serve Discord: the console needs neither discord.js nor the commands.
  const { startBot } = await import('./discord/bot.js');
  const { COMMANDS } = await import('../commands/index.js');
  const bot = await startBot({ config, logger, service, feedback, commands: COMMANDS });
  exitOnSignals(logger, async () => {
    await bot.stop();
    feedback.close();
  });
});
