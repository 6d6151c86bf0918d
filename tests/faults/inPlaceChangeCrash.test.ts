// The process dying in the middle of a moderator's in-place change, at each step after the files
// were changed: while the index snapshot is saved (a shard file, or the manifest renamed into place).
// The corpus folder holds the change; the next start must serve exactly the folder, never the
// snapshot from before the change.

import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { AnswerService } from '../../src/service/answerService.js';
import { buildCorpus } from '../../src/service/corpusBuild.js';
import { CorpusStore } from '../../src/service/corpusStore.js';
import { snapshotPathFor } from '../../src/service/snapshot.js';
import { copyCorpus, memoryLogger } from '../support/botHarness.js';
import { fsFaults, resetFsFaults } from '../support/fsFaults.js';

vi.mock('node:fs/promises', async (importOriginal) => (await import('../support/fsFaults.js')).faultyFsPromises(await importOriginal()));

const UPLOAD = `Lee visits Qingdao port
QINGDAO: President Lee Jae Myung visited the container terminal in Qingdao on Thursday with shipping executives.
The port handles much of the trade between the two countries, officials said.
`;
const ACTOR = { id: '1400000000000000001', name: 'moderator', guildId: null };

let reached = false;
const dies = (): Promise<void> => {
  reached = true;
  return new Promise<void>(() => undefined);
};
const inSnapshot = (file: string) => file.includes(`${path.sep}index-`);

const DEATHS = [
  [
    'while a shard file of the snapshot is written',
    () => void (fsFaults.beforeOpen = (file) => (inSnapshot(file) && file.endsWith('.tmp') ? dies() : undefined)),
  ],
  [
    'as the snapshot manifest is renamed into place',
    () => void (fsFaults.beforeRename = (_from, to) => (inSnapshot(to) && to.endsWith('manifest.json') ? dies() : undefined)),
  ],
] as const;

describe('the process dying during an in-place change', () => {
  const dirs: string[] = [];

  afterEach(async () => {
    resetFsFaults();
    for (const dir of dirs.splice(0)) await rm(dir, { recursive: true, force: true });
  });

  async function start(dir: string, cacheDir: string): Promise<AnswerService> {
    const { logger } = memoryLogger();
    const service = new AnswerService(dir, logger, { build: buildCorpus, snapshotFile: snapshotPathFor(cacheDir, dir) });
    await service.open();
    return service;
  }

  async function folders(): Promise<{ dir: string; cacheDir: string }> {
    const dir = await copyCorpus();
    const cacheDir = await mkdtemp(path.join(tmpdir(), 'crash-cache-'));
    dirs.push(dir, cacheDir);
    return { dir, cacheDir };
  }

  it.each(DEATHS)('an add, dying %s: the next start serves the added article', async (_when, dieThere) => {
    reached = false;
    const { dir, cacheDir } = await folders();
    const service = await start(dir, cacheDir);
    expect(service.answer('where', 'container terminal').status).toBe('not-found');
    dieThere();
    void new CorpusStore(service, memoryLogger().logger).add(ACTOR, { fileName: 'qingdao.txt', content: new TextEncoder().encode(UPLOAD) });
    await vi.waitFor(() => expect(reached).toBe(true), { timeout: 10_000 });
    // Served in place before the snapshot was saved.
    expect(service.answer('where', 'container terminal').answer).toBe('Qingdao');
    resetFsFaults();

    const restarted = await start(dir, cacheDir);
    expect(restarted.current.articles.map((a) => a.id).sort()).toEqual(service.current.articles.map((a) => a.id).sort());
    expect(restarted.answer('where', 'container terminal').answer).toBe('Qingdao');
  });

  it.each(DEATHS)('a removal, dying %s: the next start no longer serves the article', async (_when, dieThere) => {
    reached = false;
    const { dir, cacheDir } = await folders();
    const service = await start(dir, cacheDir);
    const removed = service.current.articles[0]!;
    dieThere();
    void new CorpusStore(service, memoryLogger().logger).remove(ACTOR, removed.id);
    await vi.waitFor(() => expect(reached).toBe(true), { timeout: 10_000 });
    expect(service.current.articles.map((a) => a.id)).not.toContain(removed.id);
    resetFsFaults();

    const restarted = await start(dir, cacheDir);
    expect(restarted.current.articles.map((a) => a.id)).toEqual(service.current.articles.map((a) => a.id));
  });
});
