import { escapeMarkdown } from '../answer/render.js';
import type { ArticleInfo } from '../search/corpusIndex.js';
import { displayTitle, type CorpusError } from '../corpus/types.js';
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
  return (
    `Articles: ${outcome.articlesBefore} → ${outcome.articles} · ` +
    `sentences: ${outcome.sentencesBefore} → ${outcome.sentences}`
  );
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
    lines.push(`Nothing changed: the corpus still serves ${plural(outcome.articles, 'article')} and ${plural(outcome.sentences, 'sentence')}.`);
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
    content: truncate(`**Failed**: ${escapeMarkdown(reason)} (error id ${code(errorId)}; the log has the details). The corpus that was serving still serves.`, DISCORD_LIMITS.content),
  };
}

/** The date to show for an article: as published, else inferred (marked so), else none. */
export function articleDate(article: ArticleInfo): string | null {
  if (article.meta.published !== null) return article.meta.published;
  if (article.meta.publishedInferred !== null) return `${article.meta.publishedInferred} (inferred)`;
  return null;
}


/** One line of /sources: title, publisher, date, link, sentence count. */
export function sourceLine(article: ArticleInfo, index: number): string {
  const parts = [`**${index + 1}. ${escapeMarkdown(truncate(displayTitle(article), 200))}**`];
  parts.push(article.meta.source === null ? 'publisher unknown' : escapeMarkdown(article.meta.source));
  parts.push(articleDate(article) ?? 'date unknown');
  if (article.meta.url !== null) parts.push(`[link](${markdownUrl(article.meta.url)})`);
  parts.push(plural(article.sentenceCount, 'sentence'));
  return parts.join(' · ');
}

function sentenceTotal(articles: readonly ArticleInfo[]): number {
  return articles.reduce((sum, article) => sum + article.sentenceCount, 0);
}

/** /sources: the articles the answers come from. */
export function sourcesMessage(articles: readonly ArticleInfo[]): MessageParts {
  if (articles.length === 0) return { content: 'The corpus is empty: there is nothing to quote yet.' };
  const total = `${plural(articles.length, 'article')}, ${plural(sentenceTotal(articles), 'sentence')}`;
  const embed: APIEmbed = {
    color: CORPUS_COLOR,
    title: `Sources (${total})`,
    description: joinLinesWithin(
      articles.map(sourceLine),
      DISCORD_LIMITS.embed.description,
      (n) => `…and ${plural(n, 'more article')}`,
    ),
    footer: { text: 'Every answer quotes these articles verbatim. Dates marked (inferred) were worked out from the text.' },
  };
  return { content: `The corpus holds ${total}.`, embeds: [fitEmbed(embed).embed] };
}

/** /corpus list: ids, files and sentence counts, and the files that could not be loaded. */
export function corpusListMessage(articles: readonly ArticleInfo[], errors: readonly CorpusError[]): MessageParts {
  const lines = articles.map(
    (article) => `${code(article.id)} · ${escapeMarkdown(truncate(displayTitle(article), 120))} · ${plural(article.sentenceCount, 'sentence')}`,
  );
  const embed: APIEmbed = {
    color: CORPUS_COLOR,
    title: `Corpus: ${plural(articles.length, 'article')}, ${plural(sentenceTotal(articles), 'sentence')}`,
    description: articles.length === 0 ? 'No article is loaded.' : joinLinesWithin(lines, DISCORD_LIMITS.embed.description, (n) => `…and ${n} more`),
    fields:
      errors.length === 0
        ? []
        : [{ name: `Not loaded (${errors.length})`, value: joinLinesWithin(errorLines(errors), DISCORD_LIMITS.embed.fieldValue, (n) => `…and ${n} more`) }],
    footer: { text: '/corpus add uploads an article · /corpus remove <id> moves one aside · /corpus reload re-reads the folder' },
  };
  return {
    content: `${plural(articles.length, 'article')} loaded${errors.length > 0 ? `, ${plural(errors.length, 'file')} not loaded` : ''}.`,
    embeds: [fitEmbed(embed).embed],
  };
}
