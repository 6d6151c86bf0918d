import type { Answer, Citation, Excerpt } from './types.js';

/**
 * The reply as plain Markdown text: what the console prints and what Discord shows as the message
 * content. Bold marks the short answer; quoted lines are the verbatim sentences.
 */

/** Escapes Discord Markdown so that text shows as written (a query, an article's words). */
export function escapeMarkdown(text: string): string {
  return text.replace(/([\\*_~`|[\]])/g, '\\$1').replace(/^([>#-])/gm, '\\$1').replace(/@/g, '@\u200b');
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
  const parts = [citation.title ?? `article ${citation.articleId}`];
  if (citation.source !== null) parts.push(citation.source);
  if (citation.url !== null) parts.push(`<${citation.url}>`);
  parts.push(`sentence ${citation.position}`);
  return parts.join(' · ');
}

export function notFoundText(answer: Answer): string {
  const articles = answer.articleCount === 1 ? '1 article' : `${answer.articleCount} articles`;
  return `I found nothing about “${escapeMarkdown(answer.question.query || answer.question.text)}” in the corpus (${articles} searched).`;
}

export function renderAnswerText(answer: Answer): string {
  if (answer.status === 'not-found') return notFoundText(answer);
  const lines: string[] = [];
  lines.push(answer.answer === null ? 'No short answer; the closest sentences:' : `**${escapeMarkdown(answer.answer)}**`);
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
