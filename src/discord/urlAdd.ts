/**
 * /corpus add url:<link>: the page is fetched and its article extracted (src/ingest), the moderator
 * sees a private preview with Confirm and Cancel buttons, and only Confirm adds the article, through
 * the same checked, atomic CorpusStore.add as an uploaded file. The buttons answer only the
 * moderator who asked; after URL_PREVIEW_TIMEOUT_SECONDS they are disabled and nothing is added.
 */
import {
  ActionRowBuilder,
  ButtonBuilder,
  ButtonStyle,
  ComponentType,
  MessageFlags,
  type ButtonInteraction,
  type ChatInputCommandInteraction,
  type Message,
} from 'discord.js';
import { knownSentences, type SentenceOverlap } from '../answer/knownSentences.js';
import { escapeMarkdown } from '../answer/render.js';
import { longSentencesNote } from '../corpus/longSentences.js';
import { isIsoCalendarDate } from '../corpus/metaYaml.js';
import { AddressPolicy } from '../ingest/addressPolicy.js';
import { IngestError } from '../ingest/ingestError.js';
import {
  articleFileText,
  fetchArticle,
  pageArticle,
  type FetchedArticle,
  type MetaOverrides,
  type PageArticle,
} from '../ingest/pageArticle.js';
import type { Logger } from '../logger.js';
import type { Actor, Upload } from '../service/corpusStore.js';
import { moderatorText } from '../service/moderatorText.js';
import { uploadProblem } from '../service/uploadRules.js';
import type { CommandContext } from './commandTypes.js';
import { runCorpusChange } from './corpusChange.js';
import { changeSummary } from './corpusMessages.js';
import { DISCORD_LIMITS } from './limits.js';
import { code, markdownUrl, plural } from './markdown.js';
import { safeMessage, type MessageParts } from './messageOptions.js';
import { joinLinesWithin, truncate } from '../text/truncate.js';

/** Custom ids of the preview's buttons start with this (the router leaves them to the preview's collector). */
export const URL_PREVIEW_BUTTON_PREFIX = 'corpus-url';
/** Characters of each sentence quoted in a preview. */
const PREVIEW_SENTENCE_CHARS = 300;

/** Where a preview stands: waiting for the moderator, or what became of it. */
export type PreviewState = 'waiting' | 'adding' | 'cancelled' | 'timed-out';

export interface PreviewButtons {
  confirm: string;
  cancel: string;
}

/** The buttons' custom ids for the preview answering one interaction. */
export function previewButtonIds(interactionId: string): PreviewButtons {
  return {
    confirm: `${URL_PREVIEW_BUTTON_PREFIX}:confirm:${interactionId}`,
    cancel: `${URL_PREVIEW_BUTTON_PREFIX}:cancel:${interactionId}`,
  };
}

function buttonRow(ids: PreviewButtons, disabled: boolean): ActionRowBuilder<ButtonBuilder> {
  return new ActionRowBuilder<ButtonBuilder>().addComponents(
    new ButtonBuilder().setCustomId(ids.confirm).setLabel('Confirm').setStyle(ButtonStyle.Success).setDisabled(disabled),
    new ButtonBuilder().setCustomId(ids.cancel).setLabel('Cancel').setStyle(ButtonStyle.Secondary).setDisabled(disabled),
  );
}

const STATE_LINES: Record<PreviewState, (waitMs: number) => string> = {
  waiting: (waitMs) => `**Preview**: add this article to the corpus? Confirm or Cancel within ${duration(waitMs)}.`,
  adding: () => '**Adding** this article…',
  cancelled: () => '**Cancelled**: nothing was added.',
  'timed-out': () => '**Timed out**: nobody confirmed, nothing was added.',
};

/** "5 minutes", "90 seconds". */
function duration(ms: number): string {
  const seconds = Math.round(ms / 1000);
  return seconds >= 60 && seconds % 60 === 0 ? plural(seconds / 60, 'minute') : plural(seconds, 'second');
}

