import { setImmediate as nextTurn } from 'node:timers/promises';
import { Worker } from 'node:worker_threads';
import { loadCorpus } from '../corpus/loadCorpus.js';
import type { CorpusError } from '../corpus/types.js';
import { CorpusIndex } from '../search/corpusIndex.js';
import { unpackBuild, type PackedBuild } from './buildTransfer.js';
import { corpusFingerprint, saveSnapshot, snapshotOfIndex, snapshotOfPacked } from './snapshot.js';

/** A corpus folder read and indexed: the index, the files refused, and the fingerprint read. */
export interface BuiltCorpus {
  fingerprint: string;
  errors: CorpusError[];
  index: CorpusIndex;
  /** How the build ran, where it differs from the usual (e.g. "the build thread kept its priority: …"). */
  notes: string[];
}

export interface BuildRequest {
  corpusDir: string;
  /** The snapshot folder to save the result in; none when null. */
  snapshotFile: string | null;
}

/** Saves a snapshot, best effort: a failure is a note, not a failed build (the index serves without it). */
async function trySave(request: BuildRequest, save: (dir: string) => Promise<void>): Promise<string[]> {
  if (request.snapshotFile === null) return [];
  try {
    await save(request.snapshotFile);
    return [];
  } catch (error) {
    return [`the index snapshot could not be saved in ${request.snapshotFile}: ${error instanceof Error ? error.message : String(error)}`];
  }
}

/**
 * Reads and indexes a corpus folder on this thread, then saves its snapshot. The fingerprint is
 * taken before reading, so a file changed during the build makes the snapshot stale, not wrong.
 */
export async function buildCorpus(request: BuildRequest): Promise<BuiltCorpus> {
  const fingerprint = await corpusFingerprint(request.corpusDir);
  const corpus = await loadCorpus(request.corpusDir);
  const index = CorpusIndex.build(corpus.articles);
  const notes =
    corpus.articles.length === 0
      ? []
      : await trySave(request, (dir) => saveSnapshot(dir, { fingerprint, errors: corpus.errors, corpus: snapshotOfIndex(index) }, nextTurn));
  return { fingerprint, errors: corpus.errors, index, notes };
}

/**
 * The same, packed for another thread (in the build worker): the snapshot is saved from the packed
 * form, so that the index is serialised once.
 */
export async function buildPackedCorpus(request: BuildRequest): Promise<PackedBuild> {
  const fingerprint = await corpusFingerprint(request.corpusDir);
  const corpus = await loadCorpus(request.corpusDir);
  const packed = CorpusIndex.build(corpus.articles).pack();
  const notes =
    corpus.articles.length === 0
      ? []
      : await trySave(request, (dir) => saveSnapshot(dir, { fingerprint, errors: corpus.errors, corpus: snapshotOfPacked(packed) }, async () => undefined));
  return { fingerprint, errors: corpus.errors, notes, corpus: packed };
}

type WorkerReply = { ok: true; packed: PackedBuild } | { ok: false; message: string; stack?: string };

const WORKER_URL = new URL(import.meta.url.endsWith('.ts') ? './buildWorker.ts' : './buildWorker.js', import.meta.url);

/**
 * Starts the build worker. Run from TypeScript sources (tsx), the worker registers tsx's loader
 * before importing its entry; compiled JavaScript runs as it is.
 */
function startWorker(request: BuildRequest): Worker {
  if (!WORKER_URL.pathname.endsWith('.ts')) return new Worker(WORKER_URL, { workerData: request });
  const tsxApi = import.meta.resolve('tsx/esm/api');
  const boot = `import(${JSON.stringify(tsxApi)}).then((tsx) => { tsx.register(); return import(${JSON.stringify(WORKER_URL.href)}); })`;
  return new Worker(boot, { eval: true, workerData: request });
}

/**
 * The same, on a worker thread at a lower CPU priority (see buildWorker.ts), so that the thread
 * answering questions is never blocked by a rebuild: the result's arrays are handed over without
 * copying, and MiniSearch loads it a shard per turn of the event loop.
 */
export function buildCorpusInWorker(request: BuildRequest): Promise<BuiltCorpus> {
  return new Promise((resolve, reject) => {
    const worker = startWorker(request);
    let settled = false;
    worker.once('message', (reply: WorkerReply) => {
      settled = true;
      if (reply.ok) {
        // The worker waits for this receipt to exit (see buildWorker.ts).
        worker.postMessage('received');
        unpackBuild(reply.packed, nextTurn).then(resolve, (error: unknown) =>
          reject(new Error(`the corpus build worker for ${request.corpusDir} sent a result that could not be read`, { cause: error })),
        );
      } else {
        reject(Object.assign(new Error(`building the corpus in ${request.corpusDir} failed: ${reply.message}`), { stack: reply.stack }));
      }
    });
    worker.once('error', (error) => {
      settled = true;
      reject(new Error(`the corpus build worker for ${request.corpusDir} crashed: ${error.message}`, { cause: error }));
    });
    worker.once('exit', (code) => {
      if (!settled) reject(new Error(`the corpus build worker for ${request.corpusDir} exited with code ${code} before answering`));
    });
  });
}
