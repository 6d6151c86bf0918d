// The corpus store without Discord: atomic additions and removals, refusals that change nothing,
// safe unique names, and changes that run one at a time.

import { mkdirSync } from 'node:fs';
import { mkdir, readdir, readFile, rm, utimes, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { buildCorpus, type BuildRequest, type BuiltCorpus } from '../../src/service/corpusBuild.js';
import { loadCorpus } from '../../src/corpus/loadCorpus.js';
import { slugify, uniqueArticleId, uploadStem } from '../../src/service/articleNames.js';
import { AnswerService } from '../../src/service/answerService.js';
import { CorpusStore, REMOVED_DIR, type Actor } from '../../src/service/corpusStore.js';
import { MAX_UPLOAD_BYTES, uploadProblem } from '../../src/service/uploadRules.js';
import { memoryLogger, type LogRecord } from '../support/botHarness.js';
import { SAMPLE_ARTICLES, writeSampleCorpus } from '../support/sampleCorpus.js';

const ACTOR: Actor = { id: '1300000000000000005', name: 'moderator', guildId: '1300000000000000003' };
const NEW_ARTICLE = `Ferry link to Svalbard announced
TROMSØ: A new ferry link between Tromsø and Longyearbyen will start in June, the port authority said on Tuesday.
The ferry will sail twice a week during the summer season.
`;
const FIXED_NOW = new Date('2026-03-05T10:00:00.000Z');

describe('CorpusStore', () => {
  let dir: string;
  let service: AnswerService;
  let store: CorpusStore;
  let logs: LogRecord[];
  let random = 0;

  const files = async (sub = '') => (await readdir(path.join(dir, sub))).sort();

  beforeEach(async () => {
    dir = await writeSampleCorpus();
    const memory = memoryLogger();
    logs = memory.logs;
    // Built on this thread: what is tested here is the store; the build worker has tests of its own
    // (a worker's start costs about a second per change, most of this file's time).
    service = new AnswerService(dir, memory.logger, { build: buildCorpus });
    await service.reload();
    store = new CorpusStore(service, memory.logger, { now: () => FIXED_NOW, randomHex: () => (++random).toString(16).padStart(8, '0') });
  });

  afterEach(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('adds an upload under a new safe name with a sidecar, then serves it', async () => {
    const before = service.current;
    const outcome = await store.add(ACTOR, {
      fileName: '../../../etc/Ferry NEWS.TXT',
      content: Buffer.from(NEW_ARTICLE),
      meta: { title: 'Ferry link to Svalbard', source: 'Arctic Ledger', url: 'https://example.org/ferry', published: '2026-03-03' },
    });
    expect(outcome).toMatchObject({ action: 'add', applied: true, reason: null, articlesBefore: 2, articles: 3 });
    expect(outcome.sentences).toBe(outcome.sentencesBefore + 3);
    expect(outcome.file).toMatch(/^ferry-link-to-svalbard-[0-9a-f]{8}\.txt$/);
    const id = outcome.articleId!;
    expect(await files()).toEqual([...Object.keys(SAMPLE_ARTICLES), `${id}.meta.yaml`, `${id}.txt`].sort());
    expect(await readFile(path.join(dir, `${id}.txt`), 'utf8')).toBe(NEW_ARTICLE);
    const article = service.current.articles.find((a) => a.id === id);
    expect(article?.meta).toMatchObject({
      title: 'Ferry link to Svalbard',
      source: 'Arctic Ledger',
      url: 'https://example.org/ferry',
      published: '2026-03-03',
    });
    // Added in place: the serving engine took the article, nothing was rebuilt.
    expect(service.current).toBe(before);
    expect(service.answer('when', 'ferry link to Longyearbyen').status).toBe('answered');
    const sidecar = await readFile(path.join(dir, `${id}.meta.yaml`), 'utf8');
    expect(sidecar).toContain(`by moderator (${ACTOR.id}) on 2026-03-05T10:00:00.000Z`);
    expect(sidecar).toContain('Uploaded as "../../../etc/Ferry NEWS.TXT"');
    expect(logs.find((l) => l.msg === 'corpus add: applied')).toMatchObject({
      actor: ACTOR,
      at: FIXED_NOW.toISOString(),
      file: outcome.file,
      before: { articles: 2 },
      after: { articles: 3 },
    });
  });

  it('names an upload after its file when it has no title, and never reuses a name', async () => {
    const a = await store.add(ACTOR, { fileName: 'Ferry.md', content: Buffer.from(NEW_ARTICLE) });
    const b = await store.add(ACTOR, { fileName: 'Ferry.md', content: Buffer.from(NEW_ARTICLE) });
    expect(a.file).toMatch(/^ferry-[0-9a-f]{8}\.md$/);
    expect(b.file).toMatch(/^ferry-[0-9a-f]{8}\.md$/);
    expect(a.file).not.toBe(b.file);
    expect(service.current.articles).toHaveLength(4);
  });

  it.each([
    ['report.pdf', Buffer.from('%PDF'), 'only .txt and .md files can be added'],
    ['big.txt', Buffer.alloc(MAX_UPLOAD_BYTES + 1, 'a'), 'at most 1 MB'],
    ['latin1.txt', Buffer.from([0x48, 0xe9, 0x6c, 0x6c, 0x6f, 0x2e]), 'not valid UTF-8'],
    ['empty.md', Buffer.from('---\ntitle: x\n---\n'), 'no article text'],
    ['ads.txt', Buffer.from('Advertisement\n'), 'no sentences'],
    ['front.md', Buffer.from('---\nurl: not a url\n---\nA sentence here.\n'), 'url: must be an http(s) URL'],
  ])('refuses %s and changes nothing', async (fileName, content, reason) => {
    const serving = service.current;
    const before = await files();
    const outcome = await store.add(ACTOR, { fileName, content });
    expect(outcome.applied).toBe(false);
    expect(outcome.file).toBe(fileName);
    expect(outcome.reason).toContain(reason);
    expect(outcome).toMatchObject({ articlesBefore: 2, articles: 2 });
    expect(await files()).toEqual(before);
    expect(service.current).toBe(serving);
    expect(logs.some((l) => l.msg === 'corpus add: refused' && l.reason === outcome.reason)).toBe(true);
  });

  it('refuses bad metadata given with an upload', async () => {
    const outcome = await store.add(ACTOR, { fileName: 'ferry.txt', content: Buffer.from(NEW_ARTICLE), meta: { published: '2026-02-30' } });
    expect(outcome.applied).toBe(false);
    expect(outcome.reason).toBe('metadata: published: must be a date written YYYY-MM-DD');
    expect(await files()).toEqual(Object.keys(SAMPLE_ARTICLES).sort());
  });

  it('removes by moving the article and its sidecar into .removed/, nothing deleted', async () => {
    await writeFile(path.join(dir, 'fair-preview.meta.yaml'), 'source: Arctic Ledger\n');
    await service.reload();
    const outcome = await store.remove(ACTOR, 'fair-preview');
    expect(outcome).toMatchObject({ action: 'remove', applied: true, articleId: 'fair-preview', articlesBefore: 2, articles: 1 });
    expect(await files()).toEqual(['.removed', 'fair-opens.md']);
    const removed = await files(REMOVED_DIR);
    expect(removed).toHaveLength(2);
    expect(removed.some((n) => n.endsWith('_fair-preview.txt'))).toBe(true);
    expect(removed.some((n) => n.endsWith('_fair-preview.meta.yaml'))).toBe(true);
    expect(outcome.movedTo.map((m) => path.basename(m)).sort()).toEqual(removed);
    const moved = removed.find((n) => n.endsWith('.txt'))!;
    expect(await readFile(path.join(dir, REMOVED_DIR, moved), 'utf8')).toBe(SAMPLE_ARTICLES['fair-preview.txt']);
    expect(service.current.articles.map((a) => a.id)).toEqual(['fair-opens']);
  });

  it('refuses to remove an unknown id (paths included) or the last article, and moves nothing', async () => {
    for (const id of ['nope', '../fair-opens', 'fair-opens.md', '.', '']) {
      const outcome = await store.remove(ACTOR, id);
      expect(outcome.applied, id).toBe(false);
      expect(outcome.reason).toContain('no article with id');
    }
    expect((await store.remove(ACTOR, 'fair-preview')).applied).toBe(true);
    const last = await store.remove(ACTOR, 'fair-opens');
    expect(last.applied).toBe(false);
    expect(last.reason).toContain('last article');
    expect(await files()).toEqual(['.removed', 'fair-opens.md']);
    expect(service.current.articles.map((a) => a.id)).toEqual(['fair-opens']);
  });

  it('can remove a file that fails to load', async () => {
    await writeFile(path.join(dir, 'broken.txt'), Buffer.from([0xff, 0xfe, 0x00]));
    await service.reload();
    expect(store.list().errors.map((e) => e.file)).toEqual(['broken.txt']);
    const outcome = await store.remove(ACTOR, 'broken');
    expect(outcome.applied).toBe(true);
    expect(outcome.errors).toEqual([]);
    expect(store.list().errors).toEqual([]);
  });

  it('reload reports files that fail with their reasons while the others serve', async () => {
    await writeFile(path.join(dir, 'notes.md'), '---\npublished: soon\n---\nText.\n');
    const outcome = await store.reload(ACTOR);
    expect(outcome.applied).toBe(true);
    expect(outcome.errors).toEqual([{ file: 'notes.md', reason: expect.stringContaining('published: must be a date') }]);
    expect(outcome.articles).toBe(2);
  });

  it('a hand-added .md beside a serving .txt of the same id: the .txt keeps serving, the .md is refused with why', async () => {
    const serving = service.answer('who', 'port director');
    expect(serving.status).toBe('answered');
    await writeFile(path.join(dir, 'fair-preview.md'), 'Harbour master Ola Berg said the harbour had been expanded for the occasion.\n');
    const outcome = await store.reload(ACTOR);
    expect(outcome).toMatchObject({ applied: true, articles: 2 });
    expect(service.current.articles.find((a) => a.id === 'fair-preview')?.file).toBe('fair-preview.txt');
    expect(service.answer('who', 'port director')).toEqual(serving);
    expect(store.list().errors).toEqual([
      {
        file: 'fair-preview.md',
        reason: expect.stringMatching(/^duplicate article id "fair-preview": fair-preview\.txt has it too and is the one loaded/),
      },
    ]);
    expect(logs.find((l) => l.msg === 'corpus file refused')).toMatchObject({ file: 'fair-preview.md' });
  });

  it('names a folder in the corpus folder in the list and the log, and loads the articles beside it', async () => {
    await mkdir(path.join(dir, 'archive'));
    await writeFile(path.join(dir, 'archive', 'ferry.txt'), NEW_ARTICLE);
    expect(await store.reload(ACTOR)).toMatchObject({ applied: true, articles: 2 });
    expect(store.list().errors).toEqual([
      {
        file: 'archive',
        reason: 'skipped: a folder (articles are read from the corpus folder itself, not from sub-folders)',
        skipped: true,
      },
    ]);
    expect(logs.find((l) => l.msg === 'corpus folder entry skipped')).toMatchObject({
      level: 30,
      file: 'archive',
      reason: expect.stringMatching(/^skipped: a folder/),
    });
  });

  it('sweeps temporary files an interrupted upload left, an hour old or more, at start and at each reload, and says so', async () => {
    const leftOver = async (name: string) => {
      await writeFile(path.join(dir, name), NEW_ARTICLE);
      const twoHoursAgo = new Date(Date.now() - 2 * 3_600_000);
      await utimes(path.join(dir, name), twoHoursAgo, twoHoursAgo);
    };
    await leftOver('.tmp-0000dead-ferry.txt');
    await writeFile(path.join(dir, '.tmp-0000beef-now.txt'), 'an upload under way in another process');
    const started = memoryLogger();
    await new AnswerService(dir, started.logger).open();
    expect((await files()).filter((n) => n.startsWith('.tmp-'))).toEqual(['.tmp-0000beef-now.txt']);
    expect(started.logs.find((l) => l.msg === 'removed temporary files left in the corpus folder by an interrupted upload')?.files).toEqual(
      ['.tmp-0000dead-ferry.txt'],
    );

    await leftOver('.tmp-0000f00d-ferry.meta.yaml');
    expect((await store.reload(ACTOR)).applied).toBe(true);
    expect((await files()).filter((n) => n.startsWith('.tmp-'))).toEqual(['.tmp-0000beef-now.txt']);
    expect(logs.find((l) => l.msg === 'removed temporary files left in the corpus folder by an interrupted upload')?.files).toEqual([
      '.tmp-0000f00d-ferry.meta.yaml',
    ]);
  });

  it('runs concurrent changes one at a time: nothing is lost', async () => {
    const uploads = ['one', 'two', 'three', 'four'].map((name) =>
      store.add(ACTOR, { fileName: `${name}.txt`, content: Buffer.from(NEW_ARTICLE.replace('Svalbard', `Svalbard ${name}`)) }),
    );
    const removal = store.remove(ACTOR, 'fair-preview');
    const outcomes = await Promise.all([...uploads, removal]);
    expect(outcomes.every((o) => o.applied)).toBe(true);
    expect(outcomes.map((o) => o.articles)).toEqual([3, 4, 5, 6, 5]);
    expect(service.current.articles).toHaveLength(5);
    expect((await loadCorpus(dir)).articles).toHaveLength(5);
  });

  it('leaves no temporary file behind when writing fails, and the old corpus serves', async () => {
    const serving = service.current;
    // Draws: the id, the sidecar's temporary name, the article's temporary name. When the last is
    // drawn, a folder appears where the article should go, so renaming it into place fails.
    let draws = 0;
    const failing = new CorpusStore(service, memoryLogger().logger, {
      randomHex: () => {
        draws++;
        if (draws === 3) mkdirSync(path.join(dir, 'blocked-00000001.txt', 'inside'), { recursive: true });
        return draws.toString(16).padStart(8, '0');
      },
    });
    const outcome = failing.add(ACTOR, { fileName: 'ferry.txt', content: Buffer.from(NEW_ARTICLE), meta: { title: 'Blocked' } });
    await expect(outcome).rejects.toThrow(/cannot write blocked-00000001\.txt into the corpus folder/);
    expect((await files()).filter((n) => n.startsWith('.tmp-') || n.endsWith('.meta.yaml'))).toEqual([]);
    expect(service.current).toBe(serving);
    expect(service.changing).toBe(false);
  });
});

describe('AnswerService.change', () => {
  it('swaps only a complete new engine; answers keep coming from the old one meanwhile', async () => {
    const dir = await writeSampleCorpus();
    try {
      let release!: () => void;
      const gate = new Promise<void>((resolve) => {
        release = resolve;
      });
      let held = false;
      const build = async (request: BuildRequest): Promise<BuiltCorpus> => {
        if (held) await gate;
        return buildCorpus(request);
      };
      const service = new AnswerService(dir, memoryLogger().logger, { build });
      await service.reload();
      const old = service.current;
      held = true;
      const reload = service.reload();
      expect(service.changing).toBe(true);
      expect(service.current).toBe(old);
      expect(service.answer('when', 'Arctic Trade Fair').status).toBe('answered');
      let settled = false;
      const waiting = service.whenSettled().then(() => {
        settled = true;
      });
      await new Promise((resolve) => setTimeout(resolve, 20));
      expect(settled).toBe(false);
      release();
      await reload;
      await waiting;
      expect(service.changing).toBe(false);
      expect(service.current).not.toBe(old);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it('a failing change does not block the next one', async () => {
    const dir = await writeSampleCorpus();
    try {
      const service = new AnswerService(dir, memoryLogger().logger);
      await expect(service.change(() => Promise.reject(new Error('boom')))).rejects.toThrow('boom');
      expect(service.changing).toBe(false);
      expect((await service.reload()).applied).toBe(true);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});

describe('upload names and rules', () => {
  it('slugs keep nothing of a path and are never empty', () => {
    expect(slugify('../../etc/passwd')).toBe('etc-passwd');
    expect(slugify('Lee’s visit: Beijing & Seoul (2026)')).toBe('lee-s-visit-beijing-seoul-2026');
    expect(slugify('Tromsø fair — día uno')).toBe('tromso-fair-dia-uno');
    expect(slugify('???')).toBe('article');
    expect(slugify('x'.repeat(100))).toHaveLength(40);
    expect(uploadStem('C:\\Users\\me\\notes.final.md')).toBe('notes.final');
    expect(uploadStem('../../a/b.txt')).toBe('b');
  });

  it('unique ids skip names already used by any file', async () => {
    const dir = await writeSampleCorpus({ 'ferry-00000001.md': NEW_ARTICLE, 'ferry-00000002.meta.yaml': 'title: x\n' });
    try {
      const draws = ['00000001', '00000002', '00000003'];
      expect(await uniqueArticleId(dir, 'Ferry', () => draws.shift()!)).toBe('ferry-00000003');
      await expect(uniqueArticleId(dir, 'Ferry', () => '00000001')).rejects.toThrow(/no unused article id/);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it('uploadProblem checks extension and size', () => {
    expect(uploadProblem('a.TXT', 10)).toBeNull();
    expect(uploadProblem('a.md', MAX_UPLOAD_BYTES)).toBeNull();
    expect(uploadProblem('a.docx', 10)).toContain('.txt and .md');
    expect(uploadProblem('a.md', MAX_UPLOAD_BYTES + 1)).toContain('at most 1 MB');
    expect(uploadProblem('a.md', 0)).toContain('empty');
  });
});
