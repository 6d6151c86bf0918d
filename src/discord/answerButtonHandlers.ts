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

/** A private message to the presser: a reply, or a follow-up once the press was acknowledged (during a corpus change). */
function replyPrivately(interaction: ButtonInteraction, content: string): Promise<unknown> {
  const message = { ...safeMessage({ content }), flags: MessageFlags.Ephemeral } as const;
  return interaction.deferred || interaction.replied ? interaction.followUp(message) : interaction.reply(message);
}

/**
 * The button's parsed custom id and the answer it belongs to; null once the presser has been told
 * why not (a malformed id, or an answer whose buttons have expired).
 */
async function pressedAnswer<T extends { answerId: string }>(
  interaction: ButtonInteraction,
  context: CommandContext,
  parse: (customId: string) => T | null,
  what: string,
): Promise<{ parsed: T; record: NonNullable<ReturnType<CommandContext['feedback']['answer']>> } | null> {
  const parsed = parse(interaction.customId);
  if (parsed === null) {
    context.logger.warn({ customId: interaction.customId }, `${what}: malformed custom id`);
    await replyPrivately(interaction, NOT_OURS_MESSAGE);
    return null;
  }
  const record = context.feedback.answer(parsed.answerId);
  if (record === null) {
    await replyPrivately(interaction, EXPIRED_MESSAGE);
    return null;
  }
  return { parsed, record };
}

/**
 * "More excerpts": the next page of the answer, edited into the same message (UPDATE_MESSAGE), for
 * the member who asked only. The question is asked again of the serving corpus, from where the page
 * before ended (during a corpus change, of the corpus serving after it: the router waits, the update deferred).
 */
export const moreExcerptsButton: ButtonHandler = {
  prefix: MORE_PREFIX,
  readsCorpus: true,
  async handle(interaction: ButtonInteraction, context: CommandContext) {
    const pressed = await pressedAnswer(interaction, context, parseMoreExcerptsId, 'more excerpts');
    if (pressed === null) return;
    const { parsed, record } = pressed;
    if (!record.askedBy(interaction.user.id)) {
      context.logger.info({ answerId: record.id }, 'more excerpts refused: not the asker');
      await replyPrivately(interaction, NOT_ASKER_MESSAGE);
      return;
    }
    const page = (): MessageParts | null => {
      const offset = parsed.page * DEFAULT_EXCERPTS;
      const answer = context.service.answer(record.command, record.query, { offset, maxExcerpts: DEFAULT_EXCERPTS });
      if (answer.status !== 'answered' || answer.excerpts.length === 0) return null;
      // `content: ''` clears any text the message had: answers posted before replies became one embed
      // held the short answer and first excerpt in their text too, which would stay above a new page.
      return {
        content: '',
        ...renderAnswerMessage(answer, { excerptOffset: offset }),
        components: [answerButtonRow(record.id, parsed.page, answer.moreExcerpts ?? 0)],
      };
    };
    const parts = page();
    if (parts === null) await replyPrivately(interaction, NO_MORE_MESSAGE);
    // Deferred when the press came during a corpus change: the deferred update is edited.
    else if (interaction.deferred) await interaction.editReply(safeMessage(parts));
    else await interaction.update(safeMessage(parts));
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
    const pressed = await pressedAnswer(interaction, context, parseVoteId, 'vote');
    if (pressed === null) return;
    const { parsed, record } = pressed;
    const outcome = context.feedback.vote(record, interaction.user.id, parsed.helpful);
    context.logger.info({ answerId: record.id, helpful: parsed.helpful, outcome }, 'answer vote');
    await replyPrivately(interaction, VOTE_REPLIES[outcome](parsed.helpful));
  },
};

/** Every button the bot answers, by custom-id prefix. */
export const BUTTON_HANDLERS: readonly ButtonHandler[] = [moreExcerptsButton, voteButton];
