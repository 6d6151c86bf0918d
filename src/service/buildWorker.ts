/** Worker thread entry: builds the corpus named in workerData and posts the result back. */
import { parentPort, workerData } from 'node:worker_threads';
import { transferList } from '../answer/engineData.js';
import { buildCorpus, type BuildRequest } from './corpusBuild.js';
import { lowerThreadPriority } from './threadPriority.js';

/**
 * The build's nice value: when this thread and the one answering questions want the same core,
 * the answering one gets most of it (nice 10 weighs about a tenth of nice 0 on Linux).
 */
const BUILD_NICENESS = 10;

const port = parentPort;
if (port === null) throw new Error('buildWorker must run as a worker thread');

const priorityProblem = lowerThreadPriority(BUILD_NICENESS);

buildCorpus(workerData as BuildRequest).then(
  (built) => {
    if (priorityProblem !== null) built.notes.push(`the build thread kept its CPU priority: ${priorityProblem}`);
    port.postMessage({ ok: true, built }, transferList(built.data));
  },
  (error: unknown) =>
    port.postMessage({ ok: false, message: error instanceof Error ? error.message : String(error), stack: error instanceof Error ? error.stack : undefined }),
);
