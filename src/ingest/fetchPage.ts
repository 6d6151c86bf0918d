/**
 * Fetching a web page safely for /corpus add url:<link>:
 * - http and https only, no user name or password in the link;
 * - the host name is resolved here, every address it resolves to is checked (AddressPolicy), and
 *   the connection goes to the address that was checked (the request names it, with the host name
 *   kept for the Host header and TLS), so a second DNS answer cannot swap in another address;
 * - redirects are followed by hand, each hop checked again the same way, at most MAX_REDIRECTS;
 * - the body is counted while it arrives (after decompression), and the download stops as soon as
 *   it passes the size cap; one time-out covers everything, redirects included;
 * - only HTML (text/html, application/xhtml+xml) is accepted.
 */
import { lookup as dnsLookup } from 'node:dns/promises';
import http from 'node:http';
import https from 'node:https';
import { isIP } from 'node:net';
import type { Readable } from 'node:stream';
import zlib from 'node:zlib';
import { formatBytes } from '../corpus/byteSize.js';
import { errorMessage } from '../corpus/frontMatter.js';
import type { AddressPolicy } from './addressPolicy.js';
import { IngestError } from './ingestError.js';

/** How many redirects a fetch follows before giving up. */
export const MAX_REDIRECTS = 5;
const REDIRECT_STATUSES: ReadonlySet<number> = new Set([301, 302, 303, 307, 308]);
const HTML_TYPES: ReadonlySet<string> = new Set(['text/html', 'application/xhtml+xml']);
const USER_AGENT = 'visit-qa-bot/0.1 (corpus ingest)';

/** Resolves a host name to all its addresses (node:dns lookup by default; tests replace it). */
export type HostLookup = (hostname: string) => Promise<ReadonlyArray<{ address: string }>>;

export interface FetchPageOptions {
  policy: AddressPolicy;
  /** The most bytes the page may have, counted as they arrive (after decompression). */
  maxBytes: number;
  /** How long the whole fetch may take, redirects included. */
  timeoutMs: number;
  maxRedirects?: number;
  lookup?: HostLookup;
}

export interface FetchedPage {
  /** The address the page was finally read from (after redirects). */
  url: string;
  /** How many redirects led there. */
  redirects: number;
  /** The media type, e.g. text/html. */
  contentType: string;
  /** The charset the response declared, if any. */
  charset: string | null;
  body: Buffer;
}

const defaultLookup: HostLookup = (hostname) => dnsLookup(hostname, { all: true, verbatim: true });

