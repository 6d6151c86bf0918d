// `npm start` as a process: configured from the environment, it logs in to the fake Discord,
// answers, and on SIGTERM closes the connection, flushes its logs and exits 0, never logging the token.

import { spawn, type ChildProcess } from 'node:child_process';
import { rm } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { InteractionResponseType } from 'discord-api-types/v10';
import { copyCorpus } from '../support/botHarness.js';
import { botProcessEnv } from '../support/botProcess.js';
import { startFakeDiscord, type FakeDiscord } from '../support/fakeDiscord.js';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));

describe('npm start with a token', () => {
  let fake: FakeDiscord;
  let corpusDir: string;
  let child: ChildProcess;
  let stderr = '';
  let exited: Promise<number | null>;

  beforeAll(async () => {
    fake = await startFakeDiscord();
    corpusDir = await copyCorpus();
    child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
      cwd: ROOT,
      env: botProcessEnv(fake, corpusDir),
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    child.stderr?.on('data', (chunk: Buffer) => {
      stderr += chunk.toString('utf8');
    });
    exited = new Promise((resolve) => child.once('exit', (code) => resolve(code)));
    await fake.waitForIdentify({ timeoutMs: 20_000 });
    await vi.waitFor(() => expect(stderr).toContain('connected to Discord'), { timeout: 10_000, interval: 20 });
  }, 30_000);

  afterAll(async () => {
    if (child.exitCode === null) child.kill('SIGKILL');
    await fake?.close();
    await rm(corpusDir, { recursive: true, force: true });
  });

  it('answers, then shuts down cleanly on SIGTERM without ever logging the token', async () => {
    const sent = await fake.sendInteraction(fake.commandInteraction({ name: 'where', options: { query: 'APEC Summit' } }));
    const reply = await fake.waitForResponse(sent.id, { timeoutMs: 10_000 });
    expect(reply.type).toBe(InteractionResponseType.ChannelMessageWithSource);
    expect(reply.status).toBe(204);

    child.kill('SIGTERM');
    expect(await exited).toBe(0);
    const lines = stderr
      .split('\n')
      .filter((line) => line.startsWith('{'))
      .map((line) => JSON.parse(line) as { msg?: string });
    const messages = lines.map((line) => line.msg);
    expect(messages).toContain('corpus loaded');
    expect(messages).toContain('connected to Discord');
    expect(messages).toContain('shutting down');
    expect(messages).toContain('disconnected from Discord');
    expect(stderr).not.toContain(fake.token);
    expect(fake.gateway.isConnected).toBe(false);
  }, 30_000);
});
