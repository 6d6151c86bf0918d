/**
 * Loading the corpus folder: every `.txt` and `.md` article in it, with its metadata, headline and
 * sentences. A file that cannot be loaded is reported in `errors` and the others still load.
 *
 * Metadata comes from two optional places, with the same YAML fields (see metaYaml.ts):
 * - a front matter block at the top of the article (`---` … `---`);
 * - a sidecar file `<id>.meta.yaml` next to the article (handy for `.txt` files we do not edit).
 * When both are present they are merged field by field and the FRONT MATTER WINS for any field
 * both set: it sits in the article itself, so it is the more specific statement.
 */
import type { Dirent } from 'node:fs';
import { lstat, readdir } from 'node:fs/promises';
import path from 'node:path';
import { CorpusFileError } from './corpusFileError.js';
import { assertCleanText } from './decodeText.js';
import { errorMessage, parseFrontMatter } from './frontMatter.js';
import { emptyMeta, parseMetaYaml, type MetaFields } from './metaYaml.js';
import {
  MAX_ARTICLE_FILE_BYTES,
  MAX_SIDECAR_FILE_BYTES,
  NOT_REGULAR_REASON,
  SYMLINK_REASON,
  readCorpusTextFile,
} from './readCorpusFile.js';
import { splitSentences } from './splitSentences.js';
import type { Article, ArticleMeta, Corpus, CorpusError, Sentence } from './types.js';

/** Extensions of article files (matched case-insensitively). */
const ARTICLE_EXTENSIONS = ['.txt', '.md'];

/** Suffix of metadata sidecar files: `<id>.meta.yaml`. */
export const SIDECAR_SUFFIX = '.meta.yaml';

/** The folder, inside the corpus folder, that removed articles are moved into (hidden: never loaded). */
export const REMOVED_DIR = '.removed';
/** Prefix of the temporary files uploads are written through (hidden: never loaded). */
export const TEMP_PREFIX = '.tmp-';

/** True for an entry the bot itself keeps in the corpus folder (`.removed/`, `.tmp-*`): never reported. */
export function isBotManagedName(name: string): boolean {
  return name === REMOVED_DIR || name.startsWith(TEMP_PREFIX);
}

/** Reasons given for the entries of the corpus folder that are not read at all. */
export const SKIPPED_FOLDER_REASON = 'skipped: a folder (articles are read from the corpus folder itself, not from sub-folders)';
export const SKIPPED_HIDDEN_REASON = 'skipped: hidden (its name starts with a dot), so never read';
export const SKIPPED_OTHER_REASON = 'skipped: not an article (only .txt and .md files, and their .meta.yaml sidecars, are read)';

export interface ArticleInput {
  /** The article id (file name without extension). */
  id: string;
  /** The file name relative to the corpus folder, used in error messages. */
  file: string;
  /** The file's text. */
  content: string;
  /** The text of its `<id>.meta.yaml` sidecar, if it has one. */
  sidecar?: string;
}

/** The id of an article file (its name without extension), or null if it is not an article file. */
export function articleIdOf(fileName: string): string | null {
  if (fileName.startsWith('.')) return null;
  const extension = path.extname(fileName).toLowerCase();
  if (!ARTICLE_EXTENSIONS.includes(extension)) return null;
  return fileName.slice(0, -extension.length);
}

/** The sidecar file name for an article id. */
export function sidecarNameFor(id: string): string {
  return `${id}${SIDECAR_SUFFIX}`;
}

/** Sidecar fields overlaid with front matter fields: the front matter wins where both set a field. */
export function mergeMeta(sidecar: MetaFields, frontMatter: MetaFields): ArticleMeta {
  return { ...emptyMeta(), ...sidecar, ...frontMatter };
}

/** Numbers sentences 1-based in article order; the headline, if any, is the first. */
function toSentences(articleId: string, texts: string[], headline: string | null): Sentence[] {
  return texts.map((text, index) => ({
    articleId,
    position: index + 1,
    text,
    isHeadline: headline !== null && index === 0,
  }));
}

/** Runs `step`; if it throws, rethrows as a CorpusFileError for `file` with `prefix` before the reason. */
function withFileContext<T>(file: string, prefix: string, step: () => T): T {
  try {
    return step();
  } catch (error) {
    throw new CorpusFileError(file, `${prefix}${errorMessage(error)}`, { cause: error });
  }
}

