import { InteractionContextType, SlashCommandBuilder } from 'discord.js';
import type { SlashCommand } from '../src/discord/commandTypes.js';
import { sourcesMessage } from '../src/discord/corpusMessages.js';
import { sendReply } from '../src/discord/respond.js';

/** /sources: the articles in the corpus, each named by its label, with publisher, date, link, sentence count and id. */
export const command: SlashCommand = {
  definition: new SlashCommandBuilder()
    .setName('sources')
    .setDescription('List the articles the answers are quoted from.')
    .setContexts(InteractionContextType.Guild, InteractionContextType.BotDM),
  scope: 'everywhere',
  rateLimited: true,
  readsCorpus: 'public',
  async execute(interaction, context) {
    const engine = context.service.current;
    await sendReply(
      interaction,
      sourcesMessage(engine.articles, (article) => engine.articleLabel(article)),
    );
  },
};
