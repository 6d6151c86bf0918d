import type { ArticleMeta } from '../corpus/types.js';
import { formatResolvedDate, parseIsoDay } from '../language/dateResolution.js';
import { ELLIPSIS, truncate } from '../text/truncate.js';

/**
 * How an article is named where it is cited: a reader's label, never its file id. The name is its
 * title; else its publisher and date; else the first words of its first sentence. Beside the name,
 * the publisher and the date when known (and not in the name already), and its link when known.
 * Everything is shortened here, once: a renderer shows the label as it is.
 */
export interface ArticleLabel {
  /** "Lee visits Beijing seeking stronger ties…", "Yonhap, 4 January 2026", "“South Korean President Lee Jae Myung will…”". Plain text. */
  name: string;
  /** Where the name comes from. */
  from: 'title' | 'publisher' | 'first-words';
  /** The publisher, when known and not already the name. */
  publisher: string | null;
  /** The publication date, when known and not already in the name: "4 January 2026", "30 December 2025 (inferred)". */
  date: string | null;
  /** The article's link, when known (and short enough to be a link one can follow). */
  url: string | null;
}

/** A title (or headline) longer than this is shortened at a word. */
export const MAX_TITLE_LENGTH = 90;
/** A publisher's name longer than this is shortened at a word. */
export const MAX_PUBLISHER_LENGTH = 60;
/** At most this many words of the first sentence name an article with neither title nor publisher. */
export const FIRST_WORDS = 8;
/** …and at most this many characters of them. */
export const MAX_FIRST_WORDS_LENGTH = 70;
/** A link longer than this is left out (shown cut, it would lead nowhere). */
export const MAX_URL_LENGTH = 500;

/** What the label is made from: an article's metadata and headline, and its first sentence. */
export interface LabelledArticle {
  meta: Pick<ArticleMeta, 'title' | 'source' | 'url' | 'published' | 'publishedInferred'>;
  headline: string | null;
}

/** Text on one line, runs of white space as one space; null when nothing is left. */
function oneLine(text: string | null): string | null {
  if (text === null) return null;
  const line = text.replace(/\s+/g, ' ').trim();
  return line.length > 0 ? line : null;
}

/** An ISO date as a reader writes it ("2026-01-04" → "4 January 2026"); anything else as given. */
function readableDate(iso: string): string {
  const day = parseIsoDay(iso);
  return day === null ? iso : formatResolvedDate({ granularity: 'day', start: day, end: null });
}

/** The publication date to show: as published, else as inferred from the text (marked so), else null. */
export function labelDate(meta: LabelledArticle['meta']): string | null {
  const published = oneLine(meta.published);
  if (published !== null) return readableDate(published);
  const inferred = oneLine(meta.publishedInferred);
  return inferred === null ? null : `${readableDate(inferred)} (inferred)`;
}

/** “The first words of a sentence…”, in quotes, at most FIRST_WORDS words and MAX_FIRST_WORDS_LENGTH characters. */
export function firstWords(sentence: string): string {
  const words = sentence.split(' ');
  const cut = words.length > FIRST_WORDS;
  let opening = cut
    ? `${words
        .slice(0, FIRST_WORDS)
        .join(' ')
        .replace(/[\s,;:–—-]+$/u, '')}${ELLIPSIS}`
    : sentence;
  // Two more characters for the quotes.
  opening = truncate(opening, MAX_FIRST_WORDS_LENGTH - 2);
  return `“${opening}”`;
}

/** Whether an article is named by the first words of its first sentence: it has neither title nor publisher. */
export function namedByFirstWords(article: LabelledArticle): boolean {
  return oneLine(article.meta.title) === null && oneLine(article.headline) === null && oneLine(article.meta.source) === null;
}

/**
 * The label of an article. `firstSentence` is its first sentence; it is only read when the article
 * is named by it (namedByFirstWords), so a caller may pass null otherwise.
 */
export function articleLabel(article: LabelledArticle, firstSentence: string | null): ArticleLabel {
  const title = oneLine(article.meta.title) ?? oneLine(article.headline);
  const publisher = oneLine(article.meta.source);
  const date = labelDate(article.meta);
  const url = oneLine(article.meta.url);
  const link = url !== null && url.length <= MAX_URL_LENGTH ? url : null;
  const shortPublisher = publisher === null ? null : truncate(publisher, MAX_PUBLISHER_LENGTH);
  if (title !== null) {
    return { name: truncate(title, MAX_TITLE_LENGTH), from: 'title', publisher: shortPublisher, date, url: link };
  }
  if (shortPublisher !== null) {
    return {
      name: date === null ? shortPublisher : `${shortPublisher}, ${date}`,
      from: 'publisher',
      publisher: null,
      date: null,
      url: link,
    };
  }
  const opening = oneLine(firstSentence);
  return { name: opening === null ? 'an untitled article' : firstWords(opening), from: 'first-words', publisher: null, date, url: link };
}

/** The label as plain text: "Name · Publisher · 4 January 2026" with whatever is known (no link). */
export function labelText(label: ArticleLabel): string {
  return [label.name, label.publisher, label.date].filter((part) => part !== null).join(' · ');
}
