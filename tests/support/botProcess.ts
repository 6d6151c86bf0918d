// `npm start` as a child process, configured from the environment to serve a fake Discord: what
// production runs, on its own thread and event loop (the fake Discord and the test run in this
// process), with its JSON log lines, its exit code and its memory as the kernel counts it.
//
//   const bot = await startBotProcess({ fake, corpusDir });
//   ... send interactions through the fake ...
//   bot.kill('SIGTERM'); expect(await bot.exited).toBe(0);

import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { FakeDiscord } from './fakeDiscord.js';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));

export interface BotProcessOptions {
  fake: FakeDiscord;
  corpusDir: string;
  /**
   * What to run: `npm start` (src/main.ts, the default; ready once it logged "connected to Discord")
   * or `npm run start:sharded` (src/sharded.ts, the sharding manager and its shard processes, whose
   * log lines all come out on its stderr; ready once every shard is).
   */
  entry?: 'src/main.ts' | 'src/sharded.ts';
  /** Extra environment (e.g. LOG_LEVEL); the per-user question limit is off unless set here. */
  env?: Record<string, string>;
  /** How long to wait for the bot to connect (default 30 s). */
  startTimeoutMs?: number;
  /** Load tests/support/memoryProbe.ts into the process: sampleMemory() then reports its heap too. */
  probeMemory?: boolean;
}

export interface BotLogLine {
  level: number;
  msg?: string;
  [key: string]: unknown;
}

export interface BotProcess {
  child: ChildProcess;
  pid: number;
  /** Resolves with the exit code (null when killed by a signal). */
  exited: Promise<number | null>;
  /** Everything written on stderr so far. */
  stderr(): string;
  /** The JSON log lines written so far. */
  logs(): BotLogLine[];
  /** Resolves once a log line satisfies `match`; rejects after `timeoutMs` or if the bot exits. */
  waitForLog(match: (line: BotLogLine) => boolean, timeoutMs?: number): Promise<BotLogLine>;
  kill(signal?: NodeJS.Signals): void;
  /**
   * Samples the process's memory until stop(): the last and the highest resident size, the
   * kernel's high-water mark since the process started (VmHWM), and, with `probeMemory`, the
   * highest heap (heapUsed + array buffers) the process reported meanwhile (else null).
   */
  sampleMemory(intervalMs?: number): { stop(): { rssMb: number; peakRssMb: number; highWaterMb: number; peakHeapMb: number | null } };
}

let feedbackFiles = 0;

/**
 * The environment `src/main.ts` runs with against the fake: nothing from the developer's own
 * environment or `.env`, production logs (JSON lines), no index snapshot.
 */
export function botProcessEnv(
  fake: Pick<FakeDiscord, 'token' | 'applicationId' | 'guildId' | 'apiUrl'>,
  corpusDir: string,
): NodeJS.ProcessEnv {
  return {
    PATH: process.env.PATH ?? '',
    DOTENV_CONFIG_PATH: path.join(tmpdir(), 'no-such-dir', '.env'),
    NODE_ENV: 'production',
    LOG_LEVEL: 'info',
    DISCORD_TOKEN: fake.token,
    DISCORD_APPLICATION_ID: fake.applicationId,
    DISCORD_GUILD_ID: fake.guildId,
    DISCORD_API_URL: fake.apiUrl,
    CORPUS_DIR: corpusDir,
    INDEX_CACHE_DIR: 'off',
    // Never the repository's data/ or corpus/: a file of its own under the system's temporary folder.
    FEEDBACK_DB: path.join(tmpdir(), `bot-feedback-test-${process.pid}-${++feedbackFiles}`, 'feedback.sqlite'),
  };
}

