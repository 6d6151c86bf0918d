// `npm start` with a feedback store it cannot open: it stops at once, exit code 1, with one sentence
// naming the file and the reason (before connecting to anything).

import { spawn } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));

/** Starts `npm start` (src/main.ts) with a feedback store file; resolves with its exit code and stderr, killing it after 30 s. */
async function startWith(feedbackDb: string, dir: string): Promise<{ code: number | null; stderr: string }> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
    cwd: ROOT,
    env: {
      PATH: process.env.PATH ?? '',
      DOTENV_CONFIG_PATH: path.join(dir, 'no-such.env'),
      CORPUS_DIR: path.join(ROOT, 'corpus'),
      INDEX_CACHE_DIR: 'off',
      FEEDBACK_DB: feedbackDb,
    },
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  child.stdin.end();
  const killer = setTimeout(() => child.kill('SIGKILL'), 30_000);
  const code = await new Promise<number | null>((resolve) => child.once('exit', resolve));
  clearTimeout(killer);
  return { code, stderr };
}

describe('npm start with a feedback store that cannot be opened', () => {
  it.runIf(process.platform === 'linux')(
    'exits 1 for a folder under /proc instead of trying to create it for ever',
    async () => {
      const dir = await mkdtemp(path.join(tmpdir(), 'feedback-start-'));
      try {
        const { code, stderr } = await startWith('/proc/self/x/feedback.sqlite', dir);
        expect(code).toBe(1);
        expect(stderr).toContain('cannot open the feedback store /proc/self/x/feedback.sqlite');
        expect(stderr).not.toMatch(/^\s+at /m);
      } finally {
        await rm(dir, { recursive: true, force: true });
      }
    },
    60_000,
  );

  it('exits 1 naming the file and why', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'feedback-start-'));
    try {
      const notADatabase = path.join(dir, 'feedback.sqlite');
      await writeFile(notADatabase, 'these are notes, not a database\n'.repeat(200));
      const child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
        cwd: ROOT,
        env: {
          PATH: process.env.PATH ?? '',
          DOTENV_CONFIG_PATH: path.join(dir, 'no-such.env'),
          CORPUS_DIR: path.join(ROOT, 'corpus'),
          INDEX_CACHE_DIR: 'off',
          FEEDBACK_DB: notADatabase,
        },
        stdio: ['pipe', 'pipe', 'pipe'],
      });
      let stderr = '';
      child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
      child.stdin.end();
      const code = await new Promise<number | null>((resolve) => child.once('exit', resolve));
      expect(code).toBe(1);
      expect(stderr).toContain(`cannot open the feedback store ${notADatabase}`);
      expect(stderr).toMatch(/not a database/);
      expect(stderr).not.toMatch(/^\s+at /m);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  }, 60_000);
});
