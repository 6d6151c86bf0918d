// `npm run start:sharded` as real processes against a fake Discord that recommends two shards: the
// manager saves the index snapshot once and spawns two shard processes, which load it instead of
// indexing the corpus again, identify as shards 0 and 1, and answer in the guilds of their shard; a
// moderator's /corpus add in shard 0's guild is followed by shard 1; SIGTERM stops everything.

import { mkdtemp, readdir, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { InteractionResponseType } from 'discord-api-types/v10';
import { MANAGE_GUILD, copyCorpus, type SentMessage } from '../support/botHarness.js';
import { startBotProcess, type BotLogLine, type BotProcess } from '../support/botProcess.js';
import {
  DEFAULT_MEMBER_PERMISSIONS,
  guildIdInShard,
  shardOfGuild,
  startFakeDiscord,
  type FakeCommandInteractionInit,
  type FakeDiscord,
} from '../support/fakeDiscord.js';

const SHARDS = 2;
const UPLOAD_TITLE = 'Lee tours Shanghai startup hub';
const UPLOAD = `${UPLOAD_TITLE}
SHANGHAI: South Korean President Lee Jae Myung toured the Zhangjiang science park in Shanghai on Wednesday, meeting founders of robotics startups.
The stop at Zhangjiang was arranged by the Korea Trade-Investment Promotion Agency, officials said.
`;
/** A question only the uploaded article answers. */
const ABOUT_UPLOAD = { name: 'where', options: { query: 'Zhangjiang science park' } } as const;

describe('npm run start:sharded against a fake Discord with two shards', () => {
  let fake: FakeDiscord;
  let corpusDir: string;
  let cacheDir: string;
  let bot: BotProcess;
  const shard1GuildId = guildIdInShard(1, SHARDS);

  /** The message a command's reply shows (its reply, or the edit of a deferred reply). */
  async function ask(init: FakeCommandInteractionInit): Promise<SentMessage> {
    const sent = await fake.sendInteraction(fake.commandInteraction(init));
    const first = await fake.waitForResponse(sent.id, { timeoutMs: 30_000 });
    expect(first.status).toBeLessThan(300);
    if (first.type === InteractionResponseType.DeferredChannelMessageWithSource) {
      return (await fake.waitForEdit(sent.token, { timeoutMs: 60_000 })).body as SentMessage;
    }
    return 'data' in first.body ? (first.body.data as SentMessage) : {};
  }
  /** What a reply says: its text and embeds (its buttons carry ids of their own in each shard's store). */
  const text = (message: SentMessage) => JSON.stringify({ content: message.content, embeds: message.embeds });
  const shardLogs = (shardId: number, msg: string) => bot.logs().filter((line) => line.shardId === shardId && line.msg === msg);

  beforeAll(async () => {
    fake = await startFakeDiscord({ shards: SHARDS, otherGuildIds: [shard1GuildId] });
    corpusDir = await copyCorpus();
    cacheDir = await mkdtemp(path.join(tmpdir(), 'bot-index-cache-'));
    bot = await startBotProcess({ fake, corpusDir, entry: 'src/sharded.ts', env: { INDEX_CACHE_DIR: cacheDir }, startTimeoutMs: 120_000 });
  }, 150_000);

  afterAll(async () => {
    bot?.kill('SIGKILL');
    await fake?.close();
    await rm(corpusDir, { recursive: true, force: true });
    await rm(cacheDir, { recursive: true, force: true });
  });

  it('identifies both shards, each with the guilds of its shard', () => {
    expect(shardOfGuild(fake.guildId, SHARDS)).toBe(0);
    expect(fake.requestsTo({ method: 'GET', path: '/gateway/bot' }).length).toBeGreaterThan(0);
    expect(fake.gateway.identifies.map((identify) => identify.shard).sort()).toEqual([
      [0, SHARDS],
      [1, SHARDS],
    ]);
    expect(fake.gateway.connectedShards().sort()).toEqual([0, 1]);
    expect(bot.logs().find((line) => line.msg === 'shard count recommended by Discord')?.shards).toBe(SHARDS);
  });

  it('indexes the corpus once, in the manager: the shards load its snapshot', async () => {
    const prepared = bot.logs().find((line) => line.msg === 'corpus snapshot ready for the shards');
    expect(prepared).toBeDefined();
    const snapshots = (await readdir(cacheDir)).filter((name) => name.startsWith('index-'));
    expect(snapshots).toHaveLength(1);
    // Not written again after the manager saved it (a shard that indexed the corpus would have).
    const written = (await stat(path.join(cacheDir, snapshots[0] ?? '', 'manifest.json'))).mtimeMs;
    expect(written).toBeLessThanOrEqual(Number((prepared as BotLogLine).time));
    for (const shardId of [0, 1]) {
      const loads = shardLogs(shardId, 'corpus loaded');
      expect(loads.map((line) => line.from)).toEqual(['snapshot']);
    }
  });

  it('answers in a guild of each shard, and a /corpus add in shard 0 is followed by shard 1', async () => {
    const question = { name: 'where', options: { query: 'APEC Summit' } } as const;
    const [inShard0, inShard1] = await Promise.all([ask(question), ask({ ...question, guildId: shard1GuildId })]);
    expect(text(inShard0)).toContain('APEC');
    expect(text(inShard1)).toBe(text(inShard0));
    expect(text(await ask({ ...ABOUT_UPLOAD, guildId: shard1GuildId }))).not.toContain(UPLOAD_TITLE);

    const added = await ask({
      name: 'corpus',
      subcommand: 'add',
      permissions: DEFAULT_MEMBER_PERMISSIONS | MANAGE_GUILD,
      options: { title: UPLOAD_TITLE },
      attachments: { file: { filename: 'shanghai.txt', content: UPLOAD, contentType: 'text/plain' } },
    });
    expect(text(added)).toContain('**Added**');
    await bot.waitForLog((line) => line.shardId === 1 && line.msg === 'corpus change followed', 60_000);
    // Shard 1 loaded the snapshot shard 0 saved with the new article, rather than indexing again.
    expect(shardLogs(1, 'corpus index loaded from the snapshot matching the folder')).toHaveLength(1);
    expect(text(await ask({ ...ABOUT_UPLOAD, guildId: shard1GuildId }))).toContain(UPLOAD_TITLE);
  }, 120_000);

  it('stops the manager and both shards on SIGTERM', async () => {
    const shardPids = [0, 1].map((shardId) => shardLogs(shardId, 'connected to Discord')[0]?.pid);
    expect(shardPids.every((pid) => typeof pid === 'number')).toBe(true);
    bot.kill('SIGTERM');
    expect(await bot.exited).toBe(0);
    for (const shardId of [0, 1]) expect(shardLogs(shardId, 'disconnected from Discord')).toHaveLength(1);
    expect(bot.logs().some((line) => line.msg === 'all shards stopped')).toBe(true);
    for (const pid of shardPids) expect(isRunning(pid as number)).toBe(false);
    expect(fake.gateway.isConnected).toBe(false);
    expect(bot.stderr()).not.toContain(fake.token);
  }, 60_000);
});

describe('npm run start:sharded when its manager is killed', () => {
  it('leaves no shard running: each stops when its channel to the manager closes', async () => {
    const fake = await startFakeDiscord({ shards: SHARDS });
    const corpusDir = await copyCorpus();
    const cacheDir = await mkdtemp(path.join(tmpdir(), 'bot-index-cache-'));
    const bot = await startBotProcess({
      fake,
      corpusDir,
      entry: 'src/sharded.ts',
      env: { INDEX_CACHE_DIR: cacheDir },
      startTimeoutMs: 120_000,
    });
    try {
      // Each shard writes its own log lines: the last may come out just after the manager's "all shards ready".
      const connected = () => bot.logs().filter((line) => line.msg === 'connected to Discord');
      await vi.waitFor(() => expect(connected()).toHaveLength(SHARDS), { timeout: 10_000, interval: 50 });
      const shardPids = connected().map((line) => line.pid as number);
      bot.kill('SIGKILL');
      await bot.exited;
      await vi.waitFor(() => expect(shardPids.filter(isRunning)).toEqual([]), { timeout: 30_000, interval: 100 });
      await fake.waitFor(() => (fake.gateway.isConnected ? undefined : true), 'no shard connected', { timeoutMs: 30_000 });
    } finally {
      bot.kill('SIGKILL');
      await fake.close();
      await rm(corpusDir, { recursive: true, force: true });
      await rm(cacheDir, { recursive: true, force: true });
    }
  }, 180_000);
});

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}
