// A tiny web site on 127.0.0.1 for the tests of /corpus add url:<link>: an article wrapped in heavy
// page furniture, a page with no article, redirects (one to a refused address, one in a loop), a
// JSON document, an endless body and a page that never answers. Requests are recorded.

import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { gzipSync } from 'node:zlib';

export const ARTICLE_TITLE = 'Lee and Xi agree on a maritime hotline';
export const ARTICLE_PUBLISHER = 'Harbour Post';
export const ARTICLE_DATE = '2026-01-06';
/** The article's paragraphs: what must become sentences. */
export const ARTICLE_PARAGRAPHS = [
  'BEIJING: South Korean President Lee Jae Myung and Chinese President Xi Jinping agreed on Tuesday to open a maritime hotline between their coast guards in the Yellow Sea.',
  'The hotline will link the coast guard commands in Incheon and Qingdao, officials from both governments said after the talks.',
  'Lee told reporters that the Qingdao link would help fishing boats and patrol ships avoid clashes during the crab season.',
  'Both leaders also asked their trade ministers to meet again before the end of March.',
];
/** Page furniture around it: none of these may become a sentence. */
export const FURNITURE = [
  'We use cookies to improve your experience on our site.',
  'Accept all cookies',
  'Share on Facebook',
  'Sign up for our morning newsletter and never miss a story.',
  'Home',
  'World news',
  'Published: January 6, 2026',
  'Read more: Lee lands in Beijing',
  'Copyright 2026 Harbour Post. All rights reserved.',
];

export function articlePage(): string {
  return `<!doctype html>
<html lang="en"><head>
<meta charset="utf-8">
<title>${ARTICLE_TITLE} | ${ARTICLE_PUBLISHER}</title>
<meta property="og:site_name" content="${ARTICLE_PUBLISHER}">
<meta property="og:title" content="${ARTICLE_TITLE}">
<meta property="article:published_time" content="${ARTICLE_DATE}T08:30:00+09:00">
<script>window.tracking = "We use cookies. This script text is not an article.";</script>
</head><body>
<div id="cookie-banner" class="cookie-consent"><p>${FURNITURE[0]}</p><button>${FURNITURE[1]}</button></div>
<header class="site-header"><a href="/">${ARTICLE_PUBLISHER}</a><nav><ul><li><a href="/">${FURNITURE[4]}</a></li><li><a href="/world">${FURNITURE[5]}</a></li></ul></nav></header>
<main><article>
<h1>${ARTICLE_TITLE}</h1>
<p class="meta">${FURNITURE[6]}</p>
<div class="share-bar"><a href="#">${FURNITURE[2]}</a> <a href="#">Share on X</a></div>
${ARTICLE_PARAGRAPHS.map((p) => `<p>${p}</p>`).join('\n')}
<p><a href="/lee-lands">${FURNITURE[7]}</a></p>
<div class="newsletter-signup"><p>${FURNITURE[3]}</p><form><input name="email"><button>Subscribe</button></form></div>
</article></main>
<aside><h2>Most read</h2><ul><li><a href="/a">Markets rally on trade hopes</a></li><li><a href="/b">Weather: snow in Seoul</a></li></ul></aside>
<footer><p>${FURNITURE[8]}</p></footer>
</body></html>`;
}

/** A section front: links and headings, no paragraph of prose. */
export function indexPage(): string {
  return `<!doctype html><html><head><title>World | ${ARTICLE_PUBLISHER}</title></head><body>
<nav><a href="/">Home</a> <a href="/world">World</a></nav>
<main><h1>World</h1><ul>
<li><a href="/a">Lee and Xi agree on a hotline</a></li><li><a href="/b">Markets rally</a></li><li><a href="/c">Snow in Seoul</a></li>
</ul></main></body></html>`;
}

export interface PageServer {
  /** http://127.0.0.1:PORT */
  origin: string;
  port: number;
  /** Every request's path and Host header, in order. */
  requests: Array<{ path: string; host: string | undefined }>;
  close(): Promise<void>;
}

/** Bytes the endless page sends at most (far above any cap a test sets), so the server stops by itself. */
const ENDLESS_LIMIT_BYTES = 64 * 1024 * 1024;

export async function startPageServer(): Promise<PageServer> {
  const requests: PageServer['requests'] = [];
  const hanging = new Set<http.ServerResponse>();
  const server = http.createServer((req, res) => {
    const path = req.url ?? '/';
    requests.push({ path, host: req.headers.host });
    const html = (body: string) => res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(body);
    switch (path) {
      case '/article':
        return html(articlePage());
      case '/index':
        return html(indexPage());
      case '/redirect':
        return res.writeHead(302, { location: '/article' }).end();
      case '/redirect-twice':
        return res.writeHead(301, { location: `http://127.0.0.1:${port}/redirect` }).end();
      case '/redirect-refused':
        // 127.0.0.2 is loopback but not in the tests' allow-list (127.0.0.1 only): refused before any connection.
        return res.writeHead(302, { location: `http://127.0.0.2:${port}/article` }).end();
      case '/loop':
        return res.writeHead(302, { location: '/loop' }).end();
      case '/data.json':
        return res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ title: ARTICLE_TITLE }));
      case '/missing':
        return res.writeHead(404, { 'content-type': 'text/html' }).end('<p>Not here</p>');
      case '/huge': {
        // No Content-Length: the cap must be enforced while the body arrives.
        res.writeHead(200, { 'content-type': 'text/html' });
        const chunk = Buffer.from(`<p>${'Lee and Xi met again. '.repeat(2_900)}</p>\n`);
        let sent = 0;
        const pump = () => {
          while (sent < ENDLESS_LIMIT_BYTES && !res.destroyed) {
            sent += chunk.length;
            if (!res.write(chunk)) return void res.once('drain', pump);
          }
          res.end();
        };
        pump();
        return;
      }
      case '/huge-declared':
        res.writeHead(200, { 'content-type': 'text/html', 'content-length': String(ENDLESS_LIMIT_BYTES) });
        return res.end();
      case '/gzip':
        return res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'content-encoding': 'gzip' }).end(gzipSync(articlePage()));
      case '/gzip-bomb':
        // 32 MB of spaces, sent as a few dozen KB: the cap counts what it unpacks to.
        return res
          .writeHead(200, { 'content-type': 'text/html', 'content-encoding': 'gzip' })
          .end(gzipSync(Buffer.alloc(32 * 1024 * 1024, 0x20)));
      case '/never':
        hanging.add(res);
        return;
      default:
        return res.writeHead(404).end();
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${port}`,
    port,
    requests,
    async close() {
      for (const res of hanging) res.destroy();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
