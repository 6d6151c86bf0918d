/**
 * Process start to first answer of the real `ask` command: spawns what `npm run ask -- --json`
 * runs (`node scripts/run.mjs cli/ask --json`, the built JavaScript) with CORPUS_DIR, writes one question on its stdin, and
 * times from the spawn to the first line on its stdout (which must be an answer in JSON). Waits for
 * the process to exit, so that anything it saves on the way out (a snapshot) is saved.
 */
import { spawn } from 'node:child_process';
import { REPO_ROOT } from './paths.js';

export interface AskStartRequest {
  corpusDir: string;
  /** One question line, e.g. "/when summit with Xi". */
  question: string;
  timeoutMs: number;
}

export const ASK_COMMAND = ['scripts/run.mjs', 'cli/ask', '--json'];

/** Milliseconds from spawning `ask` to its first answer line. */
export function timeFirstAnswer(request: AskStartRequest): Promise<number> {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const child = spawn(process.execPath, ASK_COMMAND, {
      cwd: REPO_ROOT,
      env: { ...process.env, CORPUS_DIR: request.corpusDir, LOG_LEVEL: 'warn', DISCORD_TOKEN: '' },
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    let firstAnswerMs: number | null = null;
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`ask gave no answer within ${Math.round(request.timeoutMs / 1000)} s`));
    }, request.timeoutMs);
    child.stdout.on('data', (chunk: Buffer) => {
      stdout += chunk.toString();
      if (firstAnswerMs === null && stdout.includes('\n')) firstAnswerMs = performance.now() - started;
    });
    child.stderr.on('data', (chunk: Buffer) => {
      stderr += chunk.toString();
    });
    child.on('error', (error) => {
      clearTimeout(timer);
      reject(error);
    });
    child.on('close', (code) => {
      clearTimeout(timer);
      const firstLine = stdout.split('\n')[0] ?? '';
      if (firstAnswerMs === null || code !== 0) {
        reject(new Error(`ask exited with code ${String(code)} without an answer: ${stderr.trim().slice(-500) || firstLine}`));
      } else if (!isAnswerLine(firstLine)) {
        reject(new Error(`ask's first line is not an answer: ${firstLine.slice(0, 200)}`));
      } else {
        resolve(firstAnswerMs);
      }
    });
    child.stdin.end(`${request.question}\n`);
  });
}

function isAnswerLine(line: string): boolean {
  try {
    const parsed: unknown = JSON.parse(line);
    return typeof parsed === 'object' && parsed !== null && 'command' in parsed && 'excerpts' in parsed;
  } catch {
    return false;
  }
}
