/**
 * Keeping every shard on the same corpus. A moderator's change lands in one shard (the one serving
 * the moderator's server); once it serves there, that shard tells the manager, which passes the
 * news to every other shard over the shards' IPC channels; each of them then re-reads the corpus
 * folder (from the snapshot the changing shard saved when it matches the folder, else indexed on a
 * worker thread) and swaps it in as a reload does. A change that is refused is never announced, and
 * a shard that fails to follow keeps the corpus it was serving.
 */
import type { Shard, ShardingManager } from 'discord.js';
import type { Logger } from '../logger.js';
import type { AnswerService } from '../service/answerService.js';
import type { ChangeOutcome, CorpusAction } from '../service/corpusStore.js';

const CORPUS_CHANGED = 'visit-qa:corpus-changed';

/** What a shard sends once a change serves in it. */
export interface CorpusChangedMessage {
  type: typeof CORPUS_CHANGED;
  /** The shard the change was made in. */
  origin: number;
  action: CorpusAction;
  articleId: string | null;
}

export function corpusChangedMessage(origin: number, outcome: ChangeOutcome): CorpusChangedMessage {
  return { type: CORPUS_CHANGED, origin, action: outcome.action, articleId: outcome.articleId };
}

export function isCorpusChangedMessage(message: unknown): message is CorpusChangedMessage {
  if (typeof message !== 'object' || message === null) return false;
  const m = message as Partial<CorpusChangedMessage>;
  return m.type === CORPUS_CHANGED && typeof m.origin === 'number' && typeof m.action === 'string';
}

/**
 * In the manager: passes each shard's corpus-change message on to every other shard that is
 * running. A shard that cannot be told is logged (it keeps its corpus until the next change).
 */
export function relayCorpusChanges(manager: ShardingManager, logger: Logger): void {
  manager.on('shardCreate', (shard: Shard) => {
    shard.on('message', (message: unknown) => {
      if (!isCorpusChangedMessage(message)) return;
      const others = [...manager.shards.values()].filter(
        (other) => other.id !== shard.id && (other.process !== null || other.worker !== null),
      );
      logger.info(
        { origin: message.origin, action: message.action, to: others.map((other) => other.id) },
        'corpus changed in a shard: telling the others',
      );
      for (const other of others) {
        other
          .send(message)
          .catch((error: unknown) =>
            logger.error({ err: error, shard: other.id, origin: message.origin }, 'could not tell a shard of a corpus change'),
          );
      }
    });
  });
}

/**
 * In a shard: switches to the corpus another shard has just changed to, by a reload of the folder
 * through the service (see snapshotFirstBuild). Questions asked meanwhile wait for the new corpus,
 * as during any change; when the reload fails or is refused, the corpus serving stays. Never rejects.
 */
export async function followCorpusChange(service: AnswerService, logger: Logger, message: CorpusChangedMessage): Promise<void> {
  const about = { origin: message.origin, action: message.action, articleId: message.articleId };
  logger.info(about, 'corpus changed in another shard: switching to it');
  try {
    const summary = await service.reload();
    if (!summary.applied) {
      logger.error({ ...about, refusal: summary.refusal }, 'could not follow the corpus change: keeping the corpus that is serving');
      return;
    }
    logger.info({ ...about, articles: summary.articles, sentences: summary.sentences }, 'corpus change followed');
  } catch (error) {
    logger.error({ ...about, err: error }, 'could not follow the corpus change: keeping the corpus that is serving');
  }
}
