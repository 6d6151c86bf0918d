// Fetching and extracting articles from pages served on 127.0.0.1 (allow-listed here, as in the
// bot's test configuration), and refusing everything else with a reason.

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseArticle } from '../../src/corpus/loadCorpus.js';
import { AddressPolicy } from '../../src/ingest/addressPolicy.js';
import { fetchPage, type FetchPageOptions } from '../../src/ingest/fetchPage.js';
import { IngestError, type IngestFailure } from '../../src/ingest/ingestError.js';
import { fetchArticle, pageArticle } from '../../src/ingest/pageArticle.js';
import {
  ARTICLE_DATE,
  ARTICLE_PARAGRAPHS,
  ARTICLE_PUBLISHER,
  ARTICLE_TITLE,
  FURNITURE,
  startPageServer,
  type PageServer,
} from '../support/pageServer.js';

let site: PageServer;
const options = (overrides: Partial<FetchPageOptions> = {}): FetchPageOptions => ({
  policy: new AddressPolicy(['127.0.0.1']),
  maxBytes: 1024 * 1024,
  timeoutMs: 10_000,
  ...overrides,
});

beforeAll(async () => {
  site = await startPageServer();
});
afterAll(async () => {
  await site?.close();
});

async function failure(promise: Promise<unknown>): Promise<IngestError> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(IngestError);
  return error as IngestError;
}

