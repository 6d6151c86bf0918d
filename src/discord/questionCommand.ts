import { InteractionContextType, SlashCommandBuilder, type AutocompleteInteraction, type ChatInputCommandInteraction } from 'discord.js';
import type { AnswerEngine } from '../answer/engine.js';
import type { Answer } from '../answer/types.js';
import { answerButtonRow } from './answerButtons.js';
import type { MessageParts } from './messageOptions.js';
import type { Command } from '../answer/question.js';
import { displayTextWithin } from '../answer/displayText.js';
import { cleanQueryText } from '../answer/queryText.js';
import { renderAnswerMessage } from './answerMessage.js';
import type { CommandContext, SlashCommand } from './commandTypes.js';
import { DISCORD_LIMITS, MAX_QUERY_LENGTH } from './limits.js';
import { sendEphemeral, sendReply } from './respond.js';

export interface QuestionCommandSpec<Option extends string> {
  /** The answering core's command: "when", "who", … or "ask". */
  name: Command;
  /** What the command is for, as shown in Discord's command picker (at most 100 characters). */
  description: string;
  /** The name of its one text option ("query", or "question" for /ask). */
  option: Option;
  optionDescription: string;
  /** An example query, shown when the option is left blank. */
  example: string;
}

/**
 * A question command (/when, /who, /why, /where, /what, /ask): one required text option with
 * autocomplete from the corpus; the reply is the answer as an embed with a plain-text fallback.
 * The option's name is typed from the spec, so the definition and the handler cannot disagree.
 */
export function questionCommand<Option extends string>(spec: QuestionCommandSpec<Option>): SlashCommand {
  const definition = new SlashCommandBuilder()
    .setName(spec.name)
    .setDescription(spec.description)
    .setContexts(InteractionContextType.Guild, InteractionContextType.BotDM)
    .addStringOption((option) =>
      option
        .setName(spec.option)
        .setDescription(spec.optionDescription)
        .setRequired(true)
        .setMaxLength(MAX_QUERY_LENGTH)
        .setAutocomplete(true),
    );

  return {
    definition,
    scope: 'everywhere',
    rateLimited: true,
    readsCorpus: 'public',
    async execute(interaction: ChatInputCommandInteraction, context: CommandContext): Promise<void> {
      const query = cleanQueryText(interaction.options.getString(spec.option, true));
      if (query.length === 0) {
        await sendEphemeral(interaction, `Tell me what to look for, e.g. \`/${spec.name} ${spec.example}\`.`);
        return;
      }
      // Discord enforces the option's maximum length; an interaction that breaks it was not typed in Discord.
      if (query.length > MAX_QUERY_LENGTH) {
        context.logger.warn({ length: query.length }, 'question refused: too long');
        await sendEphemeral(
          interaction,
          `That question is ${query.length} characters long; ask in at most ${MAX_QUERY_LENGTH}, e.g. \`/${spec.name} ${spec.example}\`.`,
        );
        return;
      }
      const answer = context.service.answer(spec.name, query);
      await sendReply(interaction, withFeedback(answer, interaction.user.id, context));
      context.logger.info({ query, status: answer.status }, 'question answered');
    },
    async autocomplete(interaction: AutocompleteInteraction, context: CommandContext): Promise<void> {
      const focused = interaction.options.getFocused(true);
      if (focused.name !== spec.option) {
        await interaction.respond([]);
        return;
      }
      await interaction.respond(autocompleteChoices(context.service.current, focused.value));
    },
  };
}

/**
 * The reply to an answer, and what the feedback store keeps of it: an unanswered question is
 * recorded as a knowledge gap; an answer is remembered for its buttons (More excerpts, Helpful /
 * Not helpful). If the store fails, the answer is still sent (without buttons) and the failure logged.
 */
function withFeedback(answer: Answer, memberId: string, context: CommandContext): MessageParts {
  const message = renderAnswerMessage(answer);
  const { command, query } = answer.question;
  try {
    if (answer.status === 'not-found') {
      context.feedback.recordUnanswered({ command, query: answer.question.text, memberId });
      return message;
    }
    const answerId = context.feedback.rememberAnswer({
      command,
      query: answer.question.text,
      askerId: memberId,
      shortAnswer: answer.answer,
    });
    return { ...message, components: [answerButtonRow(answerId, 0, answer.moreExcerpts ?? 0)] };
  } catch (error) {
    context.logger.error({ err: error, file: context.feedback.file, command, query }, 'feedback store: could not record the question');
    return message;
  }
}

/**
 * The autocomplete choices for what has been typed so far. A completion keeps what was typed and no
 * choice may pass 100 characters, so longer input (only a forged interaction can send it: the
 * option is capped) gets none, at once, rather than a slow search for nothing.
 */
export function autocompleteChoices(engine: AnswerEngine, typed: string): Array<{ name: string; value: string }> {
  if (cleanQueryText(typed).length > DISCORD_LIMITS.autocomplete.choiceLength) return [];
  return suggestionChoices(engine.suggestions.suggest(typed));
}

/**
 * Autocomplete choices from suggestion texts: at most 25, name and value at most 100 characters,
 * the name shown as displayTextWithin shows it (the value stays what the corpus says).
 */
export function suggestionChoices(texts: readonly string[]): Array<{ name: string; value: string }> {
  const { choices, choiceLength } = DISCORD_LIMITS.autocomplete;
  return texts
    .filter((text) => text.length <= choiceLength)
    .map((text) => ({ name: displayTextWithin(text), value: text }))
    .filter((choice) => choice.name.length > 0)
    .slice(0, choices);
}
