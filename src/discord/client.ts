import { Client, DefaultRestOptions, GatewayIntentBits, type RESTOptions } from 'discord.js';
import type { Config } from '../config.js';
import type { Logger } from '../logger.js';
import type { LostInteractions } from './lostInteractions.js';
import { guardRestRequests } from './restGuard.js';

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
 * How long a REST request may go unanswered before it is abandoned and sent again, and how many
 * times it is sent again. discord.js's defaults (15 s, 3 more times) let an API that does not answer
 * keep the bot silent for over a minute; Discord itself answers in well under a second, and an
 * acknowledgement is worthless after 3 s anyway. Each abandoned request is logged (restGuard.ts).
 */
export const REST_TIMEOUT_MS = 10_000;
export const REST_RETRIES = 2;

/** What the REST guard reports to: a lost interaction, a request abandoned at the timeout. */
export interface RestWatch {
  logger?: Logger;
  lost?: LostInteractions;
}

/**
 * The discord.js client: only the Guilds intent (nothing privileged: slash commands need no message
 * content), REST through `config.apiUrl` (Discord's, a proxy's, or the tests' fake), and no mention
 * parsed in any message unless a message says otherwise (none does).
 */
export function createClient(config: Pick<Config, 'apiUrl'>, rest: Partial<RESTOptions> = {}, watch: RestWatch = {}): Client {
  return new Client({
    intents: [GatewayIntentBits.Guilds],
    rest: restOptionsFor(config, rest, watch),
    allowedMentions: { parse: [] },
  });
}

/**
 * The REST options of the client: also used for the requests made without one (the sharding
 * manager's). Every request goes through the REST guard (restGuard.ts).
 */
export function restOptionsFor(
  config: Pick<Config, 'apiUrl'>,
  rest: Partial<RESTOptions> = {},
  watch: RestWatch = {},
): Partial<RESTOptions> {
  const timeout = rest.timeout ?? REST_TIMEOUT_MS;
  const retries = rest.retries ?? REST_RETRIES;
  const makeRequest = guardRestRequests(rest.makeRequest ?? DefaultRestOptions.makeRequest, { timeoutMs: timeout, retries, ...watch });
  return { globalRequestsPerSecond: INTERACTION_REQUESTS_PER_SECOND, ...rest, timeout, retries, makeRequest, api: config.apiUrl };
}