/** The fields a sidecar sets (none when there is no sidecar). */
function sidecarFields(file: string, id: string, sidecar: string | undefined): MetaFields {
  if (sidecar === undefined) return {};
  return withFileContext(file, `sidecar ${sidecarNameFor(id)}: `, () => {
    assertCleanText(sidecar);
    return parseMetaYaml(sidecar);
  });
}

/**
 * Builds an article from a file's text and its optional sidecar text. Pure.
 * @throws CorpusFileError (message "<file>: <reason>") when the text is not clean, the front matter
 * or sidecar is invalid, or the article has no sentences.
 */
export function parseArticle(input: ArticleInput): Article {
  const { id, file, content, sidecar } = input;
  withFileContext(file, '', () => assertCleanText(content));
  const sidecarMeta = sidecarFields(file, id, sidecar);
  const frontMatter = withFileContext(file, '', () => parseFrontMatter(content));

  const { headline, sentences, longSentencesCut = 0 } = splitSentences(frontMatter.body);
  if (sentences.length === 0) {
    const reason =
      frontMatter.body.trim() === ''
        ? 'no article text: the file is empty apart from any front matter'
        : 'no sentences: the file holds only boilerplate (section names, "Advertisement", credits…)';
    throw new CorpusFileError(file, reason);
  }

  return {
    id,
    file,
    meta: mergeMeta(sidecarMeta, frontMatter.meta),
    headline,
    sentences: toSentences(id, sentences, headline),
    longSentencesCut,
  };
}

/** Rank of an article extension when two files share an id and a modification time: `.txt` first. */
function extensionRank(file: string): number {
  return ARTICLE_EXTENSIONS.indexOf(path.extname(file).toLowerCase());
}

/**
 * Of article files sharing an id, the one that is loaded: the oldest by modification time (the one
 * that was there, and serving, before the others were added beside it), then `.txt` before `.md`,
 * then by name. Each other file maps to the reason it is refused.
 */
async function refusedDuplicates(dir: string, articleFiles: string[]): Promise<Map<string, string>> {
  const filesById = new Map<string, string[]>();
  for (const file of articleFiles) {
    const id = articleIdOf(file) ?? file;
    filesById.set(id, [...(filesById.get(id) ?? []), file]);
  }
  const refused = new Map<string, string>();
  for (const [id, files] of filesById) {
    if (files.length < 2) continue;
    const infos = await Promise.all(files.map((file) => lstat(path.join(dir, file)).catch(() => null)));
    const ranked = files
      .map((file, i) => ({ file, mtime: infos[i]?.mtimeMs ?? Number.POSITIVE_INFINITY }))
      .sort((a, b) => a.mtime - b.mtime || extensionRank(a.file) - extensionRank(b.file) || (a.file < b.file ? -1 : a.file > b.file ? 1 : 0));
    const kept = ranked[0]!.file;
    for (const { file } of ranked.slice(1)) {
      refused.set(file, `duplicate article id "${id}": ${kept} has it too and is the one loaded (the older file); rename or remove this one`);
    }
  }
  return refused;
}

/** True for a name the loader would read: an article file or a sidecar, not hidden. */
function isCorpusFileName(name: string): boolean {
  return articleIdOf(name) !== null || (!name.startsWith('.') && name.endsWith(SIDECAR_SUFFIX));
}

/**
 * Every entry of the folder that is not read, with why, so that nothing is passed over in silence:
 * folders (and so the files in them), hidden entries, files of another kind, symbolic links (never
 * followed: one could point anywhere) and FIFOs, sockets or devices. The bot's own `.removed/`
 * and `.tmp-*` are not named. Links and special files with an article's name are refused; the
 * others are marked `skipped`.
 */
function unreadEntryErrors(entries: readonly Dirent[]): CorpusError[] {
  const errors: CorpusError[] = [];
  for (const entry of entries) {
    const { name } = entry;
    if (isBotManagedName(name) || (entry.isFile() && isCorpusFileName(name))) continue;
    if (name.startsWith('.')) errors.push({ file: name, reason: SKIPPED_HIDDEN_REASON, skipped: true });
    else if (entry.isSymbolicLink()) errors.push({ file: name, reason: SYMLINK_REASON, ...(isCorpusFileName(name) ? {} : { skipped: true }) });
    else if (entry.isDirectory()) errors.push({ file: name, reason: SKIPPED_FOLDER_REASON, skipped: true });
    else if (!entry.isFile()) errors.push({ file: name, reason: NOT_REGULAR_REASON, ...(isCorpusFileName(name) ? {} : { skipped: true }) });
    else errors.push({ file: name, reason: SKIPPED_OTHER_REASON, skipped: true });
  }
  return errors;
}

