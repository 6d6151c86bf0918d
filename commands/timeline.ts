import { InteractionContextType, SlashCommandBuilder } from 'discord.js';
import { cleanQueryText } from '../src/answer/queryText.js';
import type { SlashCommand } from '../src/discord/commandTypes.js';
import { DISCORD_LIMITS, MAX_QUERY_LENGTH } from '../src/discord/limits.js';
import { autocompleteChoices } from '../src/discord/questionCommand.js';
import { sendEphemeral, sendReply } from '../src/discord/respond.js';
import { renderTimelineMessage } from '../src/discord/timelineMessage.js';
import { withTimelinePicture } from '../src/discord/timelinePicture.js';

const OPTION = 'topic';

/** /timeline [topic]: the dated events of the corpus (or of a topic) in calendar order, each quoted and cited, and a picture of them on a time axis. */
export const command: SlashCommand = {
  definition: new SlashCommandBuilder()
    .setName('timeline')
    .setDescription('The dated events in calendar order, each quoted from the articles with its date.')
    .setContexts(InteractionContextType.Guild, InteractionContextType.BotDM)
    .addStringOption((option) =>
      option
        .setName(OPTION)
        .setDescription('Only the events about this (e.g. summit); leave empty for the whole corpus')
        .setRequired(false)
        .setMaxLength(MAX_QUERY_LENGTH)
        .setAutocomplete(true),
    ),
  scope: 'everywhere',
  rateLimited: true,
  readsCorpus: 'public',
  async execute(interaction, context) {
    const raw = interaction.options.getString(OPTION, false);
    const cleaned = raw === null ? '' : cleanQueryText(raw);
    const topic = cleaned.length === 0 ? null : cleaned;
    // Discord enforces the option's maximum length; an interaction that breaks it was not typed in Discord.
    if (topic !== null && topic.length > MAX_QUERY_LENGTH) {
      context.logger.warn({ length: topic.length }, 'timeline refused: topic too long');
      await sendEphemeral(
        interaction,
        `That topic is ${topic.length} characters long; give one in at most ${MAX_QUERY_LENGTH}, e.g. \`/timeline summit\`.`,
      );
      return;
    }
    const { service } = context;
    // The corpus-wide timeline is computed once per corpus, on first use: acknowledge first if it may take a while.
    if (!service.current.timelineReady(topic) && !interaction.deferred && !interaction.replied) await interaction.deferReply();
    // No more events are quoted than an embed has fields: the others are counted, not rendered.
    const timeline = await service.current.timeline(topic, { maxEvents: DISCORD_LIMITS.embed.fields });
    // The quotes as text, and the events on a time axis as a picture (left out, with a warning, if it cannot be drawn).
    await sendReply(interaction, await withTimelinePicture(renderTimelineMessage(timeline), timeline, context.logger));
    context.logger.info({ topic, status: timeline.status, entries: timeline.entries.length }, 'timeline answered');
    // A topic with nothing dated is a knowledge gap, as an unanswered question is (/corpus gaps).
    if (topic !== null && timeline.status !== 'answered') {
      try {
        context.feedback.recordUnanswered({ command: 'timeline', query: topic, memberId: interaction.user.id });
      } catch (error) {
        context.logger.error({ err: error, topic }, 'could not record an unanswered timeline topic');
      }
    }
  },
  async autocomplete(interaction, context) {
    const focused = interaction.options.getFocused(true);
    await interaction.respond(focused.name === OPTION ? autocompleteChoices(context.service.current, focused.value) : []);
  },
};
