import { execFileSync } from 'node:child_process';
import { mkdir, mkdtemp, readdir, rm, utimes, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AnswerEngine } from '../../src/answer/engine.js';
import { parseArticle } from '../../src/corpus/loadCorpus.js';
import { CorpusIndex, SHARD_SENTENCES } from '../../src/search/corpusIndex.js';
import { buildCorpus, buildCorpusInWorker } from '../../src/service/corpusBuild.js';
import {
  SNAPSHOT_FORMAT,
  corpusFingerprint,
  loadSnapshot,
  saveSnapshot,
  snapshotOfIndex,
  snapshotPathFor,
} from '../../src/service/snapshot.js';
import { sampleArticles, writeSampleCorpus } from '../support/sampleCorpus.js';

const QUESTIONS = [
  ['when', 'trade fair opens'],
  ['who', 'port director'],
  ['ask', 'How long is the fair?'],
] as const;
const noWait = async () => undefined;

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
    const dir = snapshotPathFor(cacheDir, corpusDir);
    const built = await buildCorpus({ corpusDir, snapshotFile: dir });
    const loaded = await loadSnapshot(dir, await corpusFingerprint(corpusDir));
    expect(loaded).not.toBeNull();
    expect(loaded!.errors.map((e) => e.file)).toEqual(['bad.md']);
    const fresh = new AnswerEngine(built.index);
    const restored = new AnswerEngine(await CorpusIndex.unpack(loaded!.corpus, noWait));
    for (const [command, query] of QUESTIONS) expect(restored.answer(command, query)).toEqual(fresh.answer(command, query));
    expect(restored.suggestions.suggest('troms')).toEqual(fresh.suggestions.suggest('troms'));
    expect((await readdir(dir)).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });

  it('is never served once the corpus has changed', async () => {
    const dir = snapshotPathFor(cacheDir, corpusDir);
    const before = await corpusFingerprint(corpusDir);
    await buildCorpus({ corpusDir, snapshotFile: dir });
    await writeFile(path.join(corpusDir, 'new.txt'), 'A ferry line to Svalbard opens in June.\n');
    const after = await corpusFingerprint(corpusDir);
    expect(after).not.toBe(before);
    expect(await loadSnapshot(dir, after)).toBeNull();
    await rm(path.join(corpusDir, 'new.txt'));
  });

  it('is ignored when damaged, missing, or not a folder of ours', async () => {
    const damaged = path.join(cacheDir, 'damaged');
    await mkdir(damaged);
    const manifest = (shards: unknown[], format = SNAPSHOT_FORMAT) =>
      JSON.stringify({ format, fingerprint: 'x', generation: 'g', errors: [], shards, suggestions: '[]' });
    await writeFile(path.join(damaged, 'manifest.json'), manifest([{ base: 0, file: 'gone.bin', removed: [] }]));
    expect(await loadSnapshot(damaged, 'x')).toBeNull();
    await writeFile(path.join(damaged, 'shard.bin'), 'VQASHD not really a shard');
    await writeFile(path.join(damaged, 'manifest.json'), manifest([{ base: 0, file: 'shard.bin', removed: [] }]));
    expect(await loadSnapshot(damaged, 'x')).toBeNull();
    await writeFile(path.join(damaged, 'manifest.json'), manifest([], SNAPSHOT_FORMAT - 1));
    expect(await loadSnapshot(damaged, 'x')).toBeNull();
    await writeFile(path.join(damaged, 'manifest.json'), 'not json');
    expect(await loadSnapshot(damaged, 'x')).toBeNull();
    expect(await loadSnapshot(path.join(cacheDir, 'missing'), 'anything')).toBeNull();
  });

  it.runIf(process.platform === 'linux')(
    'refuses a FIFO in the manifest’s place, or a file in the folder’s, instead of waiting on it for ever',
    async () => {
      const folder = path.join(cacheDir, 'with-fifo');
      await mkdir(folder);
      execFileSync('mkfifo', [path.join(folder, 'manifest.json')]);
      await expect(loadSnapshot(folder, 'anything')).rejects.toThrow(/manifest\.json: it is not a regular file/);
      await writeFile(path.join(cacheDir, 'not-a-folder'), 'x');
      await expect(loadSnapshot(path.join(cacheDir, 'not-a-folder'), 'anything')).rejects.toThrow(/it is not a folder/);
      // Under /proc a missing folder is "not there", and is never created with a recursive mkdir (which spins for ever there).
      expect(await loadSnapshot('/proc/self/no-such-snapshot', 'anything')).toBeNull();
      const corpus = CorpusIndex.build(sampleArticles());
      await expect(
        saveSnapshot('/proc/self/x/y', { fingerprint: 'f', errors: [], corpus: snapshotOfIndex(corpus) }, noWait),
      ).rejects.toThrow(/snapshot folder/);
    },
  );

  it('deletes shard and temporary files no manifest names, once they are an hour old', async () => {
    const folder = await mkdtemp(path.join(tmpdir(), 'snapshot-leftovers-'));
    try {
      const old = 'shard-0-deadbeef.bin.123.abcd.tmp';
      const recent = 'shard-0-cafebabe.bin.456.abcd.tmp';
      await writeFile(path.join(folder, old), 'half a shard');
      await writeFile(path.join(folder, recent), 'another process is writing this one');
      const twoHoursAgo = new Date(Date.now() - 2 * 3_600_000);
      await utimes(path.join(folder, old), twoHoursAgo, twoHoursAgo);
      // A save whose time limit holds per file may still be writing a file ten minutes on.
      const tenMinutesAgo = new Date(Date.now() - 10 * 60_000);
      await utimes(path.join(folder, recent), tenMinutesAgo, tenMinutesAgo);
      await saveSnapshot(folder, { fingerprint: 'f', errors: [], corpus: snapshotOfIndex(CorpusIndex.build(sampleArticles())) }, noWait);
      const names = await readdir(folder);
      expect(names).not.toContain(old);
      expect(names).toContain(recent);
      expect(names).toContain('manifest.json');
    } finally {
      await rm(folder, { recursive: true, force: true });
    }
  });

  it('after an in-place change, rewrites only the shards that changed', async () => {
    const dir = path.join(cacheDir, 'incremental');
    // Enough sentences for several shards.
    const filler = (n: number) => Array.from({ length: n }, (_, i) => `Filler sentence number ${i} mentions harbour cranes.`).join('\n');
    const articles = [
      ...sampleArticles(),
      parseArticle({ id: 'filler', file: 'filler.txt', content: filler(SHARD_SENTENCES) }),
      parseArticle({ id: 'more', file: 'more.txt', content: filler(50) }),
    ];
    const corpus = CorpusIndex.build(articles);
    expect(corpus.sentences.shardCount).toBeGreaterThan(1);
    await saveSnapshot(dir, { fingerprint: 'one', errors: [], corpus: snapshotOfIndex(corpus) }, noWait);
    const first = new Set((await readdir(dir)).filter((f) => f.startsWith('shard-')));
    expect(first.size).toBe(corpus.sentences.shardCount);

    await corpus.add(parseArticle({ id: 'ferry', file: 'ferry.txt', content: 'A ferry line to Svalbard opens in June.\n' }), noWait);
    await saveSnapshot(dir, { fingerprint: 'two', errors: [], corpus: snapshotOfIndex(corpus) }, noWait);
    const second = (await readdir(dir)).filter((f) => f.startsWith('shard-'));
    // The added article's shard is new; the others are the files written before.
    expect(second.filter((f) => !first.has(f))).toHaveLength(1);

    const loaded = await loadSnapshot(dir, 'two');
    const engine = new AnswerEngine(await CorpusIndex.unpack(loaded!.corpus, noWait));
    expect(engine.answer('when', 'ferry line to Svalbard').answer).toBe('June');
    expect(engine.answer('when', 'trade fair opens')).toEqual(new AnswerEngine(corpus).answer('when', 'trade fair opens'));

    // A removal rewrites no shard file: the manifest lists the article beside its shard's file.
    await corpus.remove('fair-preview', noWait);
    await saveSnapshot(dir, { fingerprint: 'three', errors: [], corpus: snapshotOfIndex(corpus) }, noWait);
    expect((await readdir(dir)).filter((f) => f.startsWith('shard-')).sort()).toEqual([...second].sort());
    const afterRemoval = new AnswerEngine(await CorpusIndex.unpack((await loadSnapshot(dir, 'three'))!.corpus, noWait));
    expect(afterRemoval.articles.map((a) => a.id)).toEqual(corpus.articles.map((a) => a.id));
    expect(afterRemoval.answer('who', 'port director')).toEqual(new AnswerEngine(corpus).answer('who', 'port director'));
    expect(afterRemoval.sentenceCount).toBe(corpus.sentenceCount);

    // Saved again from the index loaded that way, the removal still holds.
    await saveSnapshot(
      dir,
      {
        fingerprint: 'four',
        errors: [],
        corpus: snapshotOfIndex(await CorpusIndex.unpack((await loadSnapshot(dir, 'three'))!.corpus, noWait)),
      },
      noWait,
    );
    const again = await CorpusIndex.unpack((await loadSnapshot(dir, 'four'))!.corpus, noWait);
    expect(again.articles.map((a) => a.id)).toEqual(corpus.articles.map((a) => a.id));
  });

  it('is built off the main thread with the same result', async () => {
    const inThread = await buildCorpus({ corpusDir, snapshotFile: null });
    const inWorker = await buildCorpusInWorker({ corpusDir, snapshotFile: null });
    expect(inWorker.fingerprint).toBe(inThread.fingerprint);
    expect(inWorker.index.articles).toEqual(inThread.index.articles);
    for (const [command, query] of QUESTIONS) {
      expect(new AnswerEngine(inWorker.index).answer(command, query)).toEqual(new AnswerEngine(inThread.index).answer(command, query));
    }
    // On Linux the worker lowers its own CPU priority; a note would say why it could not.
    if (process.platform === 'linux') expect(inWorker.notes).toEqual([]);
  });

  it('reports a build that fails instead of hanging', async () => {
    await expect(buildCorpusInWorker({ corpusDir: path.join(cacheDir, 'no-such-folder'), snapshotFile: null })).rejects.toThrow(
      /no-such-folder/,
    );
  });
});
