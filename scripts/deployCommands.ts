/**
 * `npm run deploy-commands [-- --global]`: registers the bot's slash commands (every module of
 * `commands/`) with Discord by bulk overwrite, and prints what it registered.
 *
 *   DISCORD_GUILD_ID set            → all commands in that guild (instant)
 *   DISCORD_GUILD_ID set, --global  → public commands globally, /corpus in that guild only
 *   no DISCORD_GUILD_ID             → all commands globally
 *
 * Needs DISCORD_TOKEN and DISCORD_APPLICATION_ID; uses DISCORD_API_URL when set.
 */
import 'dotenv/config';
import { COMMANDS } from '../commands/index.js';
import { ConfigError, loadConfig } from '../src/config.js';
import { DeployConfigError, deployCommands } from '../src/discord/deployCommands.js';
import { redactSecrets } from '../src/logger.js';

const USAGE = 'usage: npm run deploy-commands [-- --global]';

async function main(argv: string[]): Promise<number> {
  const unknown = argv.filter((arg) => arg !== '--global');
  if (argv.includes('--help') || argv.includes('-h')) {
    console.log(USAGE);
    return 0;
  }
  if (unknown.length > 0) {
    console.error(`unknown argument ${unknown[0]}\n${USAGE}`);
    return 2;
  }
  const config = loadConfig(process.env);
  const results = await deployCommands(config, COMMANDS, { global: argv.includes('--global') });
  for (const result of results) {
    const where = result.scope === 'guild' ? `in guild ${result.guildId}` : 'globally (Discord may take a while to show changes)';
    const names = result.registered.length > 0 ? result.registered.map((name) => `/${name}`).join(', ') : 'none';
    console.log(`Registered ${result.registered.length} command${result.registered.length === 1 ? '' : 's'} ${where}: ${names}`);
  }
  return 0;
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    const known = error instanceof ConfigError || error instanceof DeployConfigError;
    const message = known ? (error as Error).message : `deploy-commands failed: ${error instanceof Error ? error.message : String(error)}`;
    console.error(redactSecrets(message, [process.env.DISCORD_TOKEN]));
    process.exitCode = 1;
  },
);
