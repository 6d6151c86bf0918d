import { getPriority } from 'node:os';
import { Worker } from 'node:worker_threads';
import { describe, expect, it } from 'vitest';
import { lowerThreadPriority } from '../../src/service/threadPriority.js';

const onLinux = process.platform === 'linux';

/** Runs lowerThreadPriority(niceness) on a worker thread; resolves with its result and the thread's priority after. */
function lowerOnWorker(niceness: number): Promise<{ problem: string | null; priority: number }> {
  const moduleUrl = new URL('../../src/service/threadPriority.ts', import.meta.url).href;
  const tsxApi = import.meta.resolve('tsx/esm/api');
  const code = `
    const { parentPort, workerData } = require('node:worker_threads');
    const { readlinkSync } = require('node:fs');
    const { getPriority } = require('node:os');
    import(${JSON.stringify(tsxApi)}).then((tsx) => { tsx.register(); return import(${JSON.stringify(moduleUrl)}); }).then((m) => {
      const problem = m.lowerThreadPriority(workerData);
      const threadId = Number(readlinkSync('/proc/thread-self').split('/').pop());
      parentPort.postMessage({ problem, priority: getPriority(threadId) });
    });`;
  return new Promise((resolve, reject) => {
    const worker = new Worker(code, { eval: true, workerData: niceness });
    worker.once('message', (reply: { problem: string | null; priority: number }) => {
      resolve(reply);
      void worker.terminate();
    });
    worker.once('error', reject);
  });
}

describe("lowering a build thread's CPU priority", () => {
  it.runIf(onLinux)('lowers the calling thread only, leaving the thread that answers questions as it was', async () => {
    const before = getPriority();
    const result = await lowerOnWorker(Math.max(before, 0) + 5);
    expect(result.problem).toBeNull();
    expect(result.priority).toBe(Math.max(before, 0) + 5);
    expect(getPriority()).toBe(before);
  });

  it.runIf(onLinux)('never raises a priority that is already lower', async () => {
    const result = await lowerOnWorker(-20);
    expect(result.problem).toBeNull();
    expect(result.priority).toBe(getPriority());
  });

  it.runIf(!onLinux)('says why not where threads have no nice value of their own', () => {
    expect(lowerThreadPriority(10)).toMatch(/thread/);
  });
});
