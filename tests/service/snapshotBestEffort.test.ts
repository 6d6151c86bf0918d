// The index snapshot is only a cache: whatever INDEX_CACHE_DIR names and whatever the disk does, the
// service starts, answers, and applies moderators' changes, with one warning line about the cache.
// Real files and folders; faults a test cannot make for real (a read-only or full disk while
// running as root, a file system that stops answering) are injected into node:fs/promises.

import { mkdir, mkdtemp, readdir, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { AnswerService } from '../../src/service/answerService.js';
import { buildCorpus, buildCorpusInWorker } from '../../src/service/corpusBuild.js';
import { CorpusStore, type Actor } from '../../src/service/corpusStore.js';
import { snapshotPathFor } from '../../src/service/snapshot.js';
import { memoryLogger, type LogRecord } from '../support/botHarness.js';
import { fsError, fsFaults, resetFsFaults } from '../support/fsFaults.js';
import { writeSampleCorpus } from '../support/sampleCorpus.js';

vi.mock('node:fs/promises', async (importOriginal) => (await import('../support/fsFaults.js')).faultyFsPromises(await importOriginal()));

const ACTOR: Actor = { id: '1300000000000000005', name: 'moderator', guildId: '1300000000000000003' };
const FERRY = `Ferry link to Svalbard announced
TROMSØ: A new ferry link between Tromsø and Longyearbyen will start in June, the port authority said on Tuesday.
`;
const WARN = 40;

/** What a case makes of the cache: the snapshot folder to configure, after setting up the fault. */
type CacheCase = (base: string, corpusDir: string) => Promise<string>;

const inCache = (file: string, cacheDir: string) => file.startsWith(`${cacheDir}${path.sep}`);
const isTemporary = (file: string, cacheDir: string) => inCache(file, cacheDir) && file.endsWith('.tmp');

const CASES: Array<[string, CacheCase]> = [
  [
    'the cache folder is a file',
    async (base, corpusDir) => {
      await writeFile(path.join(base, 'cache'), 'not a folder');
      return snapshotPathFor(path.join(base, 'cache'), corpusDir);
    },
  ],
  [
    'the cache folder is under /proc (INDEX_CACHE_DIR=/proc/self/x)',
    async (_base, corpusDir) => snapshotPathFor('/proc/self/x', corpusDir),
  ],
  [
    'a file is where the snapshot folder should be',
    async (base, corpusDir) => {
      const folder = snapshotPathFor(path.join(base, 'cache'), corpusDir);
      await mkdir(path.dirname(folder), { recursive: true });
      await writeFile(folder, 'not a snapshot folder');
      return folder;
    },
  ],
  [
    'the cache is on a read-only file system (EROFS)',
    async (base, corpusDir) => {
      const cacheDir = path.join(base, 'cache');
      await mkdir(cacheDir);
      fsFaults.beforeOpen = (file) => {
        if (isTemporary(file, cacheDir)) throw fsError('EROFS', 'open', file);
      };
      return snapshotPathFor(cacheDir, corpusDir);
    },
  ],
  [
    'the disk is full (ENOSPC while writing)',
    async (base, corpusDir) => {
      const cacheDir = path.join(base, 'cache');
      fsFaults.beforeHandleWrite = (file) => {
        if (isTemporary(file, cacheDir)) throw fsError('ENOSPC', 'write', file);
      };
      return snapshotPathFor(cacheDir, corpusDir);
    },
  ],
  [
    'the cache’s file system stops answering (reads and writes never return)',
    async (base, corpusDir) => {
      const cacheDir = path.join(base, 'cache');
      await mkdir(cacheDir);
      fsFaults.beforeOpen = (file) => (inCache(file, cacheDir) ? new Promise<void>(() => undefined) : undefined);
      return snapshotPathFor(cacheDir, corpusDir);
    },
  ],
];

describe('an index snapshot that cannot be read or written', () => {
  let base: string;
  let corpusDir: string;
  beforeEach(async () => {
    base = await mkdtemp(path.join(tmpdir(), 'snapshot-faults-'));
    corpusDir = await writeSampleCorpus();
  });
  afterEach(async () => {
    resetFsFaults();
    await rm(base, { recursive: true, force: true });
    await rm(corpusDir, { recursive: true, force: true });
  });

  const snapshotWarnings = (logs: LogRecord[]) => logs.filter((line) => line.level === WARN);

  it.each(CASES)('%s: starts, answers, applies /corpus add, reload and remove, with one warning', async (_case, makeCache) => {
    const snapshotFile = await makeCache(base, corpusDir);
    const { logger, logs } = memoryLogger();
    // The build on this thread, so that the injected faults reach it (a worker has its own node:fs).
    const service = new AnswerService(corpusDir, logger, { snapshotFile, build: buildCorpus, snapshotTimeLimitMs: 500 });

    const opened = await service.open();
    expect(opened).toMatchObject({ applied: true, articles: 2 });
    expect(service.answer('who', 'port director').status).toBe('answered');

    const store = new CorpusStore(service, logger);
    const added = await store.add(ACTOR, { fileName: 'ferry.txt', content: Buffer.from(FERRY) });
    expect(added).toMatchObject({ applied: true, articles: 3 });
    expect(service.answer('when', 'ferry link to Longyearbyen').status).toBe('answered');
    expect(await store.reload(ACTOR)).toMatchObject({ applied: true, articles: 3 });
    expect(await store.remove(ACTOR, added.articleId!)).toMatchObject({ applied: true, articles: 2 });

    const warnings = snapshotWarnings(logs);
    expect(warnings).toHaveLength(1);
    expect(warnings[0]?.msg).toMatch(/^index snapshot unavailable: going on without it/);
    expect(warnings[0]?.problem).toEqual(expect.stringContaining(path.dirname(snapshotFile)));
    expect(logs.filter((line) => line.level > WARN)).toEqual([]);
    // A failed save leaves no half-written temporary file behind (a full disk would stay full).
    if ((await stat(snapshotFile).catch(() => null))?.isDirectory() === true && !snapshotFile.startsWith('/proc')) {
      expect((await readdir(snapshotFile)).filter((name) => name.endsWith('.tmp'))).toEqual([]);
    }
  });

  it.each(CASES.slice(0, 3))('%s: changes built on the worker thread apply too', async (_case, makeCache) => {
    const snapshotFile = await makeCache(base, corpusDir);
    const { logger, logs } = memoryLogger();
    const service = new AnswerService(corpusDir, logger, { snapshotFile, build: buildCorpusInWorker });
    await service.open();
    const store = new CorpusStore(service, logger);
    expect(await store.add(ACTOR, { fileName: 'ferry.txt', content: Buffer.from(FERRY) })).toMatchObject({ applied: true, articles: 3 });
    expect(await store.reload(ACTOR)).toMatchObject({ applied: true, articles: 3 });
    expect(snapshotWarnings(logs)).toHaveLength(1);
    expect(service.snapshotProblem).not.toBeNull();
  });

  it('a slow disk: the time limit holds per file, so a snapshot of several files slower in all than the limit is saved', async () => {
    const cacheDir = path.join(base, 'cache');
    const snapshotFile = snapshotPathFor(cacheDir, corpusDir);
    const slowed = new Set<string>();
    // Each file's first write takes 600 ms: the shard file and the manifest take 1.2 s in all, more than the 1 s limit.
    fsFaults.beforeHandleWrite = async (file) => {
      if (!isTemporary(file, cacheDir) || slowed.has(file)) return;
      slowed.add(file);
      await new Promise((resolve) => setTimeout(resolve, 600));
    };
    const first = memoryLogger();
    await new AnswerService(corpusDir, first.logger, { snapshotFile, build: buildCorpus, snapshotTimeLimitMs: 1000 }).open();
    expect(slowed.size).toBeGreaterThanOrEqual(2);
    expect(snapshotWarnings(first.logs)).toEqual([]);

    resetFsFaults();
    const second = memoryLogger();
    await new AnswerService(corpusDir, second.logger, { snapshotFile, build: buildCorpus }).open();
    expect(second.logs.find((line) => line.msg === 'corpus loaded')?.from).toBe('snapshot');
  });

  it('says once when the snapshot works again, and the next start loads it', async () => {
    const cacheDir = path.join(base, 'cache');
    await writeFile(cacheDir, 'not a folder');
    const snapshotFile = snapshotPathFor(cacheDir, corpusDir);
    const first = memoryLogger();
    const service = new AnswerService(corpusDir, first.logger, { snapshotFile, build: buildCorpus });
    await service.open();
    expect(service.snapshotProblem).toMatch(/not a directory|not a folder/);

    await rm(cacheDir);
    await service.reload();
    expect(service.snapshotProblem).toBeNull();
    expect(first.logs.filter((line) => line.msg === 'index snapshot saved again')).toHaveLength(1);
    expect(snapshotWarnings(first.logs)).toHaveLength(1);

    const second = memoryLogger();
    await new AnswerService(corpusDir, second.logger, { snapshotFile, build: buildCorpus }).open();
    expect(second.logs.find((line) => line.msg === 'corpus loaded')?.from).toBe('snapshot');
    expect(snapshotWarnings(second.logs)).toEqual([]);
  });
});
