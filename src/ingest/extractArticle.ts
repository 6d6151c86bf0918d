/**
 * The article of an HTML page: its text as paragraphs, title, publisher and date, found with
 * Mozilla Readability (the reader view of Firefox) over a linkedom document. Page furniture that
 * Readability can keep (cookie notices, share bars, newsletter boxes, navigation) is removed first;
 * what is left of it in the text ("Published: …" lines, "Share this article") is dropped by the
 * corpus's own boilerplate rules when the article is split into sentences.
 */
import { Readability } from '@mozilla/readability';
import { parseHTML } from 'linkedom';
import { isIsoCalendarDate } from '../corpus/metaYaml.js';
import { IngestError } from './ingestError.js';

export interface ExtractedArticle {
  title: string | null;
  /** The publisher (the site's name), when the page gives it. */
  publisher: string | null;
  /** YYYY-MM-DD, when the page gives a publication date. */
  published: string | null;
  /** The article's paragraphs, one per line, separated by blank lines (no title). */
  text: string;
}

/** Elements that are never article text. */
const FURNITURE_SELECTOR = [
  'script',
  'style',
  'noscript',
  'template',
  'iframe',
  'svg',
  'nav',
  'aside',
  'footer',
  'button',
  'dialog',
  'figcaption',
  'body > header',
  '[role="navigation"]',
  '[role="contentinfo"]',
  '[role="dialog"]',
  '[role="alertdialog"]',
  '[aria-hidden="true"]',
  '[hidden]',
].join(',');
/** Class or id words of page furniture: a cookie banner, a share bar, a newsletter box. */
const FURNITURE_NAME =
  /(?:^|[\s_-])(?:cookies?|consent|gdpr|share|sharing|social|newsletter|subscribe|subscription|breadcrumbs?|promo|advert|advertisement|related)(?:$|[\s_-])/i;
