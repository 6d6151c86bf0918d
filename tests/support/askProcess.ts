import { spawn } from 'node:child_process';
import path from 'node:path';

const ROOT = path.resolve(import.meta.dirname, '../..');

export interface AskRun {
  code: number | null;
  stdout: string;
  stderr: string;
}

export interface AskOptions {
  stdin?: string;
  corpusDir?: string;
  /** INDEX_CACHE_DIR; snapshots are off unless given. */
  cacheDir?: string;
  logLevel?: string;
  /** Run as this user and group (e.g. nobody, so that a read-only folder is read-only even when the tests run as root). */
  user?: { uid: number; gid: number };
  /** Kill the process (SIGKILL) if it has not exited after this long: it then resolves with code null. */
  killAfterMs?: number;
}

/** Runs the real `ask` command as a child process, as `npm run ask` does, and collects its output. */
export function runAsk(args: string[], options: AskOptions = {}): Promise<AskRun> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'src/cli/ask.ts', ...args], {
      cwd: ROOT,
      env: {
        ...process.env,
        CORPUS_DIR: options.corpusDir ?? 'corpus',
        INDEX_CACHE_DIR: options.cacheDir ?? 'off',
        LOG_LEVEL: options.logLevel ?? 'warn',
        DISCORD_TOKEN: '',
      },
      stdio: ['pipe', 'pipe', 'pipe'],
      ...options.user,
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    const killer = options.killAfterMs === undefined ? undefined : setTimeout(() => child.kill('SIGKILL'), options.killAfterMs);
    child.on('error', reject);
    child.on('close', (code) => {
      clearTimeout(killer);
      resolve({ code, stdout, stderr });
    });
    child.stdin.end(options.stdin ?? '');
  });
}
