import { execFileSync } from 'node:child_process';
import { mkdtemp, readdir, rm, utimes, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AnswerEngine } from '../../src/answer/engine.js';
import { fromBuffers } from '../../src/answer/engineData.js';
import { buildCorpus, buildCorpusInWorker } from '../../src/service/corpusBuild.js';
import { corpusFingerprint, loadSnapshot, saveSnapshot, snapshotPathFor } from '../../src/service/snapshot.js';
import { writeSampleCorpus } from '../support/sampleCorpus.js';

describe('the saved index', () => {
  let corpusDir: string;
  let cacheDir: string;
  beforeAll(async () => {
    corpusDir = await writeSampleCorpus({ 'bad.md': '---\ntitle: [unclosed\n---\ntext\n' });
    cacheDir = await mkdtemp(path.join(tmpdir(), 'snapshot-cache-'));
  });
  afterAll(async () => {
    await rm(corpusDir, { recursive: true, force: true });
    await rm(cacheDir, { recursive: true, force: true });
  });

  it('loads back an engine that answers exactly as the one built from the files', async () => {
    const file = snapshotPathFor(cacheDir, corpusDir);
    const built = await buildCorpus({ corpusDir, snapshotFile: file });
    const loaded = await loadSnapshot(file, await corpusFingerprint(corpusDir));
    expect(loaded).not.toBeNull();
    expect(loaded!.errors.map((e) => e.file)).toEqual(['bad.md']);
    const fresh = new AnswerEngine(fromBuffers(built.data));
    const restored = new AnswerEngine(fromBuffers(loaded!.data));
    for (const [command, query] of [['when', 'trade fair opens'], ['who', 'port director'], ['ask', 'How long is the fair?']] as const) {
      expect(restored.answer(command, query)).toEqual(fresh.answer(command, query));
    }
    expect((await readdir(cacheDir)).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });

  it('is never served once the corpus has changed', async () => {
    const file = snapshotPathFor(cacheDir, corpusDir);
    const before = await corpusFingerprint(corpusDir);
    await buildCorpus({ corpusDir, snapshotFile: file });
    await writeFile(path.join(corpusDir, 'new.txt'), 'A ferry line to Svalbard opens in June.\n');
    const after = await corpusFingerprint(corpusDir);
    expect(after).not.toBe(before);
    expect(await loadSnapshot(file, after)).toBeNull();
  });

  it('is ignored when damaged', async () => {
    const file = path.join(cacheDir, 'damaged.bin');
    await writeFile(file, 'VQAIDX not really a snapshot');
    expect(await loadSnapshot(file, 'anything')).toBeNull();
    expect(await loadSnapshot(path.join(cacheDir, 'missing.bin'), 'anything')).toBeNull();
  });

  it.runIf(process.platform === 'linux')('refuses a FIFO in the snapshot’s place instead of waiting on it for ever', async () => {
    const fifo = path.join(cacheDir, 'fifo.bin');
    execFileSync('mkfifo', [fifo]);
    await expect(loadSnapshot(fifo, 'anything')).rejects.toThrow(/fifo\.bin: it is not a regular file/);
    await expect(loadSnapshot(cacheDir, 'anything')).rejects.toThrow(/it is not a regular file/);
    // A /proc file says it is empty: nothing is read, so nothing can block.
    expect(await loadSnapshot('/proc/self/status', 'anything')).toBeNull();
  });

  it('deletes temporary files an interrupted save left, once they are an hour old', async () => {
    const folder = await mkdtemp(path.join(tmpdir(), 'snapshot-temporaries-'));
    try {
      const file = path.join(folder, 'index.bin');
      const old = `index.bin.123.${Date.now() - 2 * 3_600_000}.tmp`;
      const recent = `index.bin.456.${Date.now()}.tmp`;
      await writeFile(path.join(folder, old), 'half a snapshot');
      await writeFile(path.join(folder, recent), 'another process is writing this one');
      const twoHoursAgo = new Date(Date.now() - 2 * 3_600_000);
      await utimes(path.join(folder, old), twoHoursAgo, twoHoursAgo);
      await saveSnapshot(file, await buildCorpus({ corpusDir, snapshotFile: null }));
      expect((await readdir(folder)).sort()).toEqual(['index.bin', recent]);
    } finally {
      await rm(folder, { recursive: true, force: true });
    }
  });

  it('round-trips through save and load', async () => {
    const built = await buildCorpus({ corpusDir, snapshotFile: null });
    const file = path.join(cacheDir, 'roundtrip.bin');
    await saveSnapshot(file, built);
    const loaded = await loadSnapshot(file, built.fingerprint);
    expect(loaded!.data.index.terms).toBe(built.data.index.terms);
    expect(Array.from(loaded!.data.index.postingDoc)).toEqual(Array.from(built.data.index.postingDoc));
    expect(Array.from(loaded!.data.store.text)).toEqual(Array.from(built.data.store.text));
  });

  it('is built off the main thread with the same result', async () => {
    const inThread = await buildCorpus({ corpusDir, snapshotFile: null });
    const inWorker = await buildCorpusInWorker({ corpusDir, snapshotFile: null });
    expect(inWorker.fingerprint).toBe(inThread.fingerprint);
    expect(inWorker.data.index.terms).toBe(inThread.data.index.terms);
    expect(Array.from(inWorker.data.store.position)).toEqual(Array.from(inThread.data.store.position));
    // On Linux the worker lowers its own CPU priority; a note would say why it could not.
    if (process.platform === 'linux') expect(inWorker.notes).toEqual([]);
  });

  it('reports a build that fails instead of hanging', async () => {
    await expect(buildCorpusInWorker({ corpusDir: path.join(cacheDir, 'no-such-folder'), snapshotFile: null })).rejects.toThrow(/no-such-folder/);
  });
});
