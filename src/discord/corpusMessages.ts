import { labelDate, type ArticleLabel } from '../answer/articleLabel.js';
import { escapeMarkdown } from '../answer/render.js';
import type { ArticleInfo } from '../search/corpusIndex.js';
import type { CorpusError } from '../corpus/types.js';
import type { ChangeOutcome } from '../service/corpusStore.js';
import type { APIEmbed } from 'discord.js';
import { fitEmbed } from './embedFit.js';
import { DISCORD_LIMITS } from './limits.js';
import { code, markdownUrl, plural } from './markdown.js';
import type { MessageParts } from './messageOptions.js';
import { joinLinesWithin, truncate } from '../text/truncate.js';

/** The colour of the corpus listings' embeds. */
export const CORPUS_COLOR = 0x10b981;

function countsLine(outcome: ChangeOutcome): string {
  return `Articles: ${outcome.articlesBefore} → ${outcome.articles} · ` + `sentences: ${outcome.sentencesBefore} → ${outcome.sentences}`;
}

function errorLines(errors: readonly CorpusError[]): string[] {
  return errors.map((error) => truncate(`- ${code(error.file)}: ${escapeMarkdown(error.reason)}`, 400));
}

/** The moderator's summary of a reload, an addition or a removal: what happened, counts before and after. */
export function changeSummary(outcome: ChangeOutcome): MessageParts {
  const lines: string[] = [];
  if (!outcome.applied) {
    const what = outcome.file !== null ? ` ${code(outcome.file)}` : outcome.articleId !== null ? ` ${code(outcome.articleId)}` : '';
    lines.push(`**Refused**${what}: ${escapeMarkdown(outcome.reason ?? 'unknown reason')}.`);
    lines.push(
      `Nothing changed: the corpus still serves ${plural(outcome.articles, 'article')} and ${plural(outcome.sentences, 'sentence')}.`,
    );
  } else {
    switch (outcome.action) {
      case 'add':
        lines.push(`**Added** ${code(outcome.file ?? '?')} (id ${code(outcome.articleId ?? '?')}).`);
        break;
      case 'remove':
        lines.push(`**Removed** ${code(outcome.articleId ?? '?')}: moved ${outcome.movedTo.map(code).join(', ')} aside (nothing deleted).`);
        break;
      case 'reload':
        lines.push('**Reloaded** the corpus folder.');
        break;
    }
    lines.push(countsLine(outcome), ...(outcome.notes ?? []));
  }
  if (outcome.errors.length > 0) {
    lines.push(`Files not loaded (${outcome.errors.length}):`, ...errorLines(outcome.errors));
  }
  return { content: joinLinesWithin(lines, DISCORD_LIMITS.content, (n) => `…and ${n} more lines`) };
}

/**
 * The moderator's message when a change could not be made (the corpus folder could not be written
 * to, a file could not be moved): the reason in a sentence, the error id of the log's details.
 */
export function changeFailedSummary(reason: string, errorId: string): MessageParts {
  return {
    content: truncate(
      `**Failed**: ${escapeMarkdown(reason)} (error id ${code(errorId)}; the log has the details). The corpus that was serving still serves.`,
      DISCORD_LIMITS.content,
    ),
  };
}

/** How an article is named to a reader (AnswerEngine.articleLabel). */
export type LabelOf = (article: ArticleInfo) => ArticleLabel;

/**
 * One line of /sources: the article's label (title, else publisher and date, else its first words),
 * its publisher and date (inferred dates marked), link, sentence count, and its id (moderators name
 * an article by it: /corpus remove).
 */
export function sourceLine(article: ArticleInfo, index: number, label: ArticleLabel): string {
  const parts = [`**${index + 1}. ${escapeMarkdown(label.name)}**`];
  if (label.from !== 'publisher') parts.push(label.publisher === null ? 'publisher unknown' : escapeMarkdown(label.publisher));
  if (label.from !== 'publisher' || labelDate(article.meta) === null) parts.push(label.date ?? 'date unknown');
  if (label.url !== null) parts.push(`[link](${markdownUrl(label.url)})`);
  parts.push(plural(article.sentenceCount, 'sentence'), code(article.id));
  return parts.join(' · ');
}

function sentenceTotal(articles: readonly ArticleInfo[]): number {
  return articles.reduce((sum, article) => sum + article.sentenceCount, 0);
}

/** /sources: the articles the answers come from, in one embed (the counts in its title, once). */
export function sourcesMessage(articles: readonly ArticleInfo[], labelOf: LabelOf): MessageParts {
  if (articles.length === 0) return { content: 'The corpus is empty: there is nothing to quote yet.' };
  const total = `${plural(articles.length, 'article')}, ${plural(sentenceTotal(articles), 'sentence')}`;
  const embed: APIEmbed = {
    color: CORPUS_COLOR,
    title: `Sources (${total})`,
    description: joinLinesWithin(
      articles.map((article, index) => sourceLine(article, index, labelOf(article))),
      DISCORD_LIMITS.embed.description,
      (n) => `…and ${plural(n, 'more article')}`,
    ),
    footer: { text: 'Every answer quotes these articles verbatim. Dates marked (inferred) were worked out from the text.' },
  };
  return { embeds: [fitEmbed(embed).embed] };
}

/** /corpus list: ids, labels and sentence counts, and the files that could not be loaded, in one embed. */
export function corpusListMessage(articles: readonly ArticleInfo[], errors: readonly CorpusError[], labelOf: LabelOf): MessageParts {
  const lines = articles.map(
    (article) => `${code(article.id)} · ${escapeMarkdown(labelOf(article).name)} · ${plural(article.sentenceCount, 'sentence')}`,
  );
  const embed: APIEmbed = {
    color: CORPUS_COLOR,
    title: `Corpus: ${plural(articles.length, 'article')}, ${plural(sentenceTotal(articles), 'sentence')}`,
    description:
      articles.length === 0 ? 'No article is loaded.' : joinLinesWithin(lines, DISCORD_LIMITS.embed.description, (n) => `…and ${n} more`),
    fields:
      errors.length === 0
        ? []
        : [
            {
              name: `Not loaded (${errors.length})`,
              value: joinLinesWithin(errorLines(errors), DISCORD_LIMITS.embed.fieldValue, (n) => `…and ${n} more`),
            },
          ],
    footer: { text: '/corpus add uploads an article · /corpus remove <id> moves one aside · /corpus reload re-reads the folder' },
  };
  return { embeds: [fitEmbed(embed).embed] };
}