describe('fetchArticle', () => {
  it('extracts the title, publisher, date and paragraphs of an article wrapped in page furniture', async () => {
    const article = await fetchArticle(`${site.origin}/article`, options());
    expect(article.title).toBe(ARTICLE_TITLE);
    expect(article.publisher).toBe(ARTICLE_PUBLISHER);
    expect(article.published).toBe(ARTICLE_DATE);
    for (const paragraph of ARTICLE_PARAGRAPHS) expect(article.text).toContain(paragraph);
    expect(article.fetchedFrom).toBe(`${site.origin}/article`);
  });

  it('keeps boilerplate out of the sentences the corpus will hold', async () => {
    const preview = pageArticle(await fetchArticle(`${site.origin}/article`, options()));
    const sentences = parseArticle({ id: 'page', file: 'page.txt', content: preview.text }).sentences.map((s) => s.text);
    for (const furniture of FURNITURE) {
      for (const sentence of sentences) expect(sentence, furniture).not.toContain(furniture);
    }
    // The title line plus one sentence per paragraph sentence, nothing else.
    expect(preview.sentenceCount).toBe(1 + ARTICLE_PARAGRAPHS.length);
    expect(preview.firstSentences).toEqual(ARTICLE_PARAGRAPHS.slice(0, 3));
  });

  it("lets the moderator's metadata replace the page's", async () => {
    const fetched = await fetchArticle(`${site.origin}/article`, options());
    const preview = pageArticle(fetched, { title: 'A hotline at sea', source: 'Wire', published: '2026-01-07', url: null });
    expect(preview.meta).toEqual({ title: 'A hotline at sea', source: 'Wire', url: `${site.origin}/article`, published: '2026-01-07' });
    const plain = pageArticle(fetched, {});
    expect(plain.meta).toEqual({ title: ARTICLE_TITLE, source: ARTICLE_PUBLISHER, url: `${site.origin}/article`, published: ARTICLE_DATE });
  });

  it('follows redirects, checking each hop, and reads the page where they lead', async () => {
    const article = await fetchArticle(`${site.origin}/redirect-twice`, options());
    expect(article.title).toBe(ARTICLE_TITLE);
    expect(article.fetchedFrom).toBe(`${site.origin}/article`);
    expect(article.link).toBe(`${site.origin}/redirect-twice`);
  });

  it.each<[string, IngestFailure, string]>([
    ['/index', 'no-article', 'no article text'],
    ['/data.json', 'not-html', 'application/json'],
    ['/missing', 'http-status', 'HTTP 404'],
    ['/loop', 'too-many-redirects', 'redirects'],
    ['/redirect-refused', 'refused-address', '127.0.0.2 is a loopback address'],
  ])('refuses %s (%s) with a reason', async (path, kind, words) => {
    const error = await failure(fetchArticle(`${site.origin}${path}`, options()));
    expect(error.kind).toBe(kind);
    expect(error.message).toContain(words);
  });

  it('never requests the refused address a redirect points to', async () => {
    const before = site.requests.length;
    await failure(fetchArticle(`${site.origin}/redirect-refused`, options()));
    expect(site.requests.slice(before).map((r) => r.host)).toEqual([`127.0.0.1:${site.port}`]);
  });

  it('stops a body without Content-Length as soon as it passes the cap', async () => {
    const error = await failure(fetchPage(`${site.origin}/huge`, options({ maxBytes: 200_000 })));
    expect(error.kind).toBe('too-big');
    expect(error.message).toContain('195 KB');
  });

  it('reads a gzip-compressed page, and counts the cap on what it unpacks to', async () => {
    expect((await fetchArticle(`${site.origin}/gzip`, options())).title).toBe(ARTICLE_TITLE);
    const error = await failure(fetchPage(`${site.origin}/gzip-bomb`, options({ maxBytes: 1024 * 1024 })));
    expect(error.kind).toBe('too-big');
  });

  it('refuses a body whose declared length is over the cap before reading it', async () => {
    const error = await failure(fetchPage(`${site.origin}/huge-declared`, options({ maxBytes: 200_000 })));
    expect(error.kind).toBe('too-big');
    expect(error.message).toContain('64 MB');
  });

  it('gives up on a page that does not arrive in time', async () => {
    const error = await failure(fetchPage(`${site.origin}/never`, options({ timeoutMs: 300 })));
    expect(error.kind).toBe('timeout');
  });

  it('refuses a loopback link when the allow-list does not name it, without connecting', async () => {
    const before = site.requests.length;
    for (const link of [
      `${site.origin}/article`,
      `http://[::1]:${site.port}/article`,
      `http://[::ffff:127.0.0.1]:${site.port}/article`,
      `http://2130706433:${site.port}/article`,
      // IPv4-compatible IPv6, which the URL parser writes as [::7f00:1].
      `http://[::127.0.0.1]:${site.port}/article`,
      `http://[64:ff9b::127.0.0.1]:${site.port}/article`,
    ]) {
      const error = await failure(fetchPage(link, options({ policy: new AddressPolicy() })));
      expect(error.kind, link).toBe('refused-address');
      expect(error.message, link).toMatch(/loopback|embeds 127\.0\.0\.1/);
    }
    expect(site.requests.length).toBe(before);
  });

  it('refuses a host name any of whose addresses is refused, and connects to the address it checked', async () => {
    const lookup = async (hostname: string) =>
      hostname === 'news.test' ? [{ address: '127.0.0.1' }] : [{ address: '127.0.0.1' }, { address: '10.0.0.1' }];
    // news.test does not exist in DNS: the page can only come from the address the lookup gave.
    const page = await fetchPage(`http://news.test:${site.port}/article`, options({ lookup }));
    expect(page.body.toString()).toContain(ARTICLE_TITLE);
    expect(site.requests.at(-1)?.host).toBe(`news.test:${site.port}`);
    const error = await failure(fetchPage(`http://mixed.test:${site.port}/article`, options({ lookup })));
    expect(error.kind).toBe('refused-address');
    expect(error.message).toContain('10.0.0.1 is a private address');
  });

  it.each(['ftp://127.0.0.1/article', 'file:///etc/passwd', 'javascript:alert(1)', 'not a link', 'http://user:secret@127.0.0.1/'])(
    'refuses the link %s',
    async (link) => {
      expect((await failure(fetchPage(link, options()))).kind).toBe('bad-url');
    },
  );
});
