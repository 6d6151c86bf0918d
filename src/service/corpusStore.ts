/**
 * The moderators' changes to the corpus folder: add an uploaded article, remove one, reload.
 *
 * Every change is atomic and loses nothing:
 * - an upload is checked completely (name, size, UTF-8 text, metadata, sentences) before anything
 *   is written; it is then written under a new, safe name (`<slug>-<8 hex>.txt`, nothing of the
 *   uploaded name's path is used) through a temporary file renamed into place, with a
 *   `<id>.meta.yaml` sidecar holding its metadata and who added it;
 * - a removal moves the article and its sidecar into `.removed/` (hidden, so never loaded);
 * - then the serving index takes the change in place (the article indexed and joining in one step,
 *   or leaving in one step), and only if that worked do the files stay as they are now; otherwise
 *   they are put back as they were and the index is unchanged. A reload reads the whole folder.
 * Changes run one at a time (AnswerService.change), and each is logged with who, what and when.
 */
import { randomBytes } from 'node:crypto';
import { lstat, mkdir, readdir, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { stringify } from 'yaml';
import { CorpusFileError } from '../corpus/corpusFileError.js';
import { decodeText } from '../corpus/decodeText.js';
import { errorMessage } from '../corpus/frontMatter.js';
import { REMOVED_DIR, TEMP_PREFIX, articleIdOf, parseArticle, sidecarNameFor } from '../corpus/loadCorpus.js';
import { longSentencesNote } from '../corpus/longSentences.js';
import { parseMetaYaml } from '../corpus/metaYaml.js';
import type { ArticleInfo } from '../search/corpusIndex.js';
import type { CorpusError } from '../corpus/types.js';
import type { Logger } from '../logger.js';
import { uniqueArticleId, uploadStem } from './articleNames.js';
import { moderatorText } from './moderatorText.js';
import type { AnswerService, LoadSummary } from './answerService.js';
import { uploadExtension, uploadProblem } from './uploadRules.js';

/** The folder (inside the corpus folder) that removed articles are moved into. */
export { REMOVED_DIR };

/** Who asks for a change: logged with it and written into an added article's sidecar. */
export interface Actor {
  id: string;
  name: string;
  /** The server the request came from; null outside one. */
  guildId: string | null;
}

/** Metadata given with an upload; each field optional. */
export interface UploadMeta {
  title?: string | null;
  source?: string | null;
  url?: string | null;
  /** YYYY-MM-DD. */
  published?: string | null;
}

export interface Upload {
  /** The name the file was uploaded with: only its extension and stem (as a slug) are used. */
  fileName: string;
  content: Uint8Array;
  meta?: UploadMeta;
}

export type CorpusAction = 'reload' | 'add' | 'remove';

/** What a change did, for the moderator's summary. */
export interface ChangeOutcome {
  action: CorpusAction;
  /** True when the new corpus now serves. */
  applied: boolean;
  /** Why the change was refused (the serving corpus is unchanged); null when applied. */
  reason: string | null;
  /** The file concerned: the upload's name when refused, the stored name when added, the removed file. */
  file: string | null;
  articleId: string | null;
  /** Where a removed file now is, relative to the corpus folder. */
  movedTo: string[];
  articlesBefore: number;
  sentencesBefore: number;
  articles: number;
  sentences: number;
  /** Files of the folder the (new or kept) corpus could not load. */
  errors: CorpusError[];
  /** What the moderator should know about an added article (e.g. that long sentences were cut); absent when nothing. */
  notes?: string[];
}

export interface CorpusStoreOptions {
  /** The clock (tests fix it). */
  now?: () => Date;
  /** Random hex for new article ids (tests fix it). */
  randomHex?: () => string;
  /** Told of each change once it serves (e.g. to have the other shards of a sharded bot follow it). */
  onApplied?: (outcome: ChangeOutcome) => void;
}

/** The corpus folder's moderators' operations. Plain code: no Discord in here. */
export class CorpusStore {
  private readonly now: () => Date;
  private readonly randomHex: () => string;
  private readonly onApplied: (outcome: ChangeOutcome) => void;

  constructor(
    private readonly service: AnswerService,
    private readonly logger: Logger,
    options: CorpusStoreOptions = {},
  ) {
    this.now = options.now ?? (() => new Date());
    this.randomHex = options.randomHex ?? (() => randomBytes(4).toString('hex'));
    this.onApplied = options.onApplied ?? (() => undefined);
  }

  get dir(): string {
    return this.service.corpusDir;
  }

  /** The articles serving now, and the files the last load refused (reasons as moderators read them: moderatorText). */
  list(): { articles: readonly ArticleInfo[]; errors: readonly CorpusError[] } {
    return { articles: this.service.current.articles, errors: this.forModerators(this.service.errors) };
  }

  /** Re-reads the corpus folder (e.g. after files were edited by hand). */
  async reload(actor: Actor): Promise<ChangeOutcome> {
    const summary = await this.service.change((change) => {
      // A reload of a large corpus takes seconds: say when it starts, not only when it ends.
      this.logger.info({ action: 'reload', actor, at: this.now().toISOString() }, 'corpus reload: started');
      return this.attempt(() => change.rebuild());
    });
    return this.finish(actor, outcomeOf('reload', summary, { file: null, articleId: null }));
  }

  /**
   * Adds an uploaded article. Refused (nothing written, old corpus serving) when the file is not a
   * `.txt`/`.md` of at most 1 MB, not clean UTF-8 (or UTF-16 with a byte order mark, stored as
   * UTF-8) text, has bad metadata or no sentences.
   * @throws Error (with the folder and file) only when the folder cannot be written.
   */
  async add(actor: Actor, upload: Upload): Promise<ChangeOutcome> {
    const refuse = (reason: string) => this.finish(actor, this.refusal('add', reason, upload.fileName));
    const extension = uploadExtension(upload.fileName);
    const problem = uploadProblem(upload.fileName, upload.content.length);
    if (problem !== null || extension === null) return refuse(problem ?? 'not an article file');

    let text: string;
    let sidecar: string;
    try {
      text = decodeText(upload.content);
    } catch (error) {
      return refuse(errorMessage(error));
    }
    try {
      sidecar = sidecarText(upload, actor, this.now());
      parseMetaYaml(sidecar);
    } catch (error) {
      return refuse(`metadata: ${errorMessage(error).replace(/^invalid metadata: /, '')}`);
    }
    let longSentencesCut: number;
    try {
      ({ longSentencesCut } = parseArticle({ id: 'upload', file: upload.fileName, content: text, sidecar }));
    } catch (error) {
      return refuse(error instanceof CorpusFileError ? error.reason : errorMessage(error));
    }

    const written = await this.service.change(async (change) => {
      const basis = upload.meta?.title ?? uploadStem(upload.fileName);
      const id = await uniqueArticleId(this.dir, basis, this.randomHex);
      const file = `${id}${extension}`;
      const names = [sidecarNameFor(id), file];
      await this.writeNew([
        { name: sidecarNameFor(id), text: sidecar },
        { name: file, text },
      ]);
      const article = parseArticle({ id, file, content: text, sidecar });
      const result = await this.attempt(() => change.add(article));
      if (!result.applied) await this.discard(names);
      return { result, file, id };
    });
    const what = written.result.applied ? { file: written.file, articleId: written.id } : { file: upload.fileName, articleId: null };
    const outcome = outcomeOf('add', written.result, what);
    const notes = written.result.applied && longSentencesCut > 0 ? [longSentencesNote(longSentencesCut)] : [];
    return this.finish(actor, notes.length > 0 ? { ...outcome, notes } : outcome);
  }

  /**
   * Removes an article by id: its file (and sidecar) are moved into `.removed/`, never deleted.
   * Refused when no article file has that id (an id with a folder in it, `../../etc/passwd`, never
   * has one), or when it is the last article.
   * @throws Error (with the file) only when a file cannot be moved.
   */
  async remove(actor: Actor, articleId: string): Promise<ChangeOutcome> {
    if (!isPlainArticleId(articleId)) {
      const reason = `no article with id ${JSON.stringify(articleId)}: an id is the name of a file in the corpus folder without its extension (no folders, not hidden)`;
      return this.finish(actor, this.refusal('remove', reason, null, articleId));
    }
    const result = await this.service.change(async (change) => {
      const names = await readdir(this.dir);
      const files = names.filter((name) => articleIdOf(name) === articleId);
      if (files.length === 0) return null;
      const sidecar = sidecarNameFor(articleId);
      const moving = names.includes(sidecar) ? [...files, sidecar] : files;
      const moved = await this.moveAside(moving);
      const summary = await this.attempt(() => change.remove(articleId));
      if (!summary.applied) await this.moveBack(moved);
      return { summary, files, moved };
    });
    if (result === null) {
      return this.finish(actor, this.refusal('remove', `no article with id "${articleId}" in the corpus folder`, null, articleId));
    }
    const { summary, files, moved } = result;
    const outcome = outcomeOf('remove', summary, { file: files.join(', '), articleId });
    return this.finish(actor, summary.applied ? { ...outcome, movedTo: moved.map((m) => m.to) } : outcome);
  }

  /**
   * Applies a change to the serving index. One that fails outright (the folder cannot be listed, an
   * exception while indexing, the build worker crashing) is a refusal like any other: the serving
   * corpus is kept, and the caller puts back what it changed in the folder.
   */
  private async attempt(apply: () => Promise<LoadSummary>): Promise<LoadSummary> {
    try {
      return await apply();
    } catch (error) {
      const errorId = randomBytes(4).toString('hex');
      this.logger.error({ err: error, errorId, dir: this.dir }, 'corpus rebuild failed: keeping the corpus that is serving');
      const engine = this.service.current;
      const counts = { articles: engine.articles.length, sentences: engine.sentenceCount };
      return {
        articlesBefore: counts.articles,
        sentencesBefore: counts.sentences,
        ...counts,
        errors: [...this.service.errors],
        applied: false,
        refusal: `the corpus folder could not be read and indexed (error id ${errorId} in the log): ${errorMessage(error)}`,
      };
    }
  }

  /**
   * Writes new files (names no file has) through temporary files, renamed into place only once all
   * of them are written: a failure, or the process dying, while writing leaves only hidden
   * temporary files, which the loader never reads. (Only a crash in the instant between the two
   * renames could leave the sidecar without its article; the next load would name it.)
   * @throws Error naming the file and the folder; nothing of the files stays behind.
   */
  private async writeNew(files: ReadonlyArray<{ name: string; text: string }>): Promise<void> {
    const staged: Array<{ temp: string; name: string }> = [];
    const renamed: string[] = [];
    let current = files[0]?.name ?? '';
    try {
      for (const { name, text } of files) {
        current = name;
        const temp = path.join(this.dir, `${TEMP_PREFIX}${this.randomHex()}-${name}`);
        staged.push({ temp, name });
        await writeFile(temp, text, { encoding: 'utf8', flag: 'wx' });
      }
      for (const { temp, name } of staged) {
        current = name;
        await rename(temp, path.join(this.dir, name));
        renamed.push(name);
      }
    } catch (error) {
      await Promise.all(staged.map(({ temp }) => rm(temp, { force: true })));
      await this.discard(renamed);
      throw new Error(`cannot write ${current} into the corpus folder ${this.dir}: ${errorMessage(error)}`, { cause: error });
    }
  }

  /** Deletes files this store has just written and that were not accepted. */
  private async discard(names: string[]): Promise<void> {
    for (const name of names) {
      await rm(path.join(this.dir, name), { force: true }).catch((error: unknown) =>
        this.logger.error({ err: error, file: name }, 'could not delete a refused upload from the corpus folder'),
      );
    }
  }

  /** Moves files into `.removed/<timestamp>_<name>`; returns where each went. */
  private async moveAside(names: string[]): Promise<Array<{ from: string; to: string }>> {
    const removedDir = path.join(this.dir, REMOVED_DIR);
    // One level, not `recursive` (which never returns for a folder under /proc).
    await mkdir(removedDir).catch((error: unknown) => {
      if ((error as NodeJS.ErrnoException | null)?.code !== 'EEXIST') throw error;
    });
    // A link named .removed would take the files out of the corpus folder: refuse to move through it.
    if (!(await lstat(removedDir)).isDirectory()) {
      throw new Error(
        `cannot move ${names.join(', ')} aside: ${removedDir} is not a folder (a symbolic link?); files are only moved within the corpus folder`,
      );
    }
    const stamp = this.now().toISOString().replace(/[:.]/g, '-');
    const moved: Array<{ from: string; to: string }> = [];
    for (const name of names) {
      const to = path.join(REMOVED_DIR, `${stamp}_${this.randomHex()}_${name}`);
      try {
        await rename(path.join(this.dir, name), path.join(this.dir, to));
      } catch (error) {
        await this.moveBack(moved);
        throw new Error(`cannot move ${name} into ${path.join(this.dir, REMOVED_DIR)}: ${errorMessage(error)}`, { cause: error });
      }
      moved.push({ from: name, to });
    }
    return moved;
  }

  private async moveBack(moved: Array<{ from: string; to: string }>): Promise<void> {
    for (const { from, to } of moved) {
      await rename(path.join(this.dir, to), path.join(this.dir, from)).catch((error: unknown) =>
        this.logger.error({ err: error, file: from, movedTo: to }, 'could not move a file back into the corpus folder'),
      );
    }
  }

  private refusal(action: CorpusAction, reason: string, file: string | null, articleId: string | null = null): ChangeOutcome {
    const engine = this.service.current;
    return {
      action,
      applied: false,
      reason,
      file,
      articleId,
      movedTo: [],
      articlesBefore: engine.articles.length,
      sentencesBefore: engine.sentenceCount,
      articles: engine.articles.length,
      sentences: engine.sentenceCount,
      errors: [...this.service.errors],
    };
  }

  /** Logs the change (or refusal) with who, what and when, and passes it on. */
  private finish(actor: Actor, outcome: ChangeOutcome): ChangeOutcome {
    const entry = {
      action: outcome.action,
      actor,
      at: this.now().toISOString(),
      file: outcome.file,
      articleId: outcome.articleId,
      movedTo: outcome.movedTo.length > 0 ? outcome.movedTo : undefined,
      before: { articles: outcome.articlesBefore, sentences: outcome.sentencesBefore },
      after: { articles: outcome.articles, sentences: outcome.sentences },
      notes: outcome.notes,
    };
    if (outcome.applied) {
      this.logger.info(entry, `corpus ${outcome.action}: applied`);
      this.onApplied(outcome);
    } else {
      this.logger.warn({ ...entry, reason: outcome.reason }, `corpus ${outcome.action}: refused`);
    }
    // The log has the whole reason; the moderator gets it in one line, without the server's folders.
    return {
      ...outcome,
      reason: outcome.reason === null ? null : moderatorText(outcome.reason, this.dir),
      errors: this.forModerators(outcome.errors),
    };
  }

  private forModerators(errors: readonly CorpusError[]): CorpusError[] {
    return errors.map((error) => ({ ...error, reason: moderatorText(error.reason, this.dir) }));
  }
}

function outcomeOf(action: CorpusAction, summary: LoadSummary, what: { file: string | null; articleId: string | null }): ChangeOutcome {
  return {
    action,
    applied: summary.applied,
    reason: summary.refusal,
    file: what.file,
    articleId: what.articleId,
    movedTo: [],
    articlesBefore: summary.articlesBefore,
    sentencesBefore: summary.sentencesBefore,
    articles: summary.articles,
    sentences: summary.sentences,
    errors: summary.errors,
  };
}

/** True for what can be an article id: a file name without folders, not hidden, without NUL. */
function isPlainArticleId(id: string): boolean {
  return id.length > 0 && !id.startsWith('.') && !/[/\\\0]/.test(id) && id === path.basename(id);
}

/** Text safe inside a one-line YAML comment. */
function commentSafe(text: string): string {
  return text.replace(/[\p{Cc}\u2028\u2029]+/gu, ' ').slice(0, 200);
}

/** The sidecar of an upload: its metadata fields, and who added it when, as comments. */
function sidecarText(upload: Upload, actor: Actor, at: Date): string {
  const fields: Record<string, string> = {};
  for (const key of ['title', 'source', 'url', 'published'] as const) {
    const value = upload.meta?.[key]?.trim();
    if (value !== undefined && value.length > 0) fields[key] = value;
  }
  const header = [
    `# Added with /corpus add by ${commentSafe(actor.name)} (${actor.id}) on ${at.toISOString()}.`,
    `# Uploaded as ${commentSafe(JSON.stringify(upload.fileName))}.`,
  ].join('\n');
  return Object.keys(fields).length > 0 ? `${header}\n${stringify(fields)}` : `${header}\n`;
}
