import { formatResolvedDate } from '../language/dateResolution.js';
import { displayText } from './displayText.js';
import type { Answer, Citation, Excerpt } from './types.js';
import { truncate } from '../text/truncate.js';

/**
 * The reply as plain Markdown text: what the console prints and what Discord shows as the message
 * content. Bold marks the short answer; quoted lines are the verbatim sentences.
 */

/**
 * Discord's live syntax that starts with `<`: channels `<#id>`, slash commands `</name:id>`,
 * timestamps `<t:…>`, custom emoji `<:name:id>` and `<a:name:id>`, guild navigation `<id:…>`. A
 * zero-width space after the `<` shows it as typed (as one after `@` does for mentions, `<@id>`).
 */
const LIVE_SYNTAX = /<(?=[#/:]|a:|t:|id:)/gi;

/**
 * Escapes Discord Markdown so that text shows as written (a query, an article's words): Markdown
 * characters, mentions and every other live `<…>` syntax, after displayText (no bidi overrides, no
 * towers of combining marks, control characters written out).
 */
export function escapeMarkdown(text: string): string {
  return escapeLiveSyntax(displayText(text).replace(/([\\*_~`|[\]])/g, '\\$1').replace(/^([>#-])/gm, '\\$1'));
}

/**
 * Mentions and the other live `<…>` syntax shown as typed, and nothing else changed: for text
 * Discord shows without Markdown (an embed's author line), where a backslash would show.
 */
export function escapeLiveSyntax(text: string): string {
  return text.replace(/@/g, '@\u200b').replace(LIVE_SYNTAX, '<\u200b');
}

/** The sentence with its short answer in bold, the rest escaped. */
export function highlightedText(excerpt: Excerpt): string {
  const { text, highlight } = excerpt;
  if (highlight === null) return escapeMarkdown(text);
  return (
    escapeMarkdown(text.slice(0, highlight.start)) +
    `**${escapeMarkdown(text.slice(highlight.start, highlight.end))}**` +
    escapeMarkdown(text.slice(highlight.end))
  );
}

/** "Title — Publisher, <url>, sentence 16" with whatever is known. */
export function citationLine(citation: Citation): string {
  const parts = [displayText(citation.title ?? `article ${citation.articleId}`)];
  if (citation.source !== null) parts.push(displayText(citation.source));
  if (citation.url !== null) parts.push(`<${citation.url}>`);
  parts.push(`sentence ${citation.position}`);
  return parts.join(' · ');
}

/** The longest part of a query echoed in "nothing found" (a long query would drown the message). */
const MAX_ECHOED_QUERY = 150;

/** "Nothing found", naming what was looked for; an empty question is told it is empty. */
export function notFoundText(answer: Answer): string {
  const articles = answer.articleCount === 1 ? '1 article' : `${answer.articleCount} articles`;
  const sought = answer.question.query || answer.question.text;
  if (sought === '') return `Nothing to look for: the question is empty (the corpus has ${articles}).`;
  return `I found nothing about “${escapeMarkdown(truncate(sought, MAX_ECHOED_QUERY))}” in the corpus (${articles} searched).`;
}

/** The calendar date of a time answer, to show beside its wording: " (5 January 2026)", or "". */
export function answerDateSuffix(answer: Answer): string {
  return answer.answerDate === null ? '' : ` (${formatResolvedDate(answer.answerDate)})`;
}

export function renderAnswerText(answer: Answer): string {
  if (answer.status === 'not-found') return notFoundText(answer);
  const lines: string[] = [];
  lines.push(answer.answer === null ? 'No short answer; the closest sentences:' : `**${escapeMarkdown(answer.answer)}**${answerDateSuffix(answer)}`);
  answer.excerpts.forEach((excerpt, i) => {
    lines.push('');
    if (excerpt.context !== null) lines.push(`> _${escapeMarkdown(excerpt.context)}_`);
    lines.push(`> ${highlightedText(excerpt)}`);
    const [first, ...others] = excerpt.citations;
    if (first !== undefined) lines.push(`${i + 1}. ${citationLine(first)}`);
    for (const other of others) lines.push(`   also: ${citationLine(other)}`);
  });
  return lines.join('\n');
}
