import { DiscordAPIError, REST, Routes, type RESTGetAPIGatewayBotResult, type RESTOptions } from 'discord.js';
import type { Config } from '../config.js';
import { restOptionsFor } from '../discord/client.js';
import { StartupError } from '../startup.js';

/**
 * How many shards Discord recommends for the bot (GET /gateway/bot `shards`), asked through the
 * configured API base (DISCORD_API_URL) with the client's REST options. discord.js's own
 * `totalShards: 'auto'` cannot be used: its fetchRecommendedShardCount always asks
 * https://discord.com/api, whatever base the client is given.
 * @throws StartupError saying where and why when the token is refused, the API cannot be reached,
 * or the answer is not a shard count.
 */
export async function fetchRecommendedShardCount(
  config: Pick<Config, 'apiUrl' | 'discordToken'>,
  rest: Partial<RESTOptions> = {},
): Promise<number> {
  if (config.discordToken === null)
    throw new StartupError('DISCORD_TOKEN is not set: a sharded bot needs one (npm start answers in a console without it)');
  const where = `${config.apiUrl}${Routes.gatewayBot()}`;
  let answer: RESTGetAPIGatewayBotResult;
  try {
    answer = (await new REST(restOptionsFor(config, rest))
      .setToken(config.discordToken)
      .get(Routes.gatewayBot())) as RESTGetAPIGatewayBotResult;
  } catch (error) {
    const reason =
      error instanceof DiscordAPIError && error.status === 401
        ? 'Discord refused the token (401 Unauthorized)'
        : `the API could not be reached or failed (${describe(error)})`;
    throw new StartupError(
      `could not ask Discord for the recommended shard count at ${where}: ${reason} (check DISCORD_TOKEN and DISCORD_API_URL)`,
      { cause: error },
    );
  }
  const shards: unknown = answer?.shards;
  if (typeof shards !== 'number' || !Number.isInteger(shards) || shards < 1) {
    throw new StartupError(`${where} answered no usable shard count (shards: ${JSON.stringify(shards)})`);
  }
  return shards;
}

function describe(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  const cause = error.cause instanceof Error ? `: ${error.cause.message}` : '';
  return `${error.message}${cause}`;
}
