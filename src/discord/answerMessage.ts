import { answerDateSuffix, escapeLiveSyntax, escapeMarkdown, notFoundText } from '../answer/render.js';
import type { Answer, Citation, Excerpt } from '../answer/types.js';
import type { APIEmbed, APIEmbedField } from 'discord.js';
import { fitEmbed } from './embedFit.js';
import { highlightedWithin } from './highlight.js';
import { DISCORD_LIMITS } from './limits.js';
import { code, markdownUrl, plural } from './markdown.js';
import type { MessageParts } from './messageOptions.js';
import { truncate } from '../text/truncate.js';

/** The colour of an answer's embed. */
export const ANSWER_COLOR = 0x3b82f6;

/** At most this many other articles saying the same are listed under an excerpt. */
const MAX_ALSO_CITATIONS = 3;
/** Share of a field's room a context sentence may take (the quoted sentence matters more). */
const CONTEXT_SHARE = 0.35;

/** "/when summit with Xi", as typed (for plain text: no Markdown escaped, mentions and other live syntax shown as typed). */
function questionEcho(answer: Answer): string {
  return escapeLiveSyntax(`/${answer.question.command} ${answer.question.text}`);
}


/** The citation under an excerpt in the embed: publisher, link, sentence position (the title is the field's name). */
export function citationDetails(citation: Citation): string {
  const parts: string[] = [];
  if (citation.source !== null) parts.push(escapeMarkdown(citation.source));
  if (citation.url !== null) parts.push(`[link](${markdownUrl(citation.url)})`);
  parts.push(`sentence ${citation.position}`);
  // The id is how moderators name an article (/corpus remove); untitled articles show it already.
  if (citation.title !== null) parts.push(code(citation.articleId));
  return parts.join(' · ');
}

export function citationTitle(citation: Citation): string {
  return citation.title ?? `article ${citation.articleId}`;
}

/**
 * "Title · Publisher · <link> · sentence 16" for the plain-text content: the article's own words
 * escaped (its metadata may hold Markdown or mention syntax), the link without embed preview.
 */
export function contentCitationLine(citation: Citation): string {
  const parts = [escapeMarkdown(citationTitle(citation))];
  if (citation.source !== null) parts.push(escapeMarkdown(citation.source));
  if (citation.url !== null) parts.push(`<${markdownUrl(citation.url)}>`);
  parts.push(`sentence ${citation.position}`);
  return parts.join(' · ');
}

/** One excerpt as an embed field: the context sentence (italic), the sentence with the answer in bold, its citation. */
function excerptField(excerpt: Excerpt, index: number): APIEmbedField {
  const [first, ...others] = excerpt.citations;
  const name = truncate(`${index + 1}. ${escapeMarkdown(first === undefined ? 'Unknown article' : citationTitle(first))}`, DISCORD_LIMITS.embed.fieldName);
  const lines: string[] = [];
  if (first !== undefined) lines.push(`— ${citationDetails(first)}`);
  for (const other of others.slice(0, MAX_ALSO_CITATIONS)) {
    lines.push(truncate(`also: ${escapeMarkdown(citationTitle(other))} · ${citationDetails(other)}`, 300));
  }
  if (others.length > MAX_ALSO_CITATIONS) lines.push(`also in ${plural(others.length - MAX_ALSO_CITATIONS, 'more article')}`);
  const citationText = truncate(lines.join('\n'), 500);
  let room = DISCORD_LIMITS.embed.fieldValue - citationText.length - 1;
  let contextLine = '';
  if (excerpt.context !== null) {
    // "> _…_\n": 5 characters of markup around the escaped context.
    contextLine = `> _${truncate(escapeMarkdown(excerpt.context), Math.floor(room * CONTEXT_SHARE) - 5)}_\n`;
    room -= contextLine.length;
  }
  const sentence = `> ${highlightedWithin(excerpt, room - 2)}`;
  return { name, value: `${contextLine}${sentence}\n${citationText}` };
}

/** The footer: how many articles were searched (and how many excerpts did not fit, if any). */
function footerText(answer: Answer, dropped: number): string {
  const parts = [`Searched ${plural(answer.articleCount, 'article')}`, 'quotes are verbatim', '/sources lists the articles'];
  if (dropped > 0) parts.splice(1, 0, `${plural(dropped, 'more excerpt')} did not fit`);
  return parts.join(' · ');
}

/**
 * The embed of an answer: short answer first, each cited excerpt with its answer span in bold and its
 * citation. On a later page (More excerpts), the excerpts are numbered from `excerptOffset` + 1.
 */
export function answerEmbed(answer: Answer, excerptOffset = 0): APIEmbed {
  const embed: APIEmbed = {
    color: ANSWER_COLOR,
    // The author line echoes the question; it is plain text (no Markdown, no pings) in Discord.
    author: { name: questionEcho(answer) },
    title: answer.answer === null ? 'No short answer: the closest sentences' : `${escapeMarkdown(answer.answer)}${answerDateSuffix(answer)}`,
    fields: answer.excerpts.map((excerpt, index) => excerptField(excerpt, excerptOffset + index)),
  };
  const { embed: fitted, dropped } = fitEmbed({ ...embed, footer: { text: footerText(answer, 0) } });
  return dropped > 0 ? fitEmbed({ ...fitted, footer: { text: footerText(answer, dropped) } }).embed : fitted;
}

/**
 * The plain text of an answer for `content`, so that notifications and screen readers carry it:
 * the question and short answer, the best sentence quoted with its citation. At most 2000 characters.
 */
export function answerContent(answer: Answer): string {
  const max = DISCORD_LIMITS.content;
  const echo = truncate(`/${answer.question.command} ${escapeMarkdown(answer.question.text)}`, 300);
  const head = answer.answer === null ? `${echo}: no short answer; the closest sentence:` : `${echo} → **${escapeMarkdown(answer.answer)}**${answerDateSuffix(answer)}`;
  const [best, ...rest] = answer.excerpts;
  if (best === undefined) return truncate(head, max);
  const firstCitation = best.citations[0];
  const citation = firstCitation === undefined ? '' : `\n— ${truncate(contentCitationLine(firstCitation), 400)}`;
  const more = rest.length > 0 ? `\n(${plural(rest.length, 'more sentence')} below)` : '';
  const room = max - head.length - citation.length - more.length - 3;
  return `${head}\n> ${highlightedWithin(best, room)}${citation}${more}`;
}

/**
 * The whole reply to a question: embed plus plain-text content; for "not found", the text alone.
 * `excerptOffset`: how many excerpts earlier pages showed (More excerpts).
 */
export function renderAnswerMessage(answer: Answer, options: { excerptOffset?: number } = {}): MessageParts {
  if (answer.status === 'not-found' || answer.excerpts.length === 0) {
    return { content: truncate(notFoundText(answer), DISCORD_LIMITS.content) };
  }
  return { content: answerContent(answer), embeds: [answerEmbed(answer, options.excerptOffset ?? 0)] };
}
