import type { AutocompleteInteraction, ChatInputCommandInteraction } from 'discord.js';
import type { Logger } from '../logger.js';
import type { AnswerService } from '../service/answerService.js';
import type { AnswerQueue } from './answerQueue.js';
import type { CorpusReply } from './commandTypes.js';
import { isUnknownInteraction } from './lostInteractions.js';
import { deferReplyAs, waitForSettledCorpus } from './settledCorpus.js';

/**
 * performance.now() when an interaction was created: its snowflake's time (Discord's clock) seen
 * from `receivedAt` (performance.now() on receipt); its receipt if this machine's clock is behind.
 * An interaction that reached the bot late (a busy machine, a gateway backlog) is already old here.
 */
export function interactionCreatedAt(interaction: { createdTimestamp: number }, receivedAt: number, nowMs: number = Date.now()): number {
  return receivedAt - Math.max(0, nowMs - interaction.createdTimestamp);
}

/**
 * Answers a question command in its turn of the queue, which defers the reply first when the answer
 * might not be sent in time (see AnswerQueue). A command that reads the corpus (`reply` not null)
 * waits for a corpus change that runs when it arrives or when its turn comes (waitForSettledCorpus),
 * then takes a turn again: the questions held by a change are answered one by one afterwards, not
 * all in one block of the thread. An interaction Discord no longer knows (10062 on its deferral) is
 * not answered at all.
 */
export async function answerInTurn(
  queue: AnswerQueue,
  interaction: ChatInputCommandInteraction,
  context: { service: AnswerService; logger: Logger; createdAt: number; reply: CorpusReply | null },
  execute: () => Promise<void>,
): Promise<void> {
  const { service, logger, createdAt, reply } = context;
  const acknowledge = async (): Promise<boolean> => {
    if (interaction.deferred || interaction.replied) return false;
    try {
      await deferReplyAs(interaction, reply ?? 'public');
      logger.debug(
        { ageMs: Math.round(performance.now() - createdAt), queued: queue.length },
        'reply deferred: acknowledged before its answer',
      );
      return false;
    } catch (error) {
      // Lost: the REST guard logged it, and nothing more can be sent for it.
      if (isUnknownInteraction(error)) return true;
      logger.warn({ err: error }, 'could not defer the reply of a question waiting for its turn');
      return false;
    }
  };
  for (;;) {
    if (reply !== null) await waitForSettledCorpus(service, () => deferReplyAs(interaction, reply));
    let ran = false;
    let answered = false;
    await queue.submit({
      createdAt,
      acknowledged: interaction.deferred || interaction.replied,
      acknowledge,
      // Synchronous up to the reply's request: the answer is computed in this turn.
      run: async () => {
        ran = true;
        if (reply !== null && service.changing) return;
        answered = true;
        await execute();
      },
    });
    // Not run: its acknowledgement finished it (the interaction is lost).
    if (answered || !ran) return;
  }
}

/**
 * Answers an autocomplete request in its turn of the queue. Suggestions cannot be deferred and are
 * useless late: one that would wait (see AnswerQueue) gets no choices at once instead.
 */
export function autocompleteInTurn(
  queue: AnswerQueue,
  interaction: AutocompleteInteraction,
  context: { logger: Logger; createdAt: number },
  respond: () => Promise<void>,
): Promise<void> {
  const { logger, createdAt } = context;
  return queue.submit({
    createdAt,
    acknowledged: false,
    acknowledge: async () => {
      if (interaction.responded) return true;
      try {
        await interaction.respond([]);
        logger.debug(
          { ageMs: Math.round(performance.now() - createdAt), queued: queue.length },
          'autocomplete answered with no choices: answering a backlog',
        );
      } catch (error) {
        if (!isUnknownInteraction(error)) logger.warn({ err: error }, 'could not answer an autocomplete request waiting for its turn');
      }
      return true;
    },
    run: respond,
  });
}
