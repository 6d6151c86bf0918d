/**
 * One shard of `npm run start:sharded`: started by the sharding manager (src/sharded.ts) in its own
 * process, with the environment of the manager plus the shard's id and the shard count (discord.js
 * reads them: the client identifies as that shard and receives its servers' events only). It starts
 * as `npm start` does — the same configuration, corpus and bot — with two additions: the corpus is
 * opened from the snapshot the manager saved, and a moderator's change is shared with the other shards.
 */
import { COMMANDS } from '../commands/index.js';
import { startBot, type Bot } from './discord/bot.js';
import { CorpusStore } from './service/corpusStore.js';
import { snapshotFirstBuild } from './service/snapshotFirstBuild.js';
import { corpusChangedMessage, followCorpusChange, isCorpusChangedMessage } from './sharding/corpusSync.js';
import { StartupError, answerServiceFor, configure, exitOnSignals, openFeedbackStore, runEntry } from './startup.js';

runEntry(
  async () => {
    const shardId = Number(process.env.SHARDS);
    if (process.send === undefined || !Number.isInteger(shardId)) {
      throw new StartupError('src/shard.ts is one shard of a sharded bot: start it with npm run start:sharded, not directly');
    }
    const { config, logger } = configure(process.env, { shardId });
    // The shards share the store's file (SQLite in WAL mode with a busy timeout).
    const feedback = openFeedbackStore(config, logger);
    let bot: Bot | null = null;
    // Also stop when the manager is gone (its IPC channel closed): a shard never outlives it.
    const stop = async () => {
      await bot?.stop();
      feedback.close();
    };
    exitOnSignals(logger, stop, (trigger) => process.once('disconnect', () => trigger('manager disconnected')));

    const service = answerServiceFor(config, logger, { build: snapshotFirstBuild(logger) });
    // Listening before the corpus is opened: a change made meanwhile in another shard is queued after the opening.
    process.on('message', (message: unknown) => {
      if (isCorpusChangedMessage(message)) void followCorpusChange(service, logger, message);
    });
    await service.open();

    const store = new CorpusStore(service, logger, {
      onApplied: (outcome) => {
        const shard = bot?.client.shard ?? null;
        if (shard === null) return;
        shard
          .send(corpusChangedMessage(shardId, outcome))
          .catch((error: unknown) =>
            logger.error(
              { err: error, action: outcome.action },
              'could not tell the other shards of a corpus change: they keep their corpus until the next one',
            ),
          );
      },
    });
    bot = await startBot({ config, logger, service, store, feedback, commands: COMMANDS });
  },
  { exitOnFailure: true },
);