/** Starts `src/main.ts` (or `src/sharded.ts`) against the fake and resolves once it is connected. */
export async function startBotProcess(options: BotProcessOptions): Promise<BotProcess> {
  const { fake } = options;
  const probe = options.probeMemory === true ? ['--import', fileURLToPath(new URL('./memoryProbe.ts', import.meta.url))] : [];
  const entry = options.entry ?? 'src/main.ts';
  const child = spawn(process.execPath, ['--import', 'tsx', ...probe, entry], {
    cwd: ROOT,
    env: { ...botProcessEnv(fake, options.corpusDir), RATE_LIMIT_QUESTIONS: '0', ...options.env },
    stdio: options.probeMemory === true ? ['ignore', 'pipe', 'pipe', 'ipc'] : ['ignore', 'pipe', 'pipe'],
  });
  if (child.pid === undefined) throw new Error(`could not start ${entry}`);
  const pid = child.pid;
  let stderr = '';
  let parsedUpTo = 0;
  const logs: BotLogLine[] = [];
  const listeners = new Set<() => void>();
  const parse = (): void => {
    const end = stderr.lastIndexOf('\n') + 1;
    for (const line of stderr.slice(parsedUpTo, end).split('\n')) {
      if (!line.startsWith('{')) continue;
      try {
        logs.push(JSON.parse(line) as BotLogLine);
      } catch {
        // not a log line
      }
    }
    parsedUpTo = end;
  };
  child.stdout?.resume();
  child.stderr?.on('data', (chunk: Buffer) => {
    stderr += chunk.toString('utf8');
    parse();
    for (const listener of listeners) listener();
  });
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  const heapListeners = new Set<(heapMb: number) => void>();
  child.on('message', (message: { probe?: string; heapUsed?: number; arrayBuffers?: number }) => {
    if (message.probe !== 'memory') return;
    const heapMb = ((message.heapUsed ?? 0) + (message.arrayBuffers ?? 0)) / (1024 * 1024);
    for (const listener of heapListeners) listener(heapMb);
  });

  const waitForLog = (match: (line: BotLogLine) => boolean, timeoutMs = 10_000): Promise<BotLogLine> =>
    new Promise((resolve, reject) => {
      const check = (): void => {
        const found = logs.find(match);
        if (found === undefined) return;
        cleanup();
        resolve(found);
      };
      const timer = setTimeout(() => {
        cleanup();
        reject(new Error(`bot process: no such log line after ${timeoutMs} ms; stderr ends with:\n${stderr.slice(-2_000)}`));
      }, timeoutMs);
      const cleanup = (): void => {
        clearTimeout(timer);
        listeners.delete(check);
      };
      listeners.add(check);
      void exited.then((code) => {
        if (!listeners.has(check)) return;
        cleanup();
        reject(new Error(`bot process exited with ${code} before the log line; stderr ends with:\n${stderr.slice(-2_000)}`));
      });
      check();
    });

  const bot: BotProcess = {
    child,
    pid,
    exited,
    stderr: () => stderr,
    logs: () => logs,
    waitForLog,
    kill: (signal = 'SIGTERM') => {
      if (child.exitCode === null && child.signalCode === null) child.kill(signal);
    },
    sampleMemory(intervalMs = 20) {
      let peak = 0;
      let peakHeap: number | null = null;
      const sample = (): void => {
        peak = Math.max(peak, readStatusMb(pid, 'VmRSS') ?? 0);
      };
      const onHeap = (heapMb: number): void => {
        peakHeap = Math.max(peakHeap ?? 0, heapMb);
      };
      heapListeners.add(onHeap);
      sample();
      const timer = setInterval(sample, intervalMs);
      return {
        stop() {
          clearInterval(timer);
          heapListeners.delete(onHeap);
          sample();
          const rssMb = readStatusMb(pid, 'VmRSS') ?? Number.NaN;
          return { rssMb, peakRssMb: Math.max(peak, rssMb), highWaterMb: readStatusMb(pid, 'VmHWM') ?? Number.NaN, peakHeapMb: peakHeap };
        },
      };
    },
  };
  try {
    const readyMessage = entry === 'src/sharded.ts' ? 'all shards ready' : 'connected to Discord';
    await waitForLog((line) => line.msg === readyMessage, options.startTimeoutMs ?? 30_000);
  } catch (error) {
    bot.kill('SIGKILL');
    throw error;
  }
  return bot;
}

/** A memory figure of /proc/<pid>/status in MB (Linux), or null where there is none. */
function readStatusMb(pid: number, field: 'VmRSS' | 'VmHWM'): number | null {
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    const match = new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(status);
    return match === null ? null : Number(match[1]) / 1024;
  } catch {
    return null;
  }
}
