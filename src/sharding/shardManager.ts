import { fileURLToPath } from 'node:url';
import { ShardingManager, type Shard } from 'discord.js';
import type { Config } from '../config.js';
import type { Logger } from '../logger.js';
import { StartupError, answerServiceFor, snapshotFileOf } from '../startup.js';
import { relayCorpusChanges } from './corpusSync.js';
import { fetchRecommendedShardCount } from './recommendedShards.js';

/** Between two shards' starts: Discord lets a bot identify once per 5 s (per concurrency bucket). */
const SPAWN_DELAY_MS = 5_500;
/** How long a shard may take from its start to its gateway session being ready (a shard indexing a large corpus itself takes a minute). */
const SHARD_READY_TIMEOUT_MS = 300_000;
/** How long a shard told to stop may take (it finishes the replies in flight, up to 5 s) before it is killed. */
const SHARD_STOP_TIMEOUT_MS = 15_000;

const SHARD_ENTRY = new URL(import.meta.url.endsWith('.ts') ? '../shard.ts' : '../shard.js', import.meta.url);

export interface ShardedBot {
  manager: ShardingManager;
  /** Resolves once every shard's gateway session is ready; rejects (after stopping the shards) when one cannot start. */
  spawned: Promise<void>;
  /** Tells every shard to stop (SIGTERM: each finishes its replies in flight and disconnects) and waits for them. */
  stop(): Promise<void>;
}

export interface ShardedOptions {
  config: Config;
  logger: Logger;
}

/**
 * Starts the bot as the number of shards Discord recommends. Before any shard starts: the
 * configuration is checked (a token is required), Discord is asked for the shard count through
 * DISCORD_API_URL (so a refused token or an unreachable API stops it here, with a clear error), and
 * the corpus is opened once so that its snapshot is saved and each shard loads it instead of
 * indexing the corpus again (with INDEX_CACHE_DIR=off there is no snapshot: each shard indexes it).
 * @throws StartupError or ConfigError when it cannot start.
 */
export async function startSharded({ config, logger }: ShardedOptions): Promise<ShardedBot> {
  const token = config.discordToken;
  if (token === null)
    throw new StartupError('DISCORD_TOKEN is not set: a sharded bot needs one (npm start answers in a console without it)');
  const shardCount = await fetchRecommendedShardCount(config);
  logger.info({ shards: shardCount, api: config.apiUrl }, 'shard count recommended by Discord');
  await prepareSnapshot(config, logger);

  const entry = fileURLToPath(SHARD_ENTRY);
  const execArgv = entry.endsWith('.ts') ? ['--import', import.meta.resolve('tsx')] : [];
  const manager = new ShardingManager(entry, { totalShards: shardCount, token, mode: 'process', respawn: true, execArgv });
  let stopping: Promise<void> | null = null;
  let stopRequested = false;
  manager.on('shardCreate', (shard: Shard) => {
    logger.info({ shard: shard.id, of: shardCount }, 'shard starting');
    shard.on('ready', () => logger.info({ shard: shard.id }, 'shard ready'));
    shard.on('death', (child) => {
      // discord.js starts it again (respawn), unless the manager is stopping.
      const exit = 'exitCode' in child ? { code: child.exitCode, signal: child.signalCode } : {};
      if (!stopRequested) logger.error({ shard: shard.id, ...exit }, 'shard process exited: starting it again');
    });
    // (A shard started again while stopping fails to become ready: not worth more than a debug line.)
    shard.on('error', (error: Error) => logger[stopRequested ? 'debug' : 'error']({ err: error, shard: shard.id }, 'shard error'));
  });
  relayCorpusChanges(manager, logger);

  const stop = (): Promise<void> => {
    stopRequested = true;
    stopping ??= Promise.all([...manager.shards.values()].map((shard) => stopShard(shard, logger))).then(() =>
      logger.info('all shards stopped'),
    );
    return stopping;
  };
  const spawned = manager.spawn({ amount: shardCount, delay: SPAWN_DELAY_MS, timeout: SHARD_READY_TIMEOUT_MS }).then(
    () => logger.info({ shards: shardCount }, 'all shards ready'),
    async (error: unknown) => {
      if (stopRequested) return; // told to stop while starting
      await stop();
      throw new StartupError(`a shard could not start: ${error instanceof Error ? error.message : String(error)}`, { cause: error });
    },
  );
  return { manager, spawned, stop };
}

/**
 * Opens the corpus once, in the manager, so that its snapshot is up to date before the shards start:
 * from the snapshot when it already matches the folder, else indexed and saved. The engine is then
 * dropped: the manager answers no question.
 */
async function prepareSnapshot(config: Config, logger: Logger): Promise<void> {
  const snapshotFile = snapshotFileOf(config);
  if (snapshotFile === null) {
    logger.warn('INDEX_CACHE_DIR is off: there is no snapshot to share, so each shard reads and indexes the corpus itself');
    return;
  }
  const service = answerServiceFor(config, logger);
  const summary = await service.open();
  if (service.snapshotProblem !== null) {
    // Already warned about, once, by the service: the shards go on without it too.
    logger.info({ snapshot: snapshotFile }, 'no corpus snapshot to share: each shard reads and indexes the corpus itself');
    return;
  }
  logger.info({ snapshot: snapshotFile, articles: summary.articles, sentences: summary.sentences }, 'corpus snapshot ready for the shards');
}

/** SIGTERM to a shard's process (not respawned), then SIGKILL if it has not exited in time. */
async function stopShard(shard: Shard, logger: Logger): Promise<void> {
  const child = shard.process;
  if (child === null || child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  shard.kill();
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<'late'>((resolve) => {
    timer = setTimeout(() => resolve('late'), SHARD_STOP_TIMEOUT_MS);
  });
  if ((await Promise.race([exited, late])) === 'late') {
    logger.error({ shard: shard.id, pid: child.pid }, 'shard did not stop in time: killing it');
    child.kill('SIGKILL');
    await exited;
  }
  clearTimeout(timer);
  logger.info({ shard: shard.id, code: child.exitCode, signal: child.signalCode }, 'shard stopped');
}
