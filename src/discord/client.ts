import { Client, GatewayIntentBits, type RESTOptions } from 'discord.js';
import type { Config } from '../config.js';

/**
 * The discord.js client: only the Guilds intent (nothing privileged: slash commands need no message
 * content), REST through `config.apiUrl` (Discord's, a proxy's, or the tests' fake), and no mention
 * parsed in any message unless a message says otherwise (none does).
 */
export function createClient(config: Pick<Config, 'apiUrl'>, rest: Partial<RESTOptions> = {}): Client {
  return new Client({
    intents: [GatewayIntentBits.Guilds],
    rest: { ...rest, api: config.apiUrl },
    allowedMentions: { parse: [] },
  });
}
