// The process dying while a moderator's upload is being written (a crash, a kill, a power cut at
// any step of the write): what is left in the corpus folder is what was there before plus hidden
// temporary files the loader never reads, so the bot starts again on the corpus it served.

import { rm } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { loadCorpus } from '../../src/corpus/loadCorpus.js';
import { AnswerService } from '../../src/service/answerService.js';
import { buildCorpus } from '../../src/service/corpusBuild.js';
import { CorpusStore } from '../../src/service/corpusStore.js';
import { copyCorpus, memoryLogger } from '../support/botHarness.js';
import { folderState } from '../support/folderState.js';
import { fsFaults, resetFsFaults } from '../support/fsFaults.js';

vi.mock('node:fs/promises', async (importOriginal) => (await import('../support/fsFaults.js')).faultyFsPromises(await importOriginal()));

const UPLOAD = `Lee visits Qingdao port
QINGDAO: President Lee Jae Myung visited the container terminal in Qingdao on Thursday with shipping executives.
The port handles much of the trade between the two countries, officials said.
`;
const ACTOR = { id: '1400000000000000001', name: 'moderator', guildId: null };

/** The point where the process "dies": the hook there never returns. */
let reached = false;
const dies = (): Promise<void> => {
  reached = true;
  return new Promise<void>(() => undefined);
};
const isTemp = (file: string, suffix: string) => path.basename(file).startsWith('.tmp-') && file.endsWith(suffix);

describe('the process dying while an upload is written', () => {
  const dirs: string[] = [];

  afterEach(async () => {
    resetFsFaults();
    for (const dir of dirs.splice(0)) await rm(dir, { recursive: true, force: true });
  });

  it.each([
    ['while writing the sidecar', () => void (fsFaults.beforeWrite = (file) => (isTemp(file, '.meta.yaml') ? dies() : undefined))],
    ['while writing the article', () => void (fsFaults.beforeWrite = (file) => (isTemp(file, '.txt') ? dies() : undefined))],
    ['with both written, before they are renamed into place', () => void (fsFaults.beforeRename = () => dies())],
  ])('%s: no visible file changed, and a restart serves the corpus as before', async (_when, dieThere) => {
    reached = false;
    const dir = await copyCorpus();
    dirs.push(dir);
    const { logger } = memoryLogger();
    const service = new AnswerService(dir, logger, { build: buildCorpus });
    await service.open();
    const articlesBefore = service.current.articles.map((a) => a.id);
    const before = await folderState(dir);
    dieThere();

    // The write never finishes: the process is gone at that point. Look at what it left behind.
    void new CorpusStore(service, logger).add(ACTOR, { fileName: 'qingdao.txt', content: new TextEncoder().encode(UPLOAD) });
    await vi.waitFor(() => expect(reached).toBe(true));
    const left = await folderState(dir);
    expect(left.files).toEqual(before.files);
    expect(left.hidden.filter((name) => !before.hidden.includes(name)).every((name) => name.startsWith('.tmp-'))).toBe(true);

    // "Restart": the loader reads the folder as it was left.
    const restarted = await loadCorpus(dir);
    expect(restarted.errors).toEqual([]);
    expect(restarted.articles.map((a) => a.id)).toEqual(articlesBefore);
  });
});
