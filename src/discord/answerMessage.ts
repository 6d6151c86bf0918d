import {
  alsoCitations,
  answerDateSuffix,
  citationMarkdown,
  escapeLiveSyntax,
  escapeMarkdown,
  moreArticlesText,
  NO_SHORT_ANSWER,
  notFoundText,
} from '../answer/render.js';
import type { Answer, Citation, Excerpt } from '../answer/types.js';
import type { APIEmbed, APIEmbedField } from 'discord.js';
import { fitEmbed } from './embedFit.js';
import { highlightedWithin } from './highlight.js';
import { DISCORD_LIMITS } from './limits.js';
import { plural } from './markdown.js';
import type { MessageParts } from './messageOptions.js';
import { truncate } from '../text/truncate.js';

/** The colour of an answer's embed. */
export const ANSWER_COLOR = 0x3b82f6;

/** Share of a field's room a context sentence may take (the quoted sentence matters more). */
const CONTEXT_SHARE = 0.35;
/** Room for the citation under an excerpt (its article's name is the field's name)… */
const CITATION_ROOM = 400;
/** …and for the other articles that say the same, in all. */
const ALSO_ROOM = 500;

/** "/when summit with Xi", as typed (for plain text: no Markdown escaped, mentions and other live syntax shown as typed). */
function questionEcho(answer: Answer): string {
  return escapeLiveSyntax(`/${answer.question.command} ${answer.question.text}`);
}

/** A link in an embed, where Markdown links work: "[link](url)". */
function embedLink(url: string): string {
  return `[link](${url})`;
}

/**
 * A citation as an embed shows it (see citationMarkdown), in at most `max` characters: without its
 * link when that is what makes it too long (a link cut would lead nowhere), else cut at a word.
 */
export function embedCitation(citation: Citation, max: number, options: { withName?: boolean } = {}): string {
  const withLink = citationMarkdown(citation, { ...options, link: embedLink });
  if (withLink.length <= max) return withLink;
  return truncate(citationMarkdown(citation, { ...options, link: null }), max);
}

/**
 * The citations under an excerpt: its article's publisher, date, link and the sentence's position
 * (the article's name is the field's name), then the other articles that say the same, as many as
 * fit, and how many more there are.
 */
function citationLines(excerpt: Excerpt): string[] {
  const [first] = excerpt.citations;
  if (first === undefined) return [];
  const lines = [`— ${embedCitation(first, CITATION_ROOM, { withName: false })}`];
  const { cited, more } = alsoCitations(excerpt);
  let room = ALSO_ROOM;
  let left = more;
  for (const [i, other] of cited.entries()) {
    const line = `also: ${embedCitation(other, CITATION_ROOM)}`;
    if (line.length > room) {
      left += cited.length - i;
      break;
    }
    lines.push(line);
    room -= line.length + 1;
  }
  if (left > 0) lines.push(moreArticlesText(left));
  return lines;
}

/** One excerpt as an embed field: its article's name, the context sentence (italic), the sentence with the answer in bold, its citation. */
function excerptField(excerpt: Excerpt, index: number): APIEmbedField {
  const [first] = excerpt.citations;
  const name = truncate(
    `${index + 1}. ${first === undefined ? 'Unknown article' : escapeMarkdown(first.label.name)}`,
    DISCORD_LIMITS.embed.fieldName,
  );
  const citationText = citationLines(excerpt).join('\n');
  let room = DISCORD_LIMITS.embed.fieldValue - citationText.length - 1;
  let contextLine = '';
  if (excerpt.context !== null) {
    // "> _…_\n": 5 characters of markup around the escaped context.
    contextLine = `> _${truncate(escapeMarkdown(excerpt.context), Math.floor(room * CONTEXT_SHARE) - 5)}_\n`;
    room -= contextLine.length;
  }
  const sentence = `> ${highlightedWithin(excerpt, room - 2)}`;
  return { name, value: citationText === '' ? `${contextLine}${sentence}` : `${contextLine}${sentence}\n${citationText}` };
}

/** The footer: how many articles were searched (and how many excerpts did not fit, if any). */
function footerText(answer: Answer, dropped: number): string {
  const parts = [`Searched ${plural(answer.articleCount, 'article')}`, 'quotes are verbatim', '/sources lists the articles'];
  if (dropped > 0) parts.splice(1, 0, `${plural(dropped, 'more excerpt')} did not fit`);
  return parts.join(' · ');
}

/**
 * The embed of an answer: the question (author line), the short answer and its date (title), each
 * excerpt with its answer span in bold and its citation, each once. On a later page (More excerpts),
 * the excerpts are numbered from `excerptOffset` + 1.
 */
export function answerEmbed(answer: Answer, excerptOffset = 0): APIEmbed {
  const embed: APIEmbed = {
    color: ANSWER_COLOR,
    // The author line echoes the question; it is plain text (no Markdown, no pings) in Discord.
    author: { name: questionEcho(answer) },
    title: answer.answer === null ? NO_SHORT_ANSWER : `${escapeMarkdown(answer.answer)}${answerDateSuffix(answer)}`,
    fields: answer.excerpts.map((excerpt, index) => excerptField(excerpt, excerptOffset + index)),
  };
  const { embed: fitted, dropped } = fitEmbed({ ...embed, footer: { text: footerText(answer, 0) } });
  return dropped > 0 ? fitEmbed({ ...fitted, footer: { text: footerText(answer, dropped) } }).embed : fitted;
}

/**
 * The whole reply to a question: the embed alone, so that each part of the answer is shown once
 * (renderAnswerText gives the same parts as text, for `ask`); for "not found", one plain sentence.
 * `excerptOffset`: how many excerpts earlier pages showed (More excerpts).
 */
export function renderAnswerMessage(answer: Answer, options: { excerptOffset?: number } = {}): MessageParts {
  if (answer.status === 'not-found' || answer.excerpts.length === 0) {
    return { content: truncate(notFoundText(answer), DISCORD_LIMITS.content) };
  }
  return { embeds: [answerEmbed(answer, options.excerptOffset ?? 0)] };
}
