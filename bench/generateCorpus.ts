/**
 * `tsx bench/generateCorpus.ts [--sentences 100000] [--seed 1] [--work-dir bench/out]`
 *
 * Writes a synthetic news corpus of exactly N sentences (headlines included) as Markdown article
 * files with front matter (title, source, url, published), 20 to 60 sentences an article, and the
 * same sentences one a line in `sentences.txt` for the plain-MiniSearch side of the benchmark.
 * Deterministic from the seed; a corpus already generated for (N, seed) is reused.
 *
 * Layout: <work-dir>/news-<N>-seed<seed>-v<version>/{articles/*.md, sentences.txt, manifest.json}
 */
import { closeSync, existsSync, mkdirSync, openSync, readFileSync, renameSync, rmSync, writeFileSync, writeSync } from 'node:fs';
import path from 'node:path';
import { ArticleWriter, castArticle } from './articleWriter.js';
import { isMainModule, readNumberFlag, readStringFlag } from './cliFlags.js';
import { buildNewsWorld } from './newsWorld.js';
import { DEFAULT_WORK_DIR } from './paths.js';
import { Random } from './random.js';

/** Bump when the generator's output changes, so that cached corpora are not reused. */
export const GENERATOR_VERSION = 2;

const MIN_SENTENCES_PER_ARTICLE = 20;
const MAX_SENTENCES_PER_ARTICLE = 60;
const HEADLINE_SHARE = 0.4;
const DATELINE_SHARE = 0.3;
const TWO_SENTENCE_LINE_SHARE = 0.15;
const FIRST_DAY = Date.UTC(2015, 0, 1);
const LAST_DAY = Date.UTC(2025, 11, 31);
const DAY_MS = 86_400_000;

export interface CorpusManifest {
  version: number;
  seed: number;
  sentences: number;
  articles: number;
  headlines: number;
  bytes: number;
  generatedIn: number;
}

export interface GeneratedCorpus {
  /** The folder holding this corpus's files. */
  root: string;
  /** The folder of article files (what CORPUS_DIR points at). */
  articlesDir: string;
  /** Every sentence, one a line, in article order. */
  sentencesFile: string;
  manifest: CorpusManifest;
  /** True when an existing corpus was reused. */
  reused: boolean;
}

export interface CorpusRequest {
  sentences: number;
  seed: number;
  workDir?: string;
}

export function corpusRoot(request: CorpusRequest): string {
  return path.join(request.workDir ?? DEFAULT_WORK_DIR, `news-${request.sentences}-seed${request.seed}-v${GENERATOR_VERSION}`);
}

function located(root: string, manifest: CorpusManifest, reused: boolean): GeneratedCorpus {
  return { root, articlesDir: path.join(root, 'articles'), sentencesFile: path.join(root, 'sentences.txt'), manifest, reused };
}

/** The corpus for (N, seed): reused when already generated, else generated now. */
export function ensureCorpus(request: CorpusRequest): GeneratedCorpus {
  const root = corpusRoot(request);
  const manifestFile = path.join(root, 'manifest.json');
  if (existsSync(manifestFile)) {
    const manifest = JSON.parse(readFileSync(manifestFile, 'utf8')) as CorpusManifest;
    if (manifest.version === GENERATOR_VERSION && manifest.sentences === request.sentences && manifest.seed === request.seed) {
      return located(root, manifest, true);
    }
  }
  // Generate beside the final folder and rename it into place, so a half-written corpus is never reused.
  const staging = `${root}.tmp-${process.pid}`;
  rmSync(staging, { recursive: true, force: true });
  const manifest = writeCorpus(staging, request.sentences, request.seed);
  writeFileSync(path.join(staging, 'manifest.json'), `${JSON.stringify(manifest, null, 2)}\n`);
  rmSync(root, { recursive: true, force: true });
  renameSync(staging, root);
  return located(root, manifest, false);
}

function isoDay(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10);
}

function slug(text: string): string {
  return text
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '')
    .slice(0, 60);
}

