import {
  ApplicationIntegrationType,
  InteractionContextType,
  MessageFlags,
  PermissionFlagsBits,
  SlashCommandBuilder,
  type AutocompleteInteraction,
  type ChatInputCommandInteraction,
} from 'discord.js';
import { displayTextWithin } from '../src/answer/displayText.js';
import { escapeMarkdown } from '../src/answer/render.js';
import { articleIdOf } from '../src/corpus/loadCorpus.js';
import type { CommandContext, SlashCommand } from '../src/discord/commandTypes.js';
import { runCorpusChange } from '../src/discord/corpusChange.js';
import { changeSummary, corpusListMessage } from '../src/discord/corpusMessages.js';
import { downloadAttachment } from '../src/discord/download.js';
import { gapsMessage } from '../src/discord/gapsMessage.js';
import { answersNowWith, gapReport } from '../src/feedback/gapReport.js';
import { DISCORD_LIMITS } from '../src/discord/limits.js';
import { code } from '../src/discord/markdown.js';
import { corpusAccess } from '../src/discord/moderators.js';
import { sendEphemeral, sendReply } from '../src/discord/respond.js';
import { truncate } from '../src/text/truncate.js';
import { newErrorId } from '../src/discord/router.js';
import { addFromUrl } from '../src/discord/urlAdd.js';
import type { Actor, ChangeOutcome, CorpusAction } from '../src/service/corpusStore.js';
import { errorMessage } from '../src/corpus/frontMatter.js';
import { moderatorText } from '../src/service/moderatorText.js';
import { MAX_UPLOAD_BYTES, uploadProblem } from '../src/service/uploadRules.js';

/** Subcommand and option names, shared by the definition and the handler. */
const SUB = { list: 'list', reload: 'reload', add: 'add', remove: 'remove', gaps: 'gaps' } as const;
/** The subcommands that read the corpus (and wait for a change in progress); the others change it. */
const READS_CORPUS: ReadonlySet<string> = new Set([SUB.list, SUB.gaps]);
const OPT = { file: 'file', title: 'title', source: 'source', url: 'url', published: 'published', id: 'id', days: 'days' } as const;
/** /corpus gaps: the last how many days by default, at most, and how many questions it lists. */
const GAPS_DEFAULT_DAYS = 7;
const GAPS_MAX_DAYS = 365;
const GAPS_LISTED = 10;

const definition = new SlashCommandBuilder()
  .setName('corpus')
  .setDescription('Moderators: list, reload, add or remove the articles the bot quotes.')
  .setDefaultMemberPermissions(PermissionFlagsBits.ManageGuild)
  .setContexts(InteractionContextType.Guild)
  .setIntegrationTypes(ApplicationIntegrationType.GuildInstall)
  .addSubcommand((sub) => sub.setName(SUB.list).setDescription('List the articles loaded and the files that could not be loaded.'))
  .addSubcommand((sub) => sub.setName(SUB.reload).setDescription('Re-read the corpus folder (after editing files by hand).'))
  .addSubcommand((sub) =>
    sub
      .setName(SUB.add)
      .setDescription('Add an article: a .txt or .md file of at most 1 MB, or a web page (url, previewed first).')
      .addAttachmentOption((o) =>
        o.setName(OPT.file).setDescription('The article text (.txt or .md, UTF-8, at most 1 MB); or give a url instead'),
      )
      .addStringOption((o) => o.setName(OPT.title).setDescription('Its title').setMaxLength(300))
      .addStringOption((o) => o.setName(OPT.source).setDescription('Its publisher (e.g. Reuters)').setMaxLength(200))
      .addStringOption((o) =>
        o
          .setName(OPT.url)
          .setDescription('Without a file: the page to fetch the article from. With one: its web address')
          .setMaxLength(1000),
      )
      .addStringOption((o) =>
        o.setName(OPT.published).setDescription('Its publication date, YYYY-MM-DD').setMinLength(10).setMaxLength(10),
      ),
  )
  .addSubcommand((sub) =>
    sub
      .setName(SUB.remove)
      .setDescription('Remove an article (its file is moved aside, not deleted).')
      .addStringOption((o) =>
        o.setName(OPT.id).setDescription('The article id (see /corpus list)').setRequired(true).setAutocomplete(true),
      ),
  )
  .addSubcommand((sub) =>
    sub
      .setName(SUB.gaps)
      .setDescription('The questions the bot could not answer lately, and the answers voted not helpful.')
      .addIntegerOption((o) =>
        o.setName(OPT.days).setDescription(`How many days back (default ${GAPS_DEFAULT_DAYS})`).setMinValue(1).setMaxValue(GAPS_MAX_DAYS),
      ),
  );

function actorOf(interaction: ChatInputCommandInteraction): Actor {
  return { id: interaction.user.id, name: interaction.user.username, guildId: interaction.guildId };
}

async function deferEphemeral(interaction: ChatInputCommandInteraction): Promise<void> {
  await interaction.deferReply({ flags: MessageFlags.Ephemeral });
}

/** Runs a change and tells the moderator how it went: applied or refused (changeSummary), or why it could not be made. */
async function change(
  interaction: ChatInputCommandInteraction,
  context: CommandContext,
  action: CorpusAction,
  run: () => Promise<ChangeOutcome>,
): Promise<void> {
  const { outcome, failed } = await runCorpusChange(context, action, run);
  await sendReply(interaction, failed ?? changeSummary(outcome), { ephemeral: true });
}