/** Longer elements are not removed for their class or for being a form (they may hold the whole page). */
const FURNITURE_MAX_CHARS = 600;
const KEPT_CONTAINERS: ReadonlySet<string> = new Set(['HTML', 'BODY', 'MAIN', 'ARTICLE']);
/** Elements whose start and end break a paragraph. */
const BLOCKS: ReadonlySet<string> = new Set([
  'ADDRESS',
  'ARTICLE',
  'BLOCKQUOTE',
  'BR',
  'DD',
  'DIV',
  'DL',
  'DT',
  'FIGURE',
  'H1',
  'H2',
  'H3',
  'H4',
  'H5',
  'H6',
  'HEADER',
  'HR',
  'LI',
  'MAIN',
  'OL',
  'P',
  'PRE',
  'SECTION',
  'TABLE',
  'TD',
  'TH',
  'TR',
  'UL',
]);
/** A paragraph of prose: this long at least, and ending a sentence somewhere. */
const PROSE_MIN_CHARS = 60;
const SENTENCE_END = /[.!?…][”"’')\]]?(?:\s|$)/u;
/** Control characters and the replacement character of badly encoded bytes: spaces in the text. */
const NOT_TEXT = /[\p{Cc}\uFFFD]/gu;

/** The little of the DOM used here (the project compiles without the DOM library's types). */
interface DomNode {
  nodeType: number;
  nodeName: string;
  textContent: string | null;
  childNodes: ArrayLike<DomNode>;
}
interface DomElement extends DomNode {
  tagName: string;
  getAttribute(name: string): string | null;
  remove(): void;
}
interface DomDocument {
  documentElement: DomNode | null;
  body: DomNode;
  querySelectorAll(selector: string): Iterable<DomElement>;
}

function parseDocument(html: string): DomDocument {
  return (parseHTML(html) as unknown as { document: DomDocument }).document;
}

/**
 * Extracts the article of a page.
 * @throws IngestError('no-article') when the page has no body of prose (an index page, a form, an empty page).
 */
export function extractArticle(html: string): ExtractedArticle {
  const document = parseDocument(html);
  if (document.documentElement === null) throw new IngestError('no-article', 'no article text was found: the page is empty');
  removeFurniture(document);
  const parsed = new Readability(document as unknown as ConstructorParameters<typeof Readability>[0]).parse();
  const paragraphs = parsed?.content ? paragraphsOf(parsed.content) : [];
  if (!paragraphs.some(isProse)) {
    throw new IngestError(
      'no-article',
      'no article text was found on the page (no paragraph of prose; is it an index, a form or a script-built page?)',
    );
  }
  const publisher = clean(parsed?.siteName);
  const title = titleWithoutSite(clean(parsed?.title), publisher);
  // Readability keeps the headline in the body at times: the title line is added back by whoever stores it.
  const body = paragraphs[0] !== undefined && title !== null && sameText(paragraphs[0], title) ? paragraphs.slice(1) : paragraphs;
  return { title, publisher, published: isoDay(parsed?.publishedTime), text: body.join('\n\n') };
}

function removeFurniture(document: DomDocument): void {
  for (const element of [...document.querySelectorAll(FURNITURE_SELECTOR)]) element.remove();
  const short = (element: DomElement) => (element.textContent ?? '').length <= FURNITURE_MAX_CHARS;
  // A short form is a search box or a sign-up; some sites wrap the whole page in one form.
  for (const element of [...document.querySelectorAll('form')]) if (short(element)) element.remove();
  for (const element of [...document.querySelectorAll('[class],[id]')]) {
    if (KEPT_CONTAINERS.has(element.tagName.toUpperCase())) continue;
    const names = `${element.getAttribute('class') ?? ''} ${element.getAttribute('id') ?? ''}`;
    if (FURNITURE_NAME.test(names) && short(element)) element.remove();
  }
}

/** The text of Readability's article HTML as paragraphs (whitespace collapsed, empty ones dropped). */
function paragraphsOf(content: string): string[] {
  const document = parseDocument(`<!doctype html><html><body>${content}</body></html>`);
  const paragraphs: string[] = [];
  let current = '';
  const flush = () => {
    const text = current.replace(NOT_TEXT, ' ').replace(/\s+/g, ' ').trim();
    if (text !== '') paragraphs.push(text);
    current = '';
  };
  const walk = (node: DomNode) => {
    if (node.nodeType === 3) {
      current += node.textContent ?? '';
      return;
    }
    if (node.nodeType !== 1) return;
    const block = BLOCKS.has(node.nodeName.toUpperCase());
    if (block) flush();
    for (const child of Array.from(node.childNodes)) walk(child);
    if (block) flush();
  };
  walk(document.body);
  flush();
  return paragraphs;
}

function isProse(paragraph: string): boolean {
  return paragraph.length >= PROSE_MIN_CHARS && SENTENCE_END.test(paragraph);
}

function clean(value: string | null | undefined): string | null {
  const text = value?.replace(NOT_TEXT, ' ').replace(/\s+/g, ' ').trim() ?? '';
  return text === '' ? null : text;
}

function sameText(a: string, b: string): boolean {
  return a.toLowerCase() === b.toLowerCase();
}

/** "Lee visits Beijing | Test Wire" → "Lee visits Beijing" when the site is Test Wire. */
function titleWithoutSite(title: string | null, site: string | null): string | null {
  if (title === null || site === null) return title;
  for (const separator of [' | ', ' - ', ' – ', ' — ', ' :: ']) {
    const suffix = `${separator}${site}`;
    if (title.length > suffix.length && title.toLowerCase().endsWith(suffix.toLowerCase())) return title.slice(0, -suffix.length).trim();
  }
  return title;
}

/** A publication time as the day it names (YYYY-MM-DD, as written when it starts with one), or null. */
export function isoDay(value: string | null | undefined): string | null {
  const text = value?.trim() ?? '';
  const written = /^(\d{4}-\d{2}-\d{2})/.exec(text)?.[1];
  if (written !== undefined) return isIsoCalendarDate(written) ? written : null;
  const time = Date.parse(text);
  return Number.isNaN(time) ? null : new Date(time).toISOString().slice(0, 10);
}