/** Writes the articles and the sentence list into `dir`; returns the manifest. */
function writeCorpus(dir: string, total: number, seed: number): CorpusManifest {
  const started = performance.now();
  const articlesDir = path.join(dir, 'articles');
  mkdirSync(articlesDir, { recursive: true });
  const sentencesFd = openSync(path.join(dir, 'sentences.txt'), 'w');
  const world = buildNewsWorld(seed);
  const random = new Random(seed).fork(7);
  let written = 0;
  let articles = 0;
  let headlines = 0;
  let bytes = 0;
  let pending: string[] = [];
  try {
    while (written < total) {
      const published = FIRST_DAY + random.int(0, (LAST_DAY - FIRST_DAY) / DAY_MS) * DAY_MS;
      const cast = castArticle(random, world, new Date(published).getUTCFullYear());
      const writer = new ArticleWriter(random, world, cast);
      const length = Math.min(total - written, random.int(MIN_SENTENCES_PER_ARTICLE, MAX_SENTENCES_PER_ARTICLE));
      const sentences: string[] = [];
      const title = writer.headline();
      const hasHeadline = length > 1 && random.chance(HEADLINE_SHARE);
      if (hasHeadline) sentences.push(title);
      while (sentences.length < length) sentences.push(writer.sentence());
      const firstBody = hasHeadline ? 1 : 0;
      if (random.chance(DATELINE_SHARE)) {
        sentences[firstBody] = `${writer.city().toUpperCase()}: ${sentences[firstBody]!}`;
      }
      const id = `n${String(articles).padStart(6, '0')}`;
      const front = [
        '---',
        `title: ${JSON.stringify(title)}`,
        `source: ${JSON.stringify(cast.agency)}`,
        `url: https://news.example.com/${isoDay(published).slice(0, 7).replace('-', '/')}/${slug(title)}-${id}`,
        `published: ${isoDay(published)}`,
        '---',
      ].join('\n');
      const text = `${front}\n${bodyLines(random, sentences, hasHeadline).join('\n')}\n`;
      writeFileSync(path.join(articlesDir, `${id}.md`), text);
      bytes += Buffer.byteLength(text);
      pending.push(...sentences);
      if (pending.length >= 20_000) {
        writeSync(sentencesFd, `${pending.join('\n')}\n`);
        pending = [];
      }
      written += sentences.length;
      articles++;
      if (hasHeadline) headlines++;
    }
    if (pending.length > 0) writeSync(sentencesFd, `${pending.join('\n')}\n`);
  } finally {
    closeSync(sentencesFd);
  }
  const generatedIn = Math.round(performance.now() - started);
  return { version: GENERATOR_VERSION, seed, sentences: written, articles, headlines, bytes, generatedIn };
}

/** Lines of the article body: mostly a sentence a line, sometimes two sentences share a paragraph. */
function bodyLines(random: Random, sentences: string[], hasHeadline: boolean): string[] {
  const lines: string[] = [];
  for (let i = 0; i < sentences.length; i++) {
    const sentence = sentences[i]!;
    const next = sentences[i + 1];
    const isHeadline = hasHeadline && i === 0;
    if (!isHeadline && next !== undefined && random.chance(TWO_SENTENCE_LINE_SHARE)) {
      lines.push(`${sentence} ${next}`);
      i++;
    } else {
      lines.push(sentence);
    }
  }
  return lines;
}

if (isMainModule(import.meta.url)) {
  const argv = process.argv.slice(2);
  const corpus = ensureCorpus({
    sentences: readNumberFlag(argv, '--sentences', 100_000),
    seed: readNumberFlag(argv, '--seed', 1),
    workDir: readStringFlag(argv, '--work-dir', DEFAULT_WORK_DIR),
  });
  const { manifest } = corpus;
  console.log(
    `${corpus.reused ? 'reused' : 'generated'} ${manifest.sentences} sentences in ${manifest.articles} articles ` +
      `(${(manifest.bytes / 1e6).toFixed(1)} MB, generated in ${(manifest.generatedIn / 1000).toFixed(1)} s): ${corpus.articlesDir}`,
  );
}
