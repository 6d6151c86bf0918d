/** Worker thread entry: builds the corpus named in workerData and posts the result back. */
import { parentPort, workerData } from 'node:worker_threads';
import { transferList } from '../answer/engineData.js';
import { buildCorpus, type BuildRequest } from './corpusBuild.js';

const port = parentPort;
if (port === null) throw new Error('buildWorker must run as a worker thread');

buildCorpus(workerData as BuildRequest).then(
  (built) => port.postMessage({ ok: true, built }, transferList(built.data)),
  (error: unknown) =>
    port.postMessage({ ok: false, message: error instanceof Error ? error.message : String(error), stack: error instanceof Error ? error.stack : undefined }),
);
