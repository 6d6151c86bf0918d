// `npm start` told to stop (SIGTERM) while it is answering: the replies in flight are finished
// (their requests complete) before it disconnects and exits 0; an upload in progress completes, and
// the corpus folder holds a whole upload (article and sidecar) that loads, never a part of one.

import { rm } from 'node:fs/promises';
import { afterEach, describe, expect, it } from 'vitest';
import { InteractionResponseType } from 'discord-api-types/v10';
import { loadCorpus } from '../../src/corpus/loadCorpus.js';
import { DEFAULT_MEMBER_PERMISSIONS, startFakeDiscord, type FakeDiscord } from '../support/fakeDiscord.js';
import { MANAGE_GUILD, copyCorpus } from '../support/botHarness.js';
import { startBotProcess, type BotProcess } from '../support/botProcess.js';
import { folderState } from '../support/folderState.js';
import { describeRequests, refusedResponses } from '../support/interactionChecks.js';

const CALLBACK = { method: 'POST', path: '/interactions/:interactionId/:token/callback' } as const;
const EDIT = { method: 'PATCH', path: '/webhooks/:applicationId/:token/messages/:messageId' } as const;
const UPLOAD = `Lee visits Qingdao port
QINGDAO: President Lee Jae Myung visited the container terminal in Qingdao on Thursday with shipping executives.
The port handles much of the trade between the two countries, officials said.
`;

describe('SIGTERM while the bot is answering', () => {
  let fake: FakeDiscord;
  let corpusDir: string;
  let bot: BotProcess;

  async function start(): Promise<void> {
    fake = await startFakeDiscord();
    corpusDir = await copyCorpus();
    bot = await startBotProcess({ fake, corpusDir });
  }

  /** The index of the first log line with this message (-1 when none). */
  const logIndex = (msg: string) => bot.logs().findIndex((line) => line.msg === msg);

  afterEach(async () => {
    bot?.kill('SIGKILL');
    await fake?.close();
    if (corpusDir !== undefined) await rm(corpusDir, { recursive: true, force: true });
  });

  it('finishes the replies in flight, then disconnects and exits 0', async () => {
    await start();
    const count = 20;
    // Discord is slow to answer these replies: they are still in flight when SIGTERM arrives.
    fake.failNextRequests(CALLBACK, { kind: 'slow-response', ms: 1_000 }, count);
    const sent = await fake.sendInteractions(
      Array.from({ length: count }, () => fake.commandInteraction({ name: 'when', options: { query: 'summit with Xi' } })),
    );
    await fake.waitFor(() => (fake.requestsTo(CALLBACK).length >= count ? true : undefined), 'every reply sent', { timeoutMs: 10_000 });
    expect(fake.requestsTo(CALLBACK).every((r) => r.respondedAt === null)).toBe(true);

    bot.kill('SIGTERM');
    expect(await bot.exited).toBe(0);
    const exitedAt = Date.now();

    // A burst: the first is answered directly, the others deferred at once and answered by an edit
    // (src/discord/answerQueue.ts); every answer is sent before the exit.
    for (const { id, token } of sent) {
      const first = fake.interaction(id)?.callbacks[0];
      expect(first?.status).toBe(204);
      if (first?.type === InteractionResponseType.DeferredChannelMessageWithSource) {
        const edits = fake.requestsTo(EDIT).filter((r) => r.path.includes(token));
        expect(edits.map((r) => r.status)).toEqual([200]);
        expect(edits[0]!.respondedAt).toBeLessThanOrEqual(exitedAt);
      } else {
        expect(first?.type).toBe(InteractionResponseType.ChannelMessageWithSource);
      }
    }
    // Each reply's request completed (the bot waited for Discord's response) before the exit.
    for (const request of fake.requestsTo(CALLBACK)) expect(request.respondedAt).not.toBeNull();
    expect(Math.max(...fake.requestsTo(CALLBACK).map((r) => r.respondedAt ?? Infinity))).toBeLessThanOrEqual(exitedAt);
    const answered = bot.logs().filter((line) => line.msg === 'question answered');
    expect(answered).toHaveLength(count);
    expect(bot.logs().find((line) => line.msg === 'waiting for interactions in progress')?.interactions).toBe(count);
    expect(logIndex('shutting down')).toBeGreaterThanOrEqual(0);
    expect(bot.logs().lastIndexOf(answered.at(-1)!)).toBeLessThan(logIndex('disconnected from Discord'));
    expect(describeRequests(refusedResponses(fake))).toEqual([]);
    expect(bot.logs().filter((line) => line.level >= 50)).toEqual([]);
  }, 60_000);

  it('lets an upload in progress complete: the folder holds the whole upload, which loads', async () => {
    await start();
    const before = await folderState(corpusDir);
    const sent = await fake.sendInteraction(
      fake.commandInteraction({
        name: 'corpus',
        subcommand: 'add',
        permissions: DEFAULT_MEMBER_PERMISSIONS | MANAGE_GUILD,
        attachments: { file: { filename: 'qingdao.txt', content: UPLOAD, contentType: 'text/plain' } },
      }),
    );
    // Deferred: the download, the checks, the write and the rebuild are under way.
    await fake.waitForResponse(sent.id, { timeoutMs: 10_000 });
    bot.kill('SIGTERM');
    expect(await bot.exited).toBe(0);

    const edit = fake.interaction(sent.id)?.webhookCalls.find((call) => call.kind === 'edit');
    expect((edit?.body as { content?: string } | undefined)?.content).toContain('**Added**');
    expect(logIndex('corpus add: applied')).toBeLessThan(logIndex('disconnected from Discord'));
    const after = await folderState(corpusDir);
    const added = Object.keys(after.files).filter((name) => !(name in before.files));
    expect(added).toHaveLength(2);
    expect(added.some((name) => name.endsWith('.meta.yaml'))).toBe(true);
    expect(after.hidden.filter((name) => name.startsWith('.tmp-'))).toEqual([]);
    for (const [name, hash] of Object.entries(before.files)) expect(after.files[name], name).toBe(hash);
    const reloaded = await loadCorpus(corpusDir);
    expect(reloaded.errors).toEqual([]);
    expect(reloaded.articles).toHaveLength(Object.keys(before.files).filter((name) => !name.endsWith('.meta.yaml')).length + 1);
  }, 60_000);
});