/** The preview of an article from a link: title, publisher, date, link, sentence count and the first sentences. */
export function urlPreviewMessage(
  article: PageArticle,
  state: PreviewState,
  waitMs: number,
  overlap: SentenceOverlap | null = null,
): MessageParts {
  const { meta } = article;
  const lines = [
    STATE_LINES[state](waitMs),
    `**Title:** ${meta.title === null ? 'none found' : escapeMarkdown(truncate(meta.title, 300))}`,
    `**Publisher:** ${meta.source === null ? 'unknown' : escapeMarkdown(truncate(meta.source, 200))}`,
    `**Published:** ${meta.published ?? 'date unknown'}`,
    `**Link:** <${markdownUrl(truncate(meta.url, 500))}>`,
  ];
  if (article.fetchedFrom !== article.link) lines.push(`(read from <${markdownUrl(truncate(article.fetchedFrom, 500))}> after redirects)`);
  lines.push(`**Sentences:** ${article.sentenceCount}. The first ${plural(article.firstSentences.length, 'sentence')}:`);
  lines.push(...article.firstSentences.map((sentence) => `> ${escapeMarkdown(truncate(sentence, PREVIEW_SENTENCE_CHARS))}`));
  if (article.longSentencesCut > 0) lines.push(longSentencesNote(article.longSentencesCut));
  if (overlap !== null && overlap.found > 0) lines.push(overlapWarning(overlap));
  return { content: joinLinesWithin(lines, DISCORD_LIMITS.content, (n) => `…and ${n} more lines`) };
}

/** "Already in the corpus: 20 of the 20 sentences checked, in “Title” (`id`)." */
function overlapWarning(overlap: SentenceOverlap): string {
  const where = overlap.articles
    .slice(0, 2)
    .map((a) => `${a.title === null ? '' : `“${escapeMarkdown(truncate(a.title, 120))}” `}(${code(a.id)})`)
    .join(' and ');
  const more = overlap.articles.length > 2 ? ` and ${plural(overlap.articles.length - 2, 'other article')}` : '';
  return `⚠ **Already in the corpus:** ${overlap.found} of the ${plural(overlap.checked, 'sentence')} checked, word for word, in ${where}${more}. Confirm adds it again.`;
}

/** The article as an upload to CorpusStore.add: a .txt named after the page's host. */
export function uploadOf(article: PageArticle): Upload {
  return { fileName: uploadName(article.fetchedFrom), content: Buffer.from(article.text, 'utf8'), meta: article.meta };
}

function uploadName(fetchedFrom: string): string {
  return `${new URL(fetchedFrom).hostname}.txt`;
}

/**
 * Why a fetched page's article cannot be added as an upload (its size), or null. Asked before its
 * text is split into sentences: the text of a page of megabytes would hold the event loop meanwhile.
 */
export function fetchedArticleProblem(fetched: FetchedArticle): string | null {
  return uploadProblem(uploadName(fetched.fetchedFrom), Buffer.byteLength(articleFileText(fetched), 'utf8'));
}

export interface UrlAddRequest {
  link: string;
  /** The moderator's title, source, published: they replace what the page says. */
  overrides: MetaOverrides;
  actor: Actor;
}

