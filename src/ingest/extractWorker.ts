/** Worker thread entry: extracts the article of the HTML in workerData and posts it back. */
import { parentPort, workerData } from 'node:worker_threads';
import { extractArticle } from './extractArticle.js';
import { IngestError } from './ingestError.js';

const port = parentPort;
if (port === null) throw new Error('extractWorker must run as a worker thread');

try {
  port.postMessage({ ok: true, article: extractArticle((workerData as { html: string }).html) });
} catch (error) {
  port.postMessage({
    ok: false,
    kind: error instanceof IngestError ? error.kind : null,
    message: error instanceof Error ? error.message : String(error),
  });
}
