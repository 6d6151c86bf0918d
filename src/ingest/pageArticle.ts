/**
 * A web page as an article to add: fetched (fetchPage), decoded, extracted (extractArticle), then
 * laid out as the `.txt` text the corpus would store, with its metadata and the sentences the corpus
 * would split it into (counted by the corpus's own parser, so the preview says what will be added).
 */
import { CorpusFileError } from '../corpus/corpusFileError.js';
import { errorMessage } from '../corpus/frontMatter.js';
import { parseArticle } from '../corpus/loadCorpus.js';
import { decodeHtml } from './decodeHtml.js';
import type { ExtractedArticle } from './extractArticle.js';
import { extractArticleInWorker } from './extractInWorker.js';
import { fetchPage, type FetchPageOptions } from './fetchPage.js';
import { IngestError } from './ingestError.js';

/** How many sentences a preview shows. */
export const PREVIEW_SENTENCES = 3;

/** A fetched page's article, before the moderator's metadata is applied. */
export interface FetchedArticle extends ExtractedArticle {
  /** The link as given. */
  link: string;
  /** Where the page was read from, after redirects. */
  fetchedFrom: string;
}

/** Metadata the moderator gave; each field given replaces what the page says. */
export interface MetaOverrides {
  title?: string | null;
  source?: string | null;
  url?: string | null;
  published?: string | null;
}

export interface PageArticle {
  link: string;
  fetchedFrom: string;
  meta: { title: string | null; source: string | null; url: string; published: string | null };
  /** The article file's text: the page's title as the first line, then the paragraphs. */
  text: string;
  sentenceCount: number;
  /** The first few sentences after the headline. */
  firstSentences: string[];
  /** Every sentence after the headline, as the corpus will split them. */
  sentences: string[];
  /** How many over-long sentences the corpus will cut into pieces (see longSentences.ts). */
  longSentencesCut: number;
}

/**
 * Fetches a page and extracts its article (on a worker thread, within the same time limit again).
 * @throws IngestError saying why the page cannot be an article.
 */
export async function fetchArticle(link: string, options: FetchPageOptions): Promise<FetchedArticle> {
  const page = await fetchPage(link, options);
  const extracted = await extractArticleInWorker(decodeHtml(page.body, page.charset), options.timeoutMs);
  return { ...extracted, link: link.trim(), fetchedFrom: page.url };
}

/** The article file's text: the page's title as the first line, then the paragraphs. */
export function articleFileText(fetched: FetchedArticle): string {
  return `${fetched.title === null ? '' : `${fetched.title}\n\n`}${fetched.text}\n`;
}

/**
 * The article to add: its text, its metadata (the moderator's fields over the page's), its sentences.
 * @throws IngestError('no-article') when the corpus would find no sentence in it.
 */
export function pageArticle(fetched: FetchedArticle, overrides: MetaOverrides = {}): PageArticle {
  const text = articleFileText(fetched);
  let sentences;
  let longSentencesCut;
  try {
    ({ sentences, longSentencesCut } = parseArticle({ id: 'page', file: 'page.txt', content: text }));
  } catch (error) {
    const reason = error instanceof CorpusFileError ? error.reason : errorMessage(error);
    throw new IngestError('no-article', `the page's text cannot be an article: ${reason}`, { cause: error });
  }
  const given = (value: string | null | undefined) => (value == null || value.trim() === '' ? null : value.trim());
  return {
    link: fetched.link,
    fetchedFrom: fetched.fetchedFrom,
    meta: {
      title: given(overrides.title) ?? fetched.title,
      source: given(overrides.source) ?? fetched.publisher,
      url: given(overrides.url) ?? fetched.link,
      published: given(overrides.published) ?? fetched.published,
    },
    text,
    sentenceCount: sentences.length,
    firstSentences: sentences
      .filter((s) => !s.isHeadline)
      .slice(0, PREVIEW_SENTENCES)
      .map((s) => s.text),
    sentences: sentences.filter((s) => !s.isHeadline).map((s) => s.text),
    longSentencesCut,
  };
}
