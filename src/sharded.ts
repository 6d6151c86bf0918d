/**
 * `npm run start:sharded`: the bot as several shards, each its own process with its own Discord
 * connection, under discord.js's ShardingManager (see src/sharding/shardManager.ts).
 */
import 'dotenv/config';
import { startSharded } from './sharding/shardManager.js';
import { configure, exitOnSignals, openFeedbackStore, runEntry } from './startup.js';

runEntry(async () => {
  const { config, logger } = configure(process.env, { role: 'manager' });
  // Checked (and its file made) before any shard starts: a store the shards could not open stops here.
  openFeedbackStore(config).close();
  const sharded = await startSharded({ config, logger });
  exitOnSignals(logger, () => sharded.stop());
  await sharded.spawned;
});
