/** Worker thread entry: builds the corpus named in workerData and posts the result back. */
import { parentPort, workerData } from 'node:worker_threads';
import { buildPackedCorpus, type BuildRequest } from './corpusBuild.js';
import { lowerThreadPriority } from './threadPriority.js';

/**
 * The build's nice value: when this thread and the one answering questions want the same core,
 * the answering one gets most of it (nice 10 weighs about a tenth of nice 0 on Linux).
 */
const BUILD_NICENESS = 10;
/** How long the worker waits for the receiving thread to say it has the result, before it exits anyway. */
const RECEIPT_TIMEOUT_MS = 60_000;

const port = parentPort;
if (port === null) throw new Error('buildWorker must run as a worker thread');

const priorityProblem = lowerThreadPriority(BUILD_NICENESS);

/**
 * Exits (by closing the port: nothing else keeps this thread alive) once the receiving thread says
 * it has the result. A worker that exits while its last message is still being delivered holds the
 * receiving thread for tens of milliseconds more.
 */
function exitOnReceipt(): void {
  const fallback = setTimeout(() => port!.close(), RECEIPT_TIMEOUT_MS);
  port!.once('message', () => {
    clearTimeout(fallback);
    port!.close();
  });
}

buildPackedCorpus(workerData as BuildRequest).then(
  ({ packed, transfer }) => {
    if (priorityProblem !== null) packed.notes.push(`the build thread kept its CPU priority: ${priorityProblem}`);
    port.postMessage({ ok: true, packed }, transfer);
    exitOnReceipt();
  },
  (error: unknown) =>
    port.postMessage({
      ok: false,
      message: error instanceof Error ? error.message : String(error),
      stack: error instanceof Error ? error.stack : undefined,
    }),
);
