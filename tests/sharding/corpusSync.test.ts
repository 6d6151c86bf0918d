// How a shard follows a corpus change made in another shard: from the snapshot the changing shard
// saved when it matches the folder, else indexed again; a failure keeps the corpus serving.

import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { AnswerService } from '../../src/service/answerService.js';
import { buildCorpus, type BuildRequest, type BuiltCorpus } from '../../src/service/corpusBuild.js';
import { snapshotPathFor } from '../../src/service/snapshot.js';
import { snapshotFirstBuild } from '../../src/service/snapshotFirstBuild.js';
import { corpusChangedMessage, followCorpusChange, isCorpusChangedMessage } from '../../src/sharding/corpusSync.js';
import type { ChangeOutcome } from '../../src/service/corpusStore.js';
import { memoryLogger } from '../support/botHarness.js';
import { SAMPLE_ARTICLES, writeSampleCorpus } from '../support/sampleCorpus.js';

const NEW_ARTICLE = `Ferry line to Svalbard announced
TROMSØ: A new ferry line between Tromsø and Longyearbyen will start in June, the harbour authority said on Friday.
`;

const ADDED: ChangeOutcome = {
  action: 'add',
  applied: true,
  reason: null,
  file: 'ferry.txt',
  articleId: 'ferry',
  movedTo: [],
  articlesBefore: 2,
  sentencesBefore: 10,
  articles: 3,
  sentences: 12,
  errors: [],
};

describe('following a corpus change made in another shard', () => {
  let corpusDir: string;
  let cacheDir: string;
  let snapshotFile: string;

  beforeEach(async () => {
    corpusDir = await writeSampleCorpus();
    cacheDir = await mkdtemp(path.join(tmpdir(), 'shard-cache-'));
    snapshotFile = snapshotPathFor(cacheDir, corpusDir);
  });
  afterEach(async () => {
    await rm(corpusDir, { recursive: true, force: true });
    await rm(cacheDir, { recursive: true, force: true });
  });

  /** A shard's service: opened, with a build that counts how often the folder is indexed. */
  async function openShard(options: { snapshots?: boolean; failIndexing?: boolean } = {}) {
    const { logger, logs } = memoryLogger();
    const indexed = vi.fn((request: BuildRequest): Promise<BuiltCorpus> => {
      if (options.failIndexing === true) return Promise.reject(new Error('the build worker crashed'));
      return buildCorpus(request);
    });
    const service = new AnswerService(corpusDir, logger, {
      snapshotFile: options.snapshots === false ? null : snapshotFile,
      build: snapshotFirstBuild(logger, indexed),
    });
    await service.open();
    return { service, logger, logs, indexed };
  }

  it('recognises only its own messages', () => {
    expect(isCorpusChangedMessage(corpusChangedMessage(0, ADDED))).toBe(true);
    for (const other of [null, 'corpus', { _ready: true }, { _eval: '1' }, { type: 'visit-qa:corpus-changed' }])
      expect(isCorpusChangedMessage(other)).toBe(false);
  });

  it('loads the snapshot the changing shard saved when it matches the folder, without indexing', async () => {
    const { service, logger, logs, indexed } = await openShard();
    const articlesBefore = service.current.articles.length;
    // The other shard writes the article and saves the snapshot of the new folder.
    await writeFile(path.join(corpusDir, 'ferry.txt'), NEW_ARTICLE);
    await buildCorpus({ corpusDir, snapshotFile });

    await followCorpusChange(service, logger, corpusChangedMessage(0, ADDED));
    expect(service.current.articles.map((a) => a.id)).toContain('ferry');
    expect(service.current.articles.length).toBe(articlesBefore + 1);
    expect(indexed).not.toHaveBeenCalled();
    expect(logs.some((line) => line.msg === 'corpus index loaded from the snapshot matching the folder')).toBe(true);
  });

  it('indexes the folder when no snapshot matches it (snapshots off)', async () => {
    const { service, indexed } = await openShard({ snapshots: false });
    await writeFile(path.join(corpusDir, 'ferry.txt'), NEW_ARTICLE);
    const { logger, logs } = memoryLogger();
    await followCorpusChange(service, logger, corpusChangedMessage(1, ADDED));
    expect(indexed).toHaveBeenCalledTimes(1);
    expect(service.current.articles.map((a) => a.id)).toContain('ferry');
    expect(logs.some((line) => line.msg === 'corpus change followed')).toBe(true);
  });

  it('keeps the corpus serving when following fails, and says so', async () => {
    const { service } = await openShard({ snapshots: false, failIndexing: true });
    const serving = service.current;
    await writeFile(path.join(corpusDir, 'ferry.txt'), NEW_ARTICLE);
    const { logger, logs } = memoryLogger();
    await expect(followCorpusChange(service, logger, corpusChangedMessage(0, ADDED))).resolves.toBeUndefined();
    expect(service.current).toBe(serving);
    const failure = logs.find((line) => line.msg === 'could not follow the corpus change: keeping the corpus that is serving');
    expect(failure?.level).toBe(50);
    expect(JSON.stringify(failure)).toContain('the build worker crashed');
  });

  it('keeps the corpus serving when the folder it would switch to is refused', async () => {
    const { service } = await openShard({ snapshots: false });
    const serving = service.current;
    for (const name of Object.keys(SAMPLE_ARTICLES)) await rm(path.join(corpusDir, name));
    const { logger, logs } = memoryLogger();
    await followCorpusChange(service, logger, corpusChangedMessage(0, { ...ADDED, action: 'remove' }));
    expect(service.current).toBe(serving);
    expect(logs.find((line) => line.msg === 'could not follow the corpus change: keeping the corpus that is serving')?.refusal).toMatch(
      /no readable article/,
    );
  });
});