/** Answers /corpus add url:<link>: refusal, or preview → Confirm (added) / Cancel / time-out (nothing added). */
export async function addFromUrl(interaction: ChatInputCommandInteraction, context: CommandContext, request: UrlAddRequest): Promise<void> {
  const { logger } = context;
  const settings = context.config.urlIngest;
  const { link } = request;
  await interaction.deferReply({ flags: MessageFlags.Ephemeral });
  const refuse = async (reason: string) => {
    const shown = moderatorText(reason, context.store.dir);
    await interaction.editReply(
      safeMessage({ content: `**Refused** ${code(truncate(link, 500))}: ${escapeMarkdown(shown)}. Nothing changed.` }),
    );
  };

  const published = request.overrides.published?.trim();
  if (published !== undefined && published !== '' && !isIsoCalendarDate(published)) {
    // Said before fetching, rather than after the moderator confirmed.
    await refuse('published: must be a date written YYYY-MM-DD');
    return;
  }

  let article: PageArticle;
  try {
    const fetched = await fetchArticle(link, {
      policy: new AddressPolicy(settings.allow),
      maxBytes: settings.maxBytes,
      timeoutMs: settings.timeoutMs,
    });
    const problem = fetchedArticleProblem(fetched);
    if (problem !== null) {
      logger.warn({ link, reason: problem }, 'corpus add url: article refused');
      await refuse(`the article's text: ${problem}`);
      return;
    }
    article = pageArticle(fetched, request.overrides);
  } catch (error) {
    if (!(error instanceof IngestError)) throw error;
    logger.warn({ link, failure: error.kind, reason: error.message }, 'corpus add url: page refused');
    await refuse(error.message);
    return;
  }
  const upload = uploadOf(article);

  const ids = previewButtonIds(interaction.id);
  // A copy (the same wire story from two publishers, a link added twice) is pointed out, not refused.
  const overlap = knownSentences(context.service.current, article.sentences);
  const preview = (state: PreviewState) => urlPreviewMessage(article, state, settings.previewTimeoutMs, overlap);
  const message = await interaction.editReply({ ...safeMessage(preview('waiting')), components: [buttonRow(ids, false)] });
  logger.info(
    { link, fetchedFrom: article.fetchedFrom, sentences: article.sentenceCount, alreadyInCorpus: overlap.found },
    'corpus add url: preview shown',
  );

  const decision = await awaitDecision(message, ids, interaction.user.id, settings.previewTimeoutMs, logger);
  if (decision === null) {
    logger.info({ link }, 'corpus add url: timed out, nothing added');
    await interaction.editReply({ ...safeMessage(preview('timed-out')), components: [buttonRow(ids, true)] });
    return;
  }
  if (!decision.confirmed) {
    logger.info({ link }, 'corpus add url: cancelled, nothing added');
    await decision.button.update({ ...safeMessage(preview('cancelled')), components: [] });
    return;
  }
  await decision.button.update({ ...safeMessage(preview('adding')), components: [buttonRow(ids, true)] });
  const { outcome, failed } = await runCorpusChange(context, 'add', () => context.store.add(request.actor, upload));
  const summary = failed ?? changeSummary(outcome);
  await decision.button.editReply({
    ...safeMessage({ content: truncate(`${summary.content ?? ''}\nFrom <${markdownUrl(truncate(link, 500))}>.`, DISCORD_LIMITS.content) }),
    components: [],
  });
}

/**
 * Waits for the moderator who asked to press Confirm or Cancel on the preview; anyone else pressing
 * them is told, privately, that they cannot. Null when the time runs out first.
 */
function awaitDecision(
  message: Message,
  ids: PreviewButtons,
  moderatorId: string,
  timeoutMs: number,
  logger: Logger,
): Promise<{ button: ButtonInteraction; confirmed: boolean } | null> {
  return new Promise((resolve) => {
    const collector = message.createMessageComponentCollector({
      componentType: ComponentType.Button,
      time: timeoutMs,
      filter: (button) => button.customId === ids.confirm || button.customId === ids.cancel,
    });
    collector.on('collect', (button) => {
      if (button.user.id !== moderatorId) {
        logger.warn({ user: button.user.id, customId: button.customId }, 'corpus add url: button pressed by someone else, refused');
        button
          .reply({
            ...safeMessage({ content: 'Only the moderator who asked for this preview can confirm or cancel it.' }),
            flags: MessageFlags.Ephemeral,
          })
          .catch((error: unknown) => logger.error({ err: error }, 'corpus add url: could not refuse a button press'));
        return;
      }
      collector.stop('decided');
      resolve({ button, confirmed: button.customId === ids.confirm });
    });
    collector.on('end', (_collected, reason) => {
      if (reason !== 'decided') resolve(null);
    });
  });
}
