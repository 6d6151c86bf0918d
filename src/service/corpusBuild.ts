import { setImmediate as nextTurn } from 'node:timers/promises';
import { Worker } from 'node:worker_threads';
import { loadCorpus } from '../corpus/loadCorpus.js';
import { longSentencesNote } from '../corpus/longSentences.js';
import type { Article, CorpusError, CorpusNote } from '../corpus/types.js';
import { CorpusIndex } from '../search/corpusIndex.js';
import { transferList, unpackBuild, type PackedBuild } from './buildTransfer.js';
import { corpusFingerprint, snapshotOfIndex, snapshotOfPacked } from './snapshot.js';
import { saveSnapshotBestEffort } from './snapshotAccess.js';

/** A corpus folder read and indexed: the index, the files refused, and the fingerprint read. */
export interface BuiltCorpus {
  fingerprint: string;
  errors: CorpusError[];
  index: CorpusIndex;
  /** How the build ran, where it differs from the usual (e.g. "the build thread kept its priority: …"). */
  notes: string[];
  /** Why the snapshot could not be saved (or read), when it could not: the build serves anyway. */
  snapshotProblem?: string;
  /** What a curator should know about files that loaded (e.g. that long sentences were cut). */
  fileNotes: CorpusNote[];
}

export interface BuildRequest {
  corpusDir: string;
  /** The snapshot folder to save the result in; none when null. */
  snapshotFile: string | null;
  /** How long saving the snapshot may take before the build goes on without it (default SNAPSHOT_TIME_LIMIT_MS). */
  snapshotTimeLimitMs?: number;
}

/**
 * Reads and indexes a corpus folder on this thread, then saves its snapshot. The fingerprint is
 * taken before reading, so a file changed during the build makes the snapshot stale, not wrong.
 * A snapshot that cannot be saved does not fail the build: the reason is in `snapshotProblem`.
 */
export async function buildCorpus(request: BuildRequest): Promise<BuiltCorpus> {
  const fingerprint = await corpusFingerprint(request.corpusDir);
  const corpus = await loadCorpus(request.corpusDir);
  const index = CorpusIndex.build(corpus.articles);
  const built: BuiltCorpus = { fingerprint, errors: corpus.errors, index, notes: [], fileNotes: fileNotesOf(corpus.articles) };
  if (request.snapshotFile === null || corpus.articles.length === 0) return built;
  const state = { fingerprint, errors: corpus.errors, corpus: snapshotOfIndex(index) };
  const saved = await saveSnapshotBestEffort(request.snapshotFile, state, nextTurn, request.snapshotTimeLimitMs);
  if (saved.problem !== null) built.snapshotProblem = saved.problem;
  return built;
}

/**
 * The same, packed for another thread (in the build worker): the snapshot is saved from the packed
 * form, so that the index is serialised once. The packed form's memory can be moved to the other
 * thread (see transferList) unless a save that ran out of time may still be reading it.
 */
export async function buildPackedCorpus(request: BuildRequest): Promise<{ packed: PackedBuild; transfer: ArrayBuffer[] }> {
  const fingerprint = await corpusFingerprint(request.corpusDir);
  const corpus = await loadCorpus(request.corpusDir);
  const packed: PackedBuild = {
    fingerprint,
    errors: corpus.errors,
    notes: [],
    fileNotes: fileNotesOf(corpus.articles),
    corpus: CorpusIndex.build(corpus.articles).pack(),
  };
  if (request.snapshotFile === null || corpus.articles.length === 0) return { packed, transfer: transferList(packed.corpus) };
  const state = { fingerprint, errors: corpus.errors, corpus: snapshotOfPacked(packed.corpus) };
  const saved = await saveSnapshotBestEffort(request.snapshotFile, state, async () => undefined, request.snapshotTimeLimitMs);
  if (saved.problem !== null) packed.snapshotProblem = saved.problem;
  // A write still under way reads these arrays: post copies, never arrays moved away under it.
  return { packed, transfer: saved.stillWriting ? [] : transferList(packed.corpus) };
}

/** The notes on loaded articles: those whose over-long sentences were cut. */
function fileNotesOf(articles: readonly Article[]): CorpusNote[] {
  return articles
    .filter((article) => article.longSentencesCut > 0)
    .map((article) => ({ file: article.file, note: longSentencesNote(article.longSentencesCut) }));
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