/** The link as a URL, if it is an http(s) link without credentials. */
export function parseLink(link: string): URL {
  let url: URL;
  try {
    url = new URL(link.trim());
  } catch {
    throw new IngestError('bad-url', `${JSON.stringify(link)} is not a web address`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new IngestError('bad-url', `only http and https links can be fetched, not ${url.protocol.replace(/:$/, '')}`);
  }
  if (url.username !== '' || url.password !== '') throw new IngestError('bad-url', 'links with a user name or password are not fetched');
  return url;
}

/**
 * Fetches an HTML page within the limits.
 * @throws IngestError saying why not: bad link, refused address, HTTP status, too many redirects,
 *   not HTML, too big, time-out, or the network.
 */
export async function fetchPage(link: string, options: FetchPageOptions): Promise<FetchedPage> {
  const signal = AbortSignal.timeout(options.timeoutMs);
  let url = parseLink(link);
  const maxRedirects = options.maxRedirects ?? MAX_REDIRECTS;
  try {
    for (let redirects = 0; ; redirects++) {
      const address = await withSignal(checkedAddress(url, options), signal);
      const outcome = await requestOnce(url, address, options.maxBytes, signal);
      if (outcome.kind === 'page') return { ...outcome.page, url: url.href, redirects };
      if (redirects >= maxRedirects) throw new IngestError('too-many-redirects', `more than ${maxRedirects} redirects`);
      url = parseLink(new URL(outcome.location, url).href);
    }
  } catch (error) {
    if (error instanceof IngestError) throw error;
    if (signal.aborted)
      throw new IngestError('timeout', `the page did not arrive within ${formatSeconds(options.timeoutMs)}`, { cause: error });
    throw new IngestError('unreachable', `could not fetch ${url.host}: ${errorMessage(error)}`, { cause: error });
  }
}

/** The address to connect to for `url`: the IP in the link, or the host's first address, once every one is allowed. */
async function checkedAddress(url: URL, options: FetchPageOptions): Promise<string> {
  const host = bareHost(url);
  if (isIP(host) !== 0) {
    const refusal = options.policy.refusal(host);
    if (refusal !== null) throw new IngestError('refused-address', `${url.host} is not fetched: ${refusal}`);
    return host;
  }
  const addresses = await (options.lookup ?? defaultLookup)(host);
  if (addresses.length === 0) throw new IngestError('unreachable', `${host} has no address`);
  for (const { address } of addresses) {
    const refusal = options.policy.refusal(address);
    if (refusal !== null) throw new IngestError('refused-address', `${host} is not fetched: it resolves to ${refusal}`);
  }
  return (addresses[0] as { address: string }).address;
}

/** The URL's host name without IPv6 brackets. */
function bareHost(url: URL): string {
  return url.hostname.replace(/^\[(.*)\]$/, '$1');
}

type Outcome = { kind: 'redirect'; location: string } | { kind: 'page'; page: Omit<FetchedPage, 'url' | 'redirects'> };

/** One GET to `address`, speaking to it as `url`'s host. */
async function requestOnce(url: URL, address: string, maxBytes: number, signal: AbortSignal): Promise<Outcome> {
  const host = bareHost(url);
  const secure = url.protocol === 'https:';
  const response = await new Promise<http.IncomingMessage>((resolve, reject) => {
    const request = (secure ? https : http).request({
      host: address,
      port: url.port === '' ? (secure ? 443 : 80) : Number(url.port),
      path: `${url.pathname}${url.search}`,
      method: 'GET',
      headers: {
        host: url.host,
        'user-agent': USER_AGENT,
        accept: 'text/html,application/xhtml+xml;q=0.9,*/*;q=0.1',
        'accept-encoding': 'gzip, deflate, br',
      },
      // TLS checks the certificate against the host name, not the address connected to.
      ...(secure && isIP(host) === 0 ? { servername: host } : {}),
      agent: false,
      signal,
    });
    request.once('response', resolve);
    request.once('error', reject);
    request.end();
  });

  const status = response.statusCode ?? 0;
  const location = response.headers.location;
  if (REDIRECT_STATUSES.has(status) && location !== undefined) {
    response.destroy();
    return { kind: 'redirect', location };
  }
  if (status < 200 || status > 299) {
    response.destroy();
    throw new IngestError('http-status', `the page answered HTTP ${status}${response.statusMessage ? ` ${response.statusMessage}` : ''}`);
  }
  const { mediaType, charset } = parseContentType(response.headers['content-type']);
  if (!HTML_TYPES.has(mediaType)) {
    response.destroy();
    throw new IngestError('not-html', `not a web page: the address serves ${mediaType === '' ? 'no content type' : mediaType}, not HTML`);
  }
  const declared = Number(response.headers['content-length'] ?? NaN);
  if (declared > maxBytes) {
    response.destroy();
    throw new IngestError('too-big', `the page is ${formatBytes(declared)}; at most ${formatBytes(maxBytes)} is fetched`);
  }
  const body = await readCapped(decoded(response), maxBytes, () => response.destroy());
  return { kind: 'page', page: { contentType: mediaType, charset, body } };
}

/** The response body, decompressed as its Content-Encoding says. */
function decoded(response: http.IncomingMessage): Readable {
  const encoding = (response.headers['content-encoding'] ?? '').trim().toLowerCase();
  const decoder =
    encoding === 'gzip' || encoding === 'x-gzip'
      ? zlib.createGunzip()
      : encoding === 'deflate'
        ? zlib.createInflate()
        : encoding === 'br'
          ? zlib.createBrotliDecompress()
          : null;
  if (encoding !== '' && encoding !== 'identity' && decoder === null) {
    response.destroy();
    throw new IngestError('unreachable', `the page is sent with an unknown encoding (${encoding})`);
  }
  if (decoder === null) return response;
  response.once('error', (error) => decoder.destroy(error));
  return response.pipe(decoder);
}

/** Reads a stream to the end, stopping (and calling `stop`) as soon as it passes `maxBytes`. */
async function readCapped(stream: Readable, maxBytes: number, stop: () => void): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of stream) {
    const buffer = Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk as Uint8Array);
    size += buffer.byteLength;
    if (size > maxBytes) {
      stream.destroy();
      stop();
      throw new IngestError('too-big', `the page is larger than ${formatBytes(maxBytes)}, the most that is fetched`);
    }
    chunks.push(buffer);
  }
  return Buffer.concat(chunks);
}

/** `text/html; charset=UTF-8` → media type and charset. */
export function parseContentType(header: string | undefined): { mediaType: string; charset: string | null } {
  if (header === undefined) return { mediaType: '', charset: null };
  const [type = '', ...params] = header.split(';');
  const charset = params.map((param) => /^\s*charset\s*=\s*"?([^";\s]+)"?\s*$/i.exec(param)?.[1]).find((value) => value !== undefined);
  return { mediaType: type.trim().toLowerCase(), charset: charset ?? null };
}

/** Rejects with the signal's reason once it aborts (DNS look-ups cannot be cancelled). */
function withSignal<T>(promise: Promise<T>, signal: AbortSignal): Promise<T> {
  if (signal.aborted) return Promise.reject(signal.reason as Error);
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => reject(signal.reason as Error);
    signal.addEventListener('abort', onAbort, { once: true });
    promise.then(resolve, reject).finally(() => signal.removeEventListener('abort', onAbort));
  });
}

function formatSeconds(ms: number): string {
  const seconds = ms / 1000;
  return `${Number.isInteger(seconds) ? seconds : seconds.toFixed(1)} s`;
}
