import { formatResolvedDate } from '../language/dateResolution.js';
import { displayText } from './displayText.js';
import type { Answer, Citation, Excerpt } from './types.js';
import { truncate } from '../text/truncate.js';

/**
 * The reply as Markdown text, in Discord's flavour: what the console and `ask` print (its JSON
 * `reply`), showing what the Discord reply's embed shows, and the pieces both are made of (escaping,
 * the highlighted sentence, a citation from its article's label). Bold marks the short answer;
 * quoted lines are the verbatim sentences.
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
  return escapeLiveSyntax(
    displayText(text)
      .replace(/([\\*_~`|[\]])/g, '\\$1')
      .replace(/^([>#-])/gm, '\\$1'),
  );
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

/**
 * A URL safe inside Markdown's `[text](url)` and `<url>`: spaces, parentheses and angle brackets
 * percent-encoded, and `@` too, so that a link can carry no mention syntax (`…/@everyone/<@123>`).
 * (A URL with credentials, `user@host`, is not a news link; it would be shown mangled.)
 */
export function markdownUrl(url: string): string {
  return url.replace(/[\s()<>@\p{Cc}\u202a-\u202e\u2066-\u2069]/gu, (c) => encodeURIComponent(c));
}

/** A link as the text shows it: `<url>` (Discord shows no preview for it). */
function angleLink(url: string): string {
  return `<${url}>`;
}

/**
 * A citation in Markdown, from its article's label: "Name · Publisher · 4 January 2026 · <url> ·
 * sentence 16" with whatever is known, every word of the article escaped. `withName: false` leaves
 * the name out (where it is shown already, as an embed field's name); `link` writes the (Markdown-
 * safe) URL, `<url>` by default; null leaves the link out.
 */
export function citationMarkdown(
  citation: Citation,
  options: { withName?: boolean; link?: ((url: string) => string) | null } = {},
): string {
  const { label } = citation;
  const parts: string[] = [];
  if (options.withName !== false) parts.push(escapeMarkdown(label.name));
  if (label.publisher !== null) parts.push(escapeMarkdown(label.publisher));
  if (label.date !== null) parts.push(escapeMarkdown(label.date));
  const link = options.link === undefined ? angleLink : options.link;
  if (label.url !== null && link !== null) parts.push(link(markdownUrl(label.url)));
  parts.push(`sentence ${citation.position}`);
  return parts.join(' · ');
}

/** At most this many other articles saying the same are cited under an excerpt; the rest are counted. */
export const MAX_ALSO_CITATIONS = 3;

/** The other articles that say the same as an excerpt's first: those cited, and how many more there are. */
export function alsoCitations(excerpt: Excerpt): { cited: Citation[]; more: number } {
  const others = excerpt.citations.slice(1);
  return { cited: others.slice(0, MAX_ALSO_CITATIONS), more: Math.max(0, others.length - MAX_ALSO_CITATIONS) };
}

/** "also in 2 more articles". */
export function moreArticlesText(more: number): string {
  return `also in ${more} more article${more === 1 ? '' : 's'}`;
}

/** What an answer without a short answer says in its place (the embed's title, the text's first line). */
export const NO_SHORT_ANSWER = 'No short answer: the closest sentences';

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

/**
 * The reply as Markdown text: what `ask` prints and its JSON `reply` gives. It shows what the
 * Discord reply's embed shows, in the same order: the short answer (bold) and its date, then each
 * excerpt (its context sentence in italics, the sentence with the answer in bold) and its citation,
 * each once.
 */
export function renderAnswerText(answer: Answer): string {
  if (answer.status === 'not-found') return notFoundText(answer);
  const lines: string[] = [];
  lines.push(answer.answer === null ? `${NO_SHORT_ANSWER}:` : `**${escapeMarkdown(answer.answer)}**${answerDateSuffix(answer)}`);
  answer.excerpts.forEach((excerpt, i) => {
    lines.push('');
    if (excerpt.context !== null) lines.push(`> _${escapeMarkdown(excerpt.context)}_`);
    lines.push(`> ${highlightedText(excerpt)}`);
    const [first] = excerpt.citations;
    if (first !== undefined) lines.push(`${i + 1}. ${citationMarkdown(first)}`);
    const { cited, more } = alsoCitations(excerpt);
    for (const other of cited) lines.push(`   also: ${citationMarkdown(other)}`);
    if (more > 0) lines.push(`   ${moreArticlesText(more)}`);
  });
  return lines.join('\n');
}