async function add(interaction: ChatInputCommandInteraction, context: CommandContext): Promise<void> {
  const file = interaction.options.getAttachment(OPT.file);
  const link = interaction.options.getString(OPT.url);
  if (file === null) {
    // Exactly one source of text: the file when there is one (the url is then its address), else the url's page.
    if (link === null || link.trim() === '') {
      await sendEphemeral(interaction, 'Give the article as a `file` (.txt or .md) or as a `url` to fetch it from. Nothing changed.');
      return;
    }
    const overrides = {
      title: interaction.options.getString(OPT.title),
      source: interaction.options.getString(OPT.source),
      published: interaction.options.getString(OPT.published),
    };
    await addFromUrl(interaction, context, { link: link.trim(), overrides, actor: actorOf(interaction) });
    return;
  }
  const problem = uploadProblem(file.name, file.size);
  if (problem !== null) {
    context.logger.warn({ file: file.name, size: file.size, reason: problem }, 'corpus add: upload refused');
    await sendEphemeral(interaction, `**Refused** ${code(file.name)}: ${escapeMarkdown(problem)}. Nothing changed.`);
    return;
  }
  await deferEphemeral(interaction);
  let content: Uint8Array;
  try {
    content = await downloadAttachment(file.url, MAX_UPLOAD_BYTES);
  } catch (error) {
    const errorId = newErrorId();
    context.logger.warn({ file: file.name, err: error, errorId }, 'corpus add: download failed');
    const reason = moderatorText(errorMessage(error), context.store.dir);
    await sendReply(interaction, {
      content: `**Refused** ${code(file.name)}: ${escapeMarkdown(reason)} (error id ${code(errorId)}). Nothing changed.`,
    });
    return;
  }
  const meta = {
    title: interaction.options.getString(OPT.title),
    source: interaction.options.getString(OPT.source),
    url: link,
    published: interaction.options.getString(OPT.published),
  };
  await change(interaction, context, 'add', () => context.store.add(actorOf(interaction), { fileName: file.name, content, meta }));
}

/** /corpus list|reload|add|remove|gaps: the moderators' corpus commands, registered for Manage Server and checked again here. */
export const command: SlashCommand = {
  definition,
  scope: 'home',
  // The list and the gaps are read from the corpus (privately); the other subcommands change it.
  readsCorpus: (interaction) => (READS_CORPUS.has(interaction.options.getSubcommand(false) ?? '') ? 'private' : null),
  async execute(interaction, context) {
    const access = corpusAccess(interaction, context.config);
    if (!access.allowed) {
      context.logger.warn({ why: access.why, subcommand: interaction.options.getSubcommand(false) }, 'corpus command refused');
      await sendEphemeral(interaction, access.message);
      return;
    }
    switch (interaction.options.getSubcommand(true)) {
      case SUB.list: {
        const { store } = context;
        const engine = context.service.current;
        await sendReply(
          interaction,
          corpusListMessage(store.list().articles, store.list().errors, (article) => engine.articleLabel(article)),
          {
            ephemeral: true,
          },
        );
        return;
      }
      case SUB.reload:
        await deferEphemeral(interaction);
        await change(interaction, context, 'reload', () => context.store.reload(actorOf(interaction)));
        return;
      case SUB.add:
        await add(interaction, context);
        return;
      case SUB.gaps: {
        const days = interaction.options.getInteger(OPT.days) ?? GAPS_DEFAULT_DAYS;
        if (days < 1 || days > GAPS_MAX_DAYS) {
          await sendEphemeral(interaction, `Days must be from 1 to ${GAPS_MAX_DAYS}.`);
          return;
        }
        const { feedback, service } = context;
        await sendReply(interaction, gapsMessage(gapReport(feedback, answersNowWith(service), { days, limit: GAPS_LISTED })), {
          ephemeral: true,
        });
        return;
      }
      case SUB.remove: {
        const id = interaction.options.getString(OPT.id, true).trim();
        await deferEphemeral(interaction);
        await change(interaction, context, 'remove', () => context.store.remove(actorOf(interaction), id));
        return;
      }
      default:
        await sendEphemeral(interaction, 'Unknown /corpus subcommand.');
    }
  },
  async autocomplete(interaction: AutocompleteInteraction, context: CommandContext) {
    if (!corpusAccess(interaction, context.config).allowed) {
      await interaction.respond([]);
      return;
    }
    const typed = interaction.options.getFocused().toLowerCase();
    const { articles, errors } = context.store.list();
    const engine = context.service.current;
    const { choices, choiceLength } = DISCORD_LIMITS.autocomplete;
    const candidates = [
      ...articles.map((a) => ({ id: a.id, label: `${a.id} — ${engine.articleLabel(a).name}` })),
      // A file that fails to load can be removed too (its id is its name without extension).
      ...errors.flatMap((e) => {
        const id = articleIdOf(e.file);
        return id === null ? [] : [{ id, label: `${e.file} (not loaded)` }];
      }),
    ];
    await interaction.respond(
      candidates
        .filter((c) => c.id.length <= choiceLength && c.label.toLowerCase().includes(typed))
        .slice(0, choices)
        .map((c) => ({ name: truncate(displayTextWithin(c.label), choiceLength), value: c.id })),
    );
  },
};
