import { InteractionContextType, SlashCommandBuilder } from 'discord.js';
import type { SlashCommand } from '../src/discord/commandTypes.js';
import { sourcesMessage } from '../src/discord/corpusMessages.js';
import { replyWhenCorpusSettled } from '../src/discord/respond.js';

/** /sources: the articles in the corpus, each named by its label, with publisher, date, link, sentence count and id. */
export const command: SlashCommand = {
  definition: new SlashCommandBuilder()
    .setName('sources')
    .setDescription('List the articles the answers are quoted from.')
    .setContexts(InteractionContextType.Guild, InteractionContextType.BotDM),
  scope: 'everywhere',
  rateLimited: true,
  async execute(interaction, context) {
    await replyWhenCorpusSettled(interaction, context.service, () => {
      const engine = context.service.current;
      return sourcesMessage(engine.articles, (article) => engine.articleLabel(article));
    });
  },
};
