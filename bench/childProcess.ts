/**
 * Runs one measuring script in its own Node process (so that one system's heap never pollutes
 * another's), with the GC exposed and a large heap, and reads the one JSON line it prints.
 */
import { spawn } from 'node:child_process';
import path from 'node:path';
import { BENCH_DIR, REPO_ROOT } from './paths.js';

export const CHILD_NODE_FLAGS = ['--expose-gc', '--max-old-space-size=16000', '--import', 'tsx'];

/** Runs `bench/<script>` with `args`; resolves with its last stdout line parsed as JSON. */
export function runMeasurement<T>(script: string, args: readonly string[], timeoutMs: number): Promise<T> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [...CHILD_NODE_FLAGS, path.join(BENCH_DIR, script), ...args], {
      cwd: REPO_ROOT,
      env: { ...process.env, LOG_LEVEL: 'warn' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderrTail = '';
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      child.kill('SIGKILL');
    }, timeoutMs);
    child.stdout.on('data', (chunk: Buffer) => {
      stdout += chunk.toString();
    });
    child.stderr.on('data', (chunk: Buffer) => {
      // Progress lines go through to our stderr; the tail is kept to explain a failure.
      process.stderr.write(chunk);
      stderrTail = (stderrTail + chunk.toString()).slice(-2000);
    });
    child.on('error', (error) => {
      clearTimeout(timer);
      reject(error);
    });
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      if (timedOut) return reject(new Error(`${script} timed out after ${Math.round(timeoutMs / 1000)} s`));
      const lastLine = stdout.trim().split('\n').pop() ?? '';
      if (code !== 0) {
        const why = signal !== null ? `was killed by ${signal}` : `exited with code ${String(code)}`;
        return reject(new Error(`${script} ${why}: ${lastErrorLine(stderrTail)}`));
      }
      try {
        resolve(JSON.parse(lastLine) as T);
      } catch {
        reject(new Error(`${script} printed no figures (last line: ${lastLine.slice(0, 200)})`));
      }
    });
  });
}

function lastErrorLine(stderr: string): string {
  const lines = stderr
    .trim()
    .split('\n')
    .filter((line) => !line.startsWith('  · '));
  return lines.find((line) => /Error/.test(line))?.trim() ?? lines.pop()?.trim() ?? 'no message';
}
