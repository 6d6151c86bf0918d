import type { AutocompleteInteraction, ChatInputCommandInteraction } from 'discord.js';
import type { Logger } from '../logger.js';
import type { AnswerService } from '../service/answerService.js';
import type { AnswerQueue } from './answerQueue.js';

/**
 * Answers a question command (a public reply) in its turn of the queue. A question still waiting
 * for its turn a second after it arrived is deferred. While a corpus change runs (when the question
 * arrives or when its turn comes), the reply is deferred and the question waits for the new corpus,
 * then takes a turn again: the questions held by a change are answered one by one afterwards, not
 * all in one block of the thread.
 */
export async function answerInTurn(
  queue: AnswerQueue,
  interaction: ChatInputCommandInteraction,
  context: { service: AnswerService; logger: Logger; receivedAt: number },
  execute: () => Promise<void>,
): Promise<void> {
  const { service, logger, receivedAt } = context;
  const whenLate = async (): Promise<boolean> => {
    if (interaction.deferred || interaction.replied) return false;
    try {
      await interaction.deferReply();
      logger.info({ waitedMs: Math.round(performance.now() - receivedAt), queued: queue.length }, 'reply deferred: answering a backlog');
    } catch (error) {
      logger.warn({ err: error }, 'could not defer the reply of a question waiting in the backlog');
    }
    return false;
  };
  for (;;) {
    if (service.changing) {
      if (!interaction.deferred && !interaction.replied) await interaction.deferReply();
      await service.whenSettled();
    }
    let answered = false;
    await queue.submit({
      receivedAt,
      whenLate,
      // Synchronous up to the reply's request: the answer is computed in this turn.
      run: async () => {
        if (service.changing) return;
        answered = true;
        await execute();
      },
    });
    if (answered) return;
  }
}

/**
 * Answers an autocomplete request in its turn of the queue. Suggestions cannot be deferred and are
 * useless late: one still waiting a second after it arrived gets no choices at once instead.
 */
export function autocompleteInTurn(
  queue: AnswerQueue,
  interaction: AutocompleteInteraction,
  context: { logger: Logger; receivedAt: number },
  respond: () => Promise<void>,
): Promise<void> {
  const { logger, receivedAt } = context;
  return queue.submit({
    receivedAt,
    whenLate: async () => {
      if (interaction.responded) return true;
      try {
        await interaction.respond([]);
        logger.info({ waitedMs: Math.round(performance.now() - receivedAt), queued: queue.length }, 'autocomplete answered with no choices: answering a backlog');
      } catch (error) {
        logger.warn({ err: error }, 'could not answer an autocomplete request waiting in the backlog');
      }
      return true;
    },
    run: respond,
  });
}
