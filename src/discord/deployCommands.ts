import { REST, Routes, type RESTPostAPIChatInputApplicationCommandsJSONBody } from 'discord.js';
import type { Config } from '../config.js';
import type { SlashCommand } from './commandTypes.js';

/** Where a set of commands is registered. */
export type DeployTarget =
  { scope: 'global'; commands: readonly SlashCommand[] } | { scope: 'guild'; guildId: string; commands: readonly SlashCommand[] };

/** What one bulk overwrite registered. */
export interface DeployResult {
  scope: 'global' | 'guild';
  guildId: string | null;
  /** Names of the commands Discord now holds there, as it answered. */
  registered: string[];
}

/** DISCORD_TOKEN or DISCORD_APPLICATION_ID missing: deployment cannot start. */
export class DeployConfigError extends Error {
  override readonly name = 'DeployConfigError';
}

/**
 * Where each command goes:
 * - DISCORD_GUILD_ID set: every command to that guild (instant; for testing and single-server bots);
 * - no DISCORD_GUILD_ID: every command globally (Discord may take a while to show changes);
 * - DISCORD_GUILD_ID set and `global`: the public commands globally, and the `home`-scoped ones
 *   (/corpus) to the home guild only, so no other server sees them.
 */
export function planDeployment(
  commands: readonly SlashCommand[],
  guildId: string | null,
  options: { global?: boolean } = {},
): DeployTarget[] {
  if (guildId === null) return [{ scope: 'global', commands }];
  if (options.global !== true) return [{ scope: 'guild', guildId, commands }];
  return [
    { scope: 'global', commands: commands.filter((c) => c.scope === 'everywhere') },
    { scope: 'guild', guildId, commands: commands.filter((c) => c.scope === 'home') },
  ];
}

/**
 * Registers the commands with Discord's REST API (at `config.apiUrl`) by bulk overwrite (PUT), so
 * that Discord holds exactly these afterwards and running it twice changes nothing.
 * @throws DeployConfigError when the token or application id is missing; the REST error otherwise.
 */
export async function deployCommands(
  config: Pick<Config, 'discordToken' | 'applicationId' | 'guildId' | 'apiUrl'>,
  commands: readonly SlashCommand[],
  options: { global?: boolean } = {},
): Promise<DeployResult[]> {
  const missing = [
    config.discordToken === null ? 'DISCORD_TOKEN (the bot token)' : null,
    config.applicationId === null ? 'DISCORD_APPLICATION_ID (the application id)' : null,
  ].filter((m): m is string => m !== null);
  if (missing.length > 0 || config.discordToken === null || config.applicationId === null) {
    throw new DeployConfigError(`cannot register commands: ${missing.join(' and ')} must be set (in the environment or .env)`);
  }
  const rest = new REST({ api: config.apiUrl }).setToken(config.discordToken);
  const results: DeployResult[] = [];
  for (const target of planDeployment(commands, config.guildId, options)) {
    const body: RESTPostAPIChatInputApplicationCommandsJSONBody[] = target.commands.map((c) => c.definition.toJSON());
    const route =
      target.scope === 'global'
        ? Routes.applicationCommands(config.applicationId)
        : Routes.applicationGuildCommands(config.applicationId, target.guildId);
    const stored = (await rest.put(route, { body })) as Array<{ name: string }>;
    results.push({ scope: target.scope, guildId: target.scope === 'guild' ? target.guildId : null, registered: stored.map((c) => c.name) });
  }
  return results;
}
