import { describe, expect, it } from 'vitest';
import { decodeHtml } from '../../src/ingest/decodeHtml.js';
import { extractArticle, isoDay } from '../../src/ingest/extractArticle.js';
import { extractArticleInWorker } from '../../src/ingest/extractInWorker.js';
import { IngestError } from '../../src/ingest/ingestError.js';
import { ARTICLE_PARAGRAPHS, ARTICLE_TITLE, articlePage } from '../support/pageServer.js';

describe('extractArticle', () => {
  it('reads an article from a page wrapped whole in a form (as some site builders do)', () => {
    const page = articlePage().replace('<body>', '<body><form id="page-form" action="/post">').replace('</body>', '</form></body>');
    const article = extractArticle(page);
    expect(article.title).toBe(ARTICLE_TITLE);
    for (const paragraph of ARTICLE_PARAGRAPHS) expect(article.text).toContain(paragraph);
  });

  it('keeps paragraphs apart and does not repeat the title in the text', () => {
    const article = extractArticle(articlePage());
    const lines = article.text.split('\n\n');
    for (const paragraph of ARTICLE_PARAGRAPHS) expect(lines).toContain(paragraph);
    expect(lines).not.toContain(ARTICLE_TITLE);
  });

  it('refuses a page without a paragraph of prose', () => {
    expect(() => extractArticle('<html><body><h1>Hello</h1><p>Short.</p></body></html>')).toThrow(/no article text/);
    expect(() => extractArticle('')).toThrow(/no article text/);
  });
});

describe('extractArticleInWorker', () => {
  it('gives what extractArticle gives, off the main thread', async () => {
    expect(await extractArticleInWorker(articlePage(), 30_000)).toEqual(extractArticle(articlePage()));
  });

  it('passes on a refusal with its kind', async () => {
    const error = await extractArticleInWorker('<html><body><p>Short.</p></body></html>', 30_000).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(IngestError);
    expect((error as IngestError).kind).toBe('no-article');
  });

  it('stops a worker that takes longer than its time', async () => {
    const error = await extractArticleInWorker(articlePage(), 1).catch((e: unknown) => e);
    expect((error as IngestError).kind).toBe('timeout');
  });
});

describe('decodeHtml', () => {
  it('uses the charset of the header, else of the page, else UTF-8', () => {
    const latin1 = Buffer.from('<meta charset="windows-1252"><p>Caf\u00e9 talks</p>', 'latin1');
    expect(decodeHtml(latin1, null)).toContain('Café talks');
    expect(decodeHtml(Buffer.from('<p>Café</p>', 'latin1'), 'iso-8859-1')).toContain('Café');
    expect(decodeHtml(Buffer.from('<p>Café</p>', 'utf8'), null)).toContain('Café');
    expect(decodeHtml(Buffer.from('<p>Café</p>', 'utf8'), 'no-such-charset')).toContain('Café');
  });
});

describe('isoDay', () => {
  it.each([
    ['2026-01-06T08:30:00+09:00', '2026-01-06'],
    ['2026-01-06', '2026-01-06'],
    ['Tue, 06 Jan 2026 08:30:00 GMT', '2026-01-06'],
    ['2026-02-30', null],
    ['yesterday', null],
    [null, null],
  ])('%s → %s', (value, day) => {
    expect(isoDay(value)).toBe(day);
  });
});
