import { setImmediate as nextTurn } from 'node:timers/promises';
import { Worker } from 'node:worker_threads';
import { buildEngineData, toBuffers, type EngineDataBuffers } from '../answer/engineData.js';
import { loadCorpus } from '../corpus/loadCorpus.js';
import { longSentencesNote } from '../corpus/longSentences.js';
import type { Article, CorpusError, CorpusNote } from '../corpus/types.js';
import { unpackBuild, type PackedBuild } from './buildTransfer.js';
import { corpusFingerprint } from './snapshot.js';
import { saveSnapshotBestEffort } from './snapshotAccess.js';

/** A corpus folder read and indexed: the engine's data, the files refused, and the fingerprint read. */
export interface BuiltCorpus {
  fingerprint: string;
  errors: CorpusError[];
  data: EngineDataBuffers;
  /** How the build ran, where it differs from the usual (e.g. "the build thread kept its priority: …"). */
  notes: string[];
  /** Why the snapshot could not be saved (or read), when it could not: the build serves anyway. */
  snapshotProblem?: string;
  /** What a curator should know about files that loaded (e.g. that long sentences were cut). */
  fileNotes: CorpusNote[];
}

export interface BuildRequest {
  corpusDir: string;
  /** Where to save the snapshot of the result; none when null. */
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
  const built: BuiltCorpus = { fingerprint, errors: corpus.errors, data: toBuffers(buildEngineData(corpus.articles)), notes: [], fileNotes: fileNotesOf(corpus.articles) };
  if (request.snapshotFile === null || corpus.articles.length === 0) return built;
  const saved = await saveSnapshotBestEffort(request.snapshotFile, built, request.snapshotTimeLimitMs);
  if (saved.problem !== null) built.snapshotProblem = saved.problem;
  // A write still under way reads these arrays: hand over copies, never arrays moved away under it.
  if (saved.stillWriting) built.data = structuredClone(built.data);
  return built;
}

/** The notes on loaded articles: those whose over-long sentences were cut. */
function fileNotesOf(articles: readonly Article[]): CorpusNote[] {
  return articles.filter((article) => article.longSentencesCut > 0).map((article) => ({ file: article.file, note: longSentencesNote(article.longSentencesCut) }));
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
 * answering questions is never blocked by a rebuild: the result's arrays are handed over without copying.
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
