import { Client, GatewayIntentBits, type RESTOptions } from 'discord.js';
import type { Config } from '../config.js';

/**
 * How many requests a second discord.js lets through before it holds the others back. Its default,
 * 50, is Discord's global limit, but Discord exempts interaction endpoints from that limit (the
 * callbacks, and the edits and follow-ups made with an interaction's token), and those are the only
 * requests this bot makes while it serves. Counted at 50, a burst held every deferred answer back:
 * 750 edits took 27 s. Discord still answers 429 with Retry-After if it disagrees, and discord.js
 * waits as told.
 */
const INTERACTION_REQUESTS_PER_SECOND = 2_000;

/**
 * The discord.js client: only the Guilds intent (nothing privileged: slash commands need no message
 * content), REST through `config.apiUrl` (Discord's, a proxy's, or the tests' fake), and no mention
 * parsed in any message unless a message says otherwise (none does).
 */
export function createClient(config: Pick<Config, 'apiUrl'>, rest: Partial<RESTOptions> = {}): Client {
  return new Client({
    intents: [GatewayIntentBits.Guilds],
    rest: restOptionsFor(config, rest),
    allowedMentions: { parse: [] },
  });
}

/** The REST options of the client: also used for the requests made without one (the sharding manager's). */
export function restOptionsFor(config: Pick<Config, 'apiUrl'>, rest: Partial<RESTOptions> = {}): Partial<RESTOptions> {
  return { globalRequestsPerSecond: INTERACTION_REQUESTS_PER_SECOND, ...rest, api: config.apiUrl };
}
