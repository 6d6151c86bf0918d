// Before any shard starts, the sharding manager asks Discord for the shard count through
// DISCORD_API_URL (discord.js's 'auto' would ask discord.com whatever the base): a refused token or
// an unreachable API stops it there with one clear sentence, and no shard is started.

import { spawn } from 'node:child_process';
import { rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { StartupError } from '../../src/startup.js';
import { fetchRecommendedShardCount } from '../../src/sharding/recommendedShards.js';
import { copyCorpus } from '../support/botHarness.js';
import { botProcessEnv } from '../support/botProcess.js';
import { startFakeDiscord, type FakeDiscord } from '../support/fakeDiscord.js';
import { closedPort } from '../support/closedPort.js';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const WRONG_TOKEN = 'MTMwMDAwMDAwMDAwMDAwMDAwMg.GwRoNg.not-the-token-discord-knows-0000';

describe('the recommended shard count', () => {
  let fake: FakeDiscord;
  beforeAll(async () => {
    fake = await startFakeDiscord({ shards: 3 });
  });
  afterAll(async () => {
    await fake?.close();
  });

  it('is asked of the configured API base', async () => {
    await expect(fetchRecommendedShardCount({ apiUrl: fake.apiUrl, discordToken: fake.token })).resolves.toBe(3);
    expect(fake.requestsTo({ method: 'GET', path: '/gateway/bot' })).toHaveLength(1);
  });

  it('fails with where and why when the token is refused, without the token', async () => {
    const failure = fetchRecommendedShardCount({ apiUrl: fake.apiUrl, discordToken: WRONG_TOKEN });
    await expect(failure).rejects.toBeInstanceOf(StartupError);
    const message = await failure.catch((error: Error) => error.message);
    expect(message).toContain(`${fake.apiUrl}/gateway/bot`);
    expect(message).toMatch(/refused the token \(401/);
    expect(message).not.toContain(WRONG_TOKEN);
  });

  it('fails with where and why when the API cannot be reached', async () => {
    const apiUrl = `http://127.0.0.1:${await closedPort()}/api`;
    await expect(fetchRecommendedShardCount({ apiUrl, discordToken: fake.token }, { retries: 0 })).rejects.toThrow(
      new RegExp(`${apiUrl.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}/gateway/bot: the API could not be reached`),
    );
  });
});

/** `npm run start:sharded` against the fake until it exits (by itself: these runs fail to start). */
async function runSharded(fake: FakeDiscord, env: Record<string, string>): Promise<{ code: number | null; stderr: string }> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/sharded.ts'], {
    cwd: ROOT,
    env: { ...botProcessEnv(fake, 'corpus'), ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
  const code = await new Promise<number | null>((resolve) => child.once('close', resolve));
  return { code, stderr };
}

describe('npm run start:sharded when it cannot start', () => {
  it('exits 1 with one sentence before starting any shard when Discord refuses the token', async () => {
    const fake = await startFakeDiscord({ shards: 2 });
    const corpusDir = await copyCorpus();
    try {
      const { code, stderr } = await runSharded(fake, { CORPUS_DIR: corpusDir, DISCORD_TOKEN: WRONG_TOKEN });
      expect(code).toBe(1);
      expect(stderr).toMatch(
        /^failed to start: could not ask Discord for the recommended shard count .*refused the token \(401 Unauthorized\)/m,
      );
      expect(stderr).not.toContain('shard starting');
      expect(stderr).not.toContain(WRONG_TOKEN);
      expect(fake.gateway.identifies).toEqual([]);
    } finally {
      await fake.close();
      await rm(corpusDir, { recursive: true, force: true });
    }
  }, 60_000);

  it('stops every shard and exits 1 when a shard cannot start', async () => {
    const fake = await startFakeDiscord({ shards: 2 });
    const missing = path.join(tmpdir(), `no-such-corpus-${process.pid}`);
    try {
      // With snapshots off the manager leaves the corpus to the shards: the first one fails to read it.
      const { code, stderr } = await runSharded(fake, { CORPUS_DIR: missing, INDEX_CACHE_DIR: 'off' });
      expect(code).toBe(1);
      expect(stderr).toMatch(/^failed to start: .*no-such-corpus/m);
      expect(stderr).toMatch(/^failed to start: a shard could not start: Shard 0's process exited before its Client became ready/m);
      expect(stderr).toContain('all shards stopped');
      expect(stderr).not.toMatch(/"shard":1,"of":2,"msg":"shard starting"/);
      expect(fake.gateway.identifies).toEqual([]);
    } finally {
      await fake.close();
    }
  }, 60_000);
});
