// `ask` (a child process, as `npm run ask` runs) with an INDEX_CACHE_DIR that cannot hold the
// snapshot: it answers all the same, with one warning line about the cache, and never hangs.

import { chmod, mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { snapshotPathFor } from '../../src/service/snapshot.js';
import { runAsk, type AskOptions } from '../support/askProcess.js';

/** Root writes into a read-only folder anyway: then `ask` runs as nobody, for whom it is read-only. */
const NOBODY = process.getuid?.() === 0 ? { uid: 65534, gid: 65534 } : undefined;

describe('ask with an index cache it cannot use', () => {
  let base: string;
  beforeAll(async () => {
    base = await mkdtemp(path.join(tmpdir(), 'ask-bad-cache-'));
    // Others may pass through (the read-only case runs as nobody when the tests run as root).
    await chmod(base, 0o755);
  });
  afterAll(async () => {
    await rm(base, { recursive: true, force: true });
  });

  const cases: Array<[string, () => Promise<Pick<AskOptions, 'cacheDir' | 'user'>>]> = [
    [
      'a file',
      async () => {
        await writeFile(path.join(base, 'a-file'), 'not a folder');
        return { cacheDir: path.join(base, 'a-file') };
      },
    ],
    ['a path under /proc (/proc/self/x)', async () => ({ cacheDir: '/proc/self/x' })],
    [
      'a folder with a file where the snapshot folder should be',
      async () => {
        const cacheDir = path.join(base, 'file-in-place');
        await mkdir(cacheDir, { recursive: true });
        await writeFile(snapshotPathFor(cacheDir, 'corpus'), 'not a snapshot folder');
        return { cacheDir };
      },
    ],
    [
      'a read-only folder',
      async () => {
        const cacheDir = path.join(base, 'read-only');
        await mkdir(cacheDir);
        await chmod(cacheDir, 0o555);
        return { cacheDir, user: NOBODY };
      },
    ],
  ];

  it.each(cases)('INDEX_CACHE_DIR is %s: answers, with one warning line about the cache', async (_case, makeCache) => {
    // Killed if it hangs (as it did under /proc), so that a failure does not leave it spinning.
    const run = await runAsk(['when', 'summit', 'with', 'Xi'], { ...(await makeCache()), killAfterMs: 20_000 });
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toMatch(/^\*\*Monday\*\*/);
    const warnings = run.stderr
      .split('\n')
      .filter((line) => line.startsWith('{'))
      .map((line) => JSON.parse(line) as { level: number; msg: string });
    expect(warnings).toEqual([expect.objectContaining({ level: 40, msg: expect.stringMatching(/^index snapshot unavailable/) })]);
    expect(run.stderr).not.toMatch(/ask failed|\n\s+at /);
  });
});