/** Reads and parses one article file and its sidecar (if `sidecars` has one for it). */
async function loadArticleFile(dir: string, file: string, sidecars: Set<string>): Promise<Article> {
  const id = articleIdOf(file) ?? file;
  const content = await readCorpusTextFile(dir, file, MAX_ARTICLE_FILE_BYTES);
  const sidecarName = sidecarNameFor(id);
  let sidecar: string | undefined;
  if (sidecars.has(sidecarName)) {
    try {
      sidecar = await readCorpusTextFile(dir, sidecarName, MAX_SIDECAR_FILE_BYTES);
    } catch (error) {
      const reason = error instanceof CorpusFileError ? error.reason : errorMessage(error);
      throw new CorpusFileError(file, `sidecar ${sidecarName}: ${reason}`, { cause: error });
    }
  }
  return parseArticle({ id, file, content, sidecar });
}

/** The error to report for a thrown value while loading `file`. */
function toCorpusError(file: string, error: unknown): CorpusError {
  if (error instanceof CorpusFileError) return { file: error.file, reason: error.reason };
  return { file, reason: errorMessage(error) };
}

/**
 * How many article files are read at once. Reading all of a large corpus at once runs out of file
 * descriptors (EMFILE), and every file that failed so would be refused as unreadable.
 */
const OPEN_FILES_AT_ONCE = 32;

/** Maps items with an async function, at most `limit` at a time, keeping the items' order. */
async function mapConcurrently<T, R>(items: readonly T[], limit: number, map: (item: T) => Promise<R>): Promise<R[]> {
  const results = new Array<R>(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const i = next++;
      results[i] = await map(items[i]!);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return results;
}

/**
 * Loads every article file (`.txt`, `.md`) directly in `dir`: not hidden files, not subfolders.
 * Files are handled in sorted name order, so the result is deterministic.
 *
 * Each file that cannot be loaded becomes one entry in `errors` and the other files still load:
 * unreadable files, files over MAX_ARTICLE_FILE_BYTES (refused before they are read), files that
 * are not UTF-8 (or UTF-16 with a byte order mark) text, symbolic links and special files with an
 * article's name (never followed or opened), bad front matter or sidecar, no sentences, and ids shared by two
 * files (`a.txt` and `a.md`): the older file is loaded (it was there first, and serving) and the
 * other refused, naming it. A `<id>.meta.yaml` sidecar with no article is reported too, and so is
 * every other entry that is not read (a folder, a hidden file, a file of another kind), as skipped.
 *
 * @throws Error only when the folder itself cannot be listed.
 */
export async function loadCorpus(dir: string): Promise<Corpus> {
  const entries = await readdir(dir, { withFileTypes: true }).catch((error: unknown) => {
    throw new Error(`cannot list corpus folder ${dir}: ${errorMessage(error)}`, { cause: error });
  });
  const fileNames = entries
    .filter((entry) => entry.isFile() && !entry.name.startsWith('.'))
    .map((entry) => entry.name)
    .sort();
  const unread = unreadEntryErrors(entries);
  const articleFiles = fileNames.filter((name) => articleIdOf(name) !== null);
  const sidecars = new Set(fileNames.filter((name) => name.endsWith(SIDECAR_SUFFIX)));
  const duplicates = await refusedDuplicates(dir, articleFiles);

  const outcomes = await mapConcurrently(articleFiles, OPEN_FILES_AT_ONCE, async (file): Promise<Article | CorpusError> => {
    const duplicate = duplicates.get(file);
    if (duplicate !== undefined) return { file, reason: duplicate };
    return loadArticleFile(dir, file, sidecars).catch((error: unknown) => toCorpusError(file, error));
  });

  const articleIds = new Set(articleFiles.map((file) => articleIdOf(file)));
  const orphanSidecarErrors: CorpusError[] = [...sidecars]
    .filter((name) => !articleIds.has(name.slice(0, -SIDECAR_SUFFIX.length)))
    .map((name) => ({
      file: name,
      reason: `sidecar without an article: no ${name.slice(0, -SIDECAR_SUFFIX.length)}.txt or .md next to it`,
    }));

  const articles = outcomes.filter((outcome): outcome is Article => 'sentences' in outcome);
  const errors = [...outcomes.filter((outcome): outcome is CorpusError => 'reason' in outcome), ...orphanSidecarErrors, ...unread]
    .sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0));
  return { articles, errors };
}
