// `npm start` (a child process, serving the fake Discord) with an INDEX_CACHE_DIR that cannot hold
// the snapshot — a path under /proc (which hung start-up with no output) or a file — starts,
// answers, and applies a moderator's /corpus add, with one warning line about the cache.

import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { InteractionResponseType } from 'discord-api-types/v10';
import { DEFAULT_MEMBER_PERMISSIONS, startFakeDiscord, type FakeCommandInteractionInit, type FakeDiscord } from '../support/fakeDiscord.js';
import { MANAGE_GUILD, copyCorpus, expectSafeTraffic } from '../support/botHarness.js';
import { startBotProcess, type BotProcess } from '../support/botProcess.js';

const UPLOAD = `Lee visits Qingdao port
QINGDAO: President Lee Jae Myung visited the container terminal in Qingdao on Thursday with shipping executives.
The port handles much of the trade between the two countries, officials said.
`;

describe('npm start with an index cache it cannot use', () => {
  let fake: FakeDiscord | undefined;
  let bot: BotProcess | undefined;
  const folders: string[] = [];

  afterEach(async () => {
    bot?.kill('SIGKILL');
    await fake?.close();
    for (const folder of folders.splice(0)) await rm(folder, { recursive: true, force: true });
  });

  /** What the user ends up seeing of a command: its reply, or the edit of its deferred reply. */
  async function run(init: FakeCommandInteractionInit): Promise<string> {
    const sent = await fake!.sendInteraction(fake!.commandInteraction(init));
    const first = await fake!.waitForResponse(sent.id, { timeoutMs: 20_000 });
    if (first.type === InteractionResponseType.DeferredChannelMessageWithSource) {
      return JSON.stringify((await fake!.waitForEdit(sent.token, { timeoutMs: 30_000 })).body);
    }
    return JSON.stringify(first.body);
  }

  it.each([
    ['a path under /proc (/proc/self/x)', async () => '/proc/self/x'],
    [
      'a file',
      async () => {
        const folder = await mkdtemp(path.join(tmpdir(), 'bot-bad-cache-'));
        folders.push(folder);
        await writeFile(path.join(folder, 'cache'), 'not a folder');
        return path.join(folder, 'cache');
      },
    ],
  ])(
    'INDEX_CACHE_DIR is %s: starts, answers, adds an article, with one warning about the cache',
    async (_case, cacheDir) => {
      fake = await startFakeDiscord();
      const corpusDir = await copyCorpus();
      folders.push(corpusDir);
      bot = await startBotProcess({ fake, corpusDir, env: { INDEX_CACHE_DIR: await cacheDir() } });

      expect(await run({ name: 'when', options: { query: 'summit with Xi' } })).toContain('**Monday**');
      const added = await run({
        name: 'corpus',
        subcommand: 'add',
        permissions: DEFAULT_MEMBER_PERMISSIONS | MANAGE_GUILD,
        attachments: { file: { filename: 'qingdao.txt', content: UPLOAD, contentType: 'text/plain' } },
      });
      expect(added).toContain('**Added**');
      expect(await run({ name: 'where', options: { query: 'container terminal' } })).toContain('Qingdao');

      const warnings = bot.logs().filter((line) => line.level === 40);
      expect(warnings).toEqual([expect.objectContaining({ msg: expect.stringMatching(/^index snapshot unavailable/) })]);
      expect(bot.logs().filter((line) => line.level > 40)).toEqual([]);
      expectSafeTraffic(fake);
      bot.kill('SIGTERM');
      expect(await bot.exited).toBe(0);
    },
    90_000,
  );
});
