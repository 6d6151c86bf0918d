import { MessageFlags, type ButtonInteraction } from 'discord.js';
import { DEFAULT_EXCERPTS } from '../answer/engine.js';
import { ANSWER_BUTTON_TTL_MS } from '../feedback/feedbackStore.js';
import { answerButtonRow, MORE_PREFIX, parseMoreExcerptsId, parseVoteId, VOTE_PREFIX } from './answerButtons.js';
import { renderAnswerMessage } from './answerMessage.js';
import type { ButtonHandler, CommandContext } from './commandTypes.js';
import { safeMessage, type MessageParts } from './messageOptions.js';

const DAYS_BUTTONS_WORK = Math.round(ANSWER_BUTTON_TTL_MS / (24 * 60 * 60 * 1000));

const EXPIRED_MESSAGE = `This button has expired (an answer’s buttons work for ${DAYS_BUTTONS_WORK} days): ask the question again.`;
const NOT_ASKER_MESSAGE = 'Only the member who asked can page this answer. Ask the question yourself to see more excerpts.';
const NOT_OURS_MESSAGE = 'This button is not one this bot understands (any more).';
const NO_MORE_MESSAGE = 'There are no more excerpts now (the articles have changed since this answer): ask the question again.';

function replyPrivately(interaction: ButtonInteraction, content: string): Promise<unknown> {
  return interaction.reply({ ...safeMessage({ content }), flags: MessageFlags.Ephemeral });
}

/**
 * "More excerpts": the next page of the answer, edited into the same message (UPDATE_MESSAGE), for
 * the member who asked only. The question is asked again of the serving corpus, from where the page
 * before ended.
 */
export const moreExcerptsButton: ButtonHandler = {
  prefix: MORE_PREFIX,
  async handle(interaction: ButtonInteraction, context: CommandContext) {
    const parsed = parseMoreExcerptsId(interaction.customId);
    if (parsed === null) {
      context.logger.warn({ customId: interaction.customId }, 'more excerpts: malformed custom id');
      await replyPrivately(interaction, NOT_OURS_MESSAGE);
      return;
    }
    const record = context.feedback.answer(parsed.answerId);
    if (record === null) {
      await replyPrivately(interaction, EXPIRED_MESSAGE);
      return;
    }
    if (!record.askedBy(interaction.user.id)) {
      context.logger.info({ answerId: record.id }, 'more excerpts refused: not the asker');
      await replyPrivately(interaction, NOT_ASKER_MESSAGE);
      return;
    }
    const page = (): MessageParts | null => {
      const offset = parsed.page * DEFAULT_EXCERPTS;
      const answer = context.service.answer(record.command, record.query, { offset, maxExcerpts: DEFAULT_EXCERPTS });
      if (answer.status !== 'answered' || answer.excerpts.length === 0) return null;
      return { ...renderAnswerMessage(answer, { excerptOffset: offset }), components: [answerButtonRow(record.id, parsed.page, answer.moreExcerpts ?? 0)] };
    };
    // During a corpus change the page comes from the corpus that will be serving after it.
    if (context.service.changing) {
      await interaction.deferUpdate();
      await context.service.whenSettled();
      const parts = page();
      if (parts === null) await interaction.followUp({ ...safeMessage({ content: NO_MORE_MESSAGE }), flags: MessageFlags.Ephemeral });
      else await interaction.editReply(safeMessage(parts));
    } else {
      const parts = page();
      if (parts === null) await replyPrivately(interaction, NO_MORE_MESSAGE);
      else await interaction.update(safeMessage(parts));
    }
    context.logger.info({ answerId: record.id, page: parsed.page }, 'more excerpts shown');
  },
};

const VOTE_REPLIES = {
  recorded: (helpful: boolean) => `Thanks: your vote (${helpful ? 'helpful' : 'not helpful'}) is recorded.`,
  unchanged: (helpful: boolean) => `You have already marked this answer ${helpful ? 'helpful' : 'not helpful'}; it counts once.`,
  changed: (helpful: boolean) => `Your vote is changed to ${helpful ? 'helpful' : 'not helpful'}.`,
};

/** Helpful / Not helpful: one vote per member per question, acknowledged privately. */
export const voteButton: ButtonHandler = {
  prefix: VOTE_PREFIX,
  async handle(interaction: ButtonInteraction, context: CommandContext) {
    const parsed = parseVoteId(interaction.customId);
    if (parsed === null) {
      context.logger.warn({ customId: interaction.customId }, 'vote: malformed custom id');
      await replyPrivately(interaction, NOT_OURS_MESSAGE);
      return;
    }
    const record = context.feedback.answer(parsed.answerId);
    if (record === null) {
      await replyPrivately(interaction, EXPIRED_MESSAGE);
      return;
    }
    const outcome = context.feedback.vote(record, interaction.user.id, parsed.helpful);
    context.logger.info({ answerId: record.id, helpful: parsed.helpful, outcome }, 'answer vote');
    await replyPrivately(interaction, VOTE_REPLIES[outcome](parsed.helpful));
  },
};

/** Every button the bot answers, by custom-id prefix. */
export const BUTTON_HANDLERS: readonly ButtonHandler[] = [moreExcerptsButton, voteButton];
