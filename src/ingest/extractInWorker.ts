/**
 * extractArticle on a worker thread: parsing a large page and running Readability over it takes
 * seconds of CPU (3.5 s for a 1.5 MB page here), which must not stop the bot from answering
 * questions meanwhile. The worker's heap is capped, and it is stopped after `timeoutMs`.
 */
import { Worker } from 'node:worker_threads';
import type { ExtractedArticle } from './extractArticle.js';
import { IngestError, type IngestFailure } from './ingestError.js';

/** The most heap a page's extraction may use. */
const WORKER_HEAP_MB = 512;

type WorkerReply = { ok: true; article: ExtractedArticle } | { ok: false; kind: IngestFailure | null; message: string };

const WORKER_URL = new URL(import.meta.url.endsWith('.ts') ? './extractWorker.ts' : './extractWorker.js', import.meta.url);

/** Starts the worker; from TypeScript sources (tsx) it registers tsx's loader first, as the corpus build worker does. */
function startWorker(html: string): Worker {
  const options = { workerData: { html }, resourceLimits: { maxOldGenerationSizeMb: WORKER_HEAP_MB } };
  if (!WORKER_URL.pathname.endsWith('.ts')) return new Worker(WORKER_URL, options);
  const tsxApi = import.meta.resolve('tsx/esm/api');
  const boot = `import(${JSON.stringify(tsxApi)}).then((tsx) => { tsx.register(); return import(${JSON.stringify(WORKER_URL.href)}); })`;
  return new Worker(boot, { ...options, eval: true });
}

/**
 * Extracts a page's article off the main thread.
 * @throws IngestError as extractArticle does, or 'timeout' when it takes longer than `timeoutMs`;
 *   Error when the worker fails for another reason.
 */
export function extractArticleInWorker(html: string, timeoutMs: number): Promise<ExtractedArticle> {
  return new Promise((resolve, reject) => {
    const worker = startWorker(html);
    let settled = false;
    const settle = (done: () => void) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      done();
    };
    const timer = setTimeout(() => {
      settle(() =>
        reject(new IngestError('timeout', `reading the article out of the page took longer than ${Math.round(timeoutMs / 1000)} s`)),
      );
      void worker.terminate();
    }, timeoutMs);
    worker.once('message', (reply: WorkerReply) =>
      settle(() => {
        if (reply.ok) resolve(reply.article);
        else
          reject(
            reply.kind === null ? new Error(`extracting the article failed: ${reply.message}`) : new IngestError(reply.kind, reply.message),
          );
      }),
    );
    worker.once('error', (error) =>
      settle(() => reject(new Error(`the article extraction worker crashed: ${error.message}`, { cause: error }))),
    );
    worker.once('exit', (code) =>
      settle(() => reject(new Error(`the article extraction worker exited with code ${code} before answering`))),
    );
  });
}
