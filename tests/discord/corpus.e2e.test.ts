// The moderators' /corpus commands end to end, over a temporary copy of the seed corpus: who may
// use them, uploads written safely and atomically, removals moved aside, failed files refused while
// the old index keeps answering, and answers deferred while a change is in progress.

import { mkdir, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { InteractionResponseType, MessageFlags } from 'discord-api-types/v10';
import { buildCorpusInWorker, type BuildRequest, type BuiltCorpus } from '../../src/service/corpusBuild.js';
import { DEFAULT_MEMBER_PERMISSIONS } from '../support/fakeDiscord.js';
import type { FakeCommandInteractionInit } from '../support/fakeDiscord.js';
import {
  type BotHarness,
  expectSafeTraffic,
  isEphemeral,
  MANAGE_GUILD,
  MODERATOR_ROLE_ID,
  OTHER_GUILD_ID,
  startBotHarness,
} from '../support/botHarness.js';

const MODERATOR = { permissions: DEFAULT_MEMBER_PERMISSIONS | MANAGE_GUILD };

const UPLOAD = `Lee tours Shanghai startup hub
SHANGHAI: South Korean President Lee Jae Myung toured the Zhangjiang science park in Shanghai on Wednesday, meeting founders of robotics startups.
The stop at Zhangjiang was arranged by the Korea Trade-Investment Promotion Agency, officials said.
Lee praised the park’s laboratories and invited the founders to visit Pangyo Techno Valley next year.
`;

/** A corpus build that can be held half-way, to see what the bot does while a change is in progress. */
function holdableLoader() {
  let hold: PromiseWithResolversLike | null = null;
  return {
    load: async (request: BuildRequest): Promise<BuiltCorpus> => {
      if (hold !== null) await hold.promise;
      return buildCorpusInWorker(request);
    },
    hold() {
      let release!: () => void;
      const promise = new Promise<void>((resolve) => {
        release = resolve;
      });
      hold = { promise, release };
    },
    release() {
      hold?.release();
      hold = null;
    },
  };
}
interface PromiseWithResolversLike {
  promise: Promise<void>;
  release: () => void;
}

describe('/corpus against the fake Discord', () => {
  let h: BotHarness;
  const loader = holdableLoader();

  const corpus = (init: Omit<FakeCommandInteractionInit, 'name'>) => h.command({ name: 'corpus', ...MODERATOR, ...init });
  const files = async (sub = '') => (await readdir(path.join(h.corpusDir, sub))).sort();

  beforeAll(async () => {
    h = await startBotHarness({ build: loader.load });
  });

  afterEach(() => {
    expectSafeTraffic(h.fake);
  });

  afterAll(async () => {
    loader.release();
    await h?.close();
  });

  /** Each subcommand with options a moderator could have given: none of it may happen without the right. */
  const EVERY_SUBCOMMAND: Array<Omit<FakeCommandInteractionInit, 'name'>> = [
    { subcommand: 'list' },
    { subcommand: 'reload' },
    { subcommand: 'add', attachments: { file: { filename: 'sneaky.txt', content: UPLOAD, contentType: 'text/plain' } } },
    { subcommand: 'remove', options: { id: '000_c04b76726293f929' } },
  ];

  it.each(EVERY_SUBCOMMAND)(
    'refuses /corpus $subcommand to a member without Manage Server or a moderator role, ephemerally, and logs the attempt',
    async (init) => {
      const before = await files();
      const serving = h.service.current;
      const reply = await h.command({ name: 'corpus', ...init });
      expect(reply.first.type).toBe(InteractionResponseType.ChannelMessageWithSource);
      expect(reply.message.flags).toBe(MessageFlags.Ephemeral);
      expect(reply.message.content).toContain('Only moderators');
      expect(reply.message.embeds ?? []).toEqual([]);
      expect(
        h.logs.some(
          (l) =>
            l.msg === 'corpus command refused' &&
            l.why === 'not-moderator' &&
            l.user === h.fake.userId &&
            l.interactionId === reply.sent.id &&
            l.subcommand === init.subcommand,
        ),
      ).toBe(true);
      expect(await files()).toEqual(before);
      expect(h.service.current).toBe(serving);
    },
  );

  it('refuses /corpus in a server other than the home server, even to its moderators', async () => {
    const reply = await h.command({ name: 'corpus', subcommand: 'list', guildId: OTHER_GUILD_ID, permissions: 8n });
    expect(isEphemeral(reply.message)).toBe(true);
    expect(reply.message.content).toContain('home server');
    expect(h.logs.some((l) => l.msg === 'corpus command refused' && l.why === 'not-home-guild')).toBe(true);
  });

  it.each(EVERY_SUBCOMMAND)(
    'refuses a forged /corpus $subcommand carrying Manage Server from another guild: nothing changes',
    async (init) => {
      const before = await files();
      const serving = h.service.current;
      const reply = await h.command({ name: 'corpus', ...init, ...MODERATOR, guildId: OTHER_GUILD_ID });
      expect(isEphemeral(reply.message)).toBe(true);
      expect(reply.message.content).toContain('home server');
      expect(
        h.logs.some((l) => l.msg === 'corpus command refused' && l.why === 'not-home-guild' && l.interactionId === reply.sent.id),
      ).toBe(true);
      expect(await files()).toEqual(before);
      expect(h.service.current).toBe(serving);
    },
  );

  it('lets a member with a moderator role (MODERATOR_ROLE_IDS) list the corpus', async () => {
    const reply = await h.command({ name: 'corpus', subcommand: 'list', roles: [MODERATOR_ROLE_ID] });
    expect(isEphemeral(reply.message)).toBe(true);
    const description = reply.message.embeds?.[0]?.description ?? '';
    for (const article of h.service.current.articles) expect(description).toContain(article.id);
  });

  it('adds an uploaded article: deferred, written under a safe new name with its sidecar, answered from at once', async () => {
    const before = { articles: h.service.current.articles.length, sentenceCount: h.service.current.sentenceCount };
    expect(h.service.answer('where', 'Zhangjiang science park').status).toBe('not-found');
    const reply = await corpus({
      subcommand: 'add',
      options: {
        title: 'Lee tours Shanghai startup hub',
        source: 'Test Wire',
        url: 'https://example.org/shanghai',
        published: '2026-01-07',
      },
      attachments: { file: { filename: '../../etc/Shanghai tour.md', content: UPLOAD, contentType: 'text/markdown' } },
    });
    expect(reply.first.type).toBe(InteractionResponseType.DeferredChannelMessageWithSource);
    expect((reply.first.body as { data?: { flags?: number } }).data?.flags).toBe(MessageFlags.Ephemeral);
    const content = reply.message.content ?? '';
    expect(content).toContain('**Added**');
    expect(content).toContain(`Articles: ${before.articles} → ${before.articles + 1}`);
    expect(content).toMatch(new RegExp(`sentences: ${before.sentenceCount} → ${before.sentenceCount + 4}`));

    const added = (await files()).filter((name) => name.startsWith('lee-tours-shanghai-startup-hub-'));
    expect(added).toHaveLength(2);
    const [article, sidecar] = [added.find((n) => n.endsWith('.md'))!, added.find((n) => n.endsWith('.meta.yaml'))!];
    expect(article).toMatch(/^lee-tours-shanghai-startup-hub-[0-9a-f]{8}\.md$/);
    expect(await readFile(path.join(h.corpusDir, article), 'utf8')).toBe(UPLOAD);
    const meta = await readFile(path.join(h.corpusDir, sidecar), 'utf8');
    expect(meta).toContain('title: Lee tours Shanghai startup hub');
    expect(meta).toContain('source: Test Wire');
    expect(meta).toContain('url: https://example.org/shanghai');
    expect(meta).toContain('published: 2026-01-07');
    expect(meta).toContain('by test-user');
    expect((await files()).some((n) => n.startsWith('.tmp-'))).toBe(false);
    const logged = h.logs.find((l) => l.msg === 'corpus add: applied');
    expect(logged).toMatchObject({ action: 'add', actor: { id: h.fake.userId, name: 'test-user' }, file: article });
    expect(typeof logged?.at).toBe('string');

    const answer = await h.command({ name: 'where', options: { query: 'Zhangjiang science park' } });
    expect(answer.message.embeds?.[0]?.fields?.[0]?.name).toContain('Lee tours Shanghai startup hub');
    expect(answer.message.embeds?.[0]?.fields?.[0]?.value).toContain('Test Wire');
    const sources = await h.command({ name: 'sources' });
    expect(sources.message.embeds?.[0]?.description).toMatch(
      /\*\*\d+\. Lee tours Shanghai startup hub\*\* · Test Wire · 7 January 2026 · \[link\]\(https:\/\/example\.org\/shanghai\) · \d+ sentences? · `[^`]+`/,
    );
  });

  it('refuses an upload that fails to parse, naming the file and the reason; the old index keeps answering', async () => {
    const before = await files();
    const serving = h.service.current;
    const reply = await corpus({
      subcommand: 'add',
      attachments: {
        file: { filename: 'broken.md', content: '---\npublished: last Tuesday\n---\nSome text here.\n', contentType: 'text/markdown' },
      },
    });
    expect((reply.first.body as { data?: { flags?: number } }).data?.flags).toBe(MessageFlags.Ephemeral);
    expect(reply.message.content).toContain('**Refused** `broken.md`');
    expect(reply.message.content).toContain('published: must be a date written YYYY-MM-DD');
    expect(reply.message.content).toContain(`still serves ${serving.articles.length} articles`);
    expect(await files()).toEqual(before);
    expect(h.service.current).toBe(serving);
    expect(h.logs.some((l) => l.msg === 'corpus add: refused' && l.file === 'broken.md')).toBe(true);

    const answer = await h.command({ name: 'when', options: { query: 'summit with Xi' } });
    expect(answer.message.embeds?.[0]?.fields?.length).toBeGreaterThan(0);
  });

  it.each([
    [
      'a PNG',
      Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0x00, 0x0d, 0x49, 0x48, 0x44, 0x52]),
      /NUL byte at byte 8: binary data/,
    ],
    [
      'random bytes',
      Buffer.from(Array.from({ length: 512 }, (_, i) => (i * 151 + 7) % 256)),
      /NUL byte|not valid UTF-8 text|control character/,
    ],
    ['terminal escapes', Buffer.from('Lee met Xi on Monday.\n\u001b[2J\u001b]0;owned\u0007\n'), /control character U\+001B/],
  ])('refuses an upload named .txt that is not text (%s), with the reason; nothing written', async (_name, content, reason) => {
    const before = await files();
    const serving = h.service.current;
    const reply = await corpus({ subcommand: 'add', attachments: { file: { filename: 'notes.txt', content, contentType: 'text/plain' } } });
    expect((reply.first.body as { data?: { flags?: number } }).data?.flags).toBe(MessageFlags.Ephemeral);
    expect(reply.message.content).toContain('**Refused** `notes.txt`');
    expect(reply.message.content).toMatch(reason);
    expect(await files()).toEqual(before);
    expect(h.service.current).toBe(serving);
    expect(h.logs.some((l) => l.msg === 'corpus add: refused' && l.file === 'notes.txt')).toBe(true);
  });

  it('refuses a file that is not .txt or .md, or over 1 MB, without downloading it', async () => {
    const pdf = await corpus({ subcommand: 'add', attachments: { file: { filename: 'report.pdf', content: '%PDF-1.7' } } });
    expect(pdf.first.type).toBe(InteractionResponseType.ChannelMessageWithSource);
    expect(isEphemeral(pdf.message)).toBe(true);
    expect(pdf.message.content).toContain('only .txt and .md files can be added');

    const big = await corpus({
      subcommand: 'add',
      attachments: { file: { filename: 'huge.txt', content: Buffer.alloc(1024 * 1024 + 1, 'a') } },
    });
    expect(big.message.content).toContain('at most 1 MB');
  });

  it('remove: autocompletes ids, moves the file and its sidecar aside, and the article stops being quoted', async () => {
    const id = h.service.current.articles.find((a) => a.id.startsWith('lee-tours-shanghai'))!.id;
    const choices = await h.autocomplete({
      name: 'corpus',
      subcommand: 'remove',
      focused: { name: 'id', value: 'shanghai' },
      ...MODERATOR,
    });
    expect(choices.map((c) => c.value)).toEqual([id]);
    expect(choices[0]!.name.length).toBeLessThanOrEqual(100);
    // Non-moderators get no ids.
    expect(await h.autocomplete({ name: 'corpus', subcommand: 'remove', focused: { name: 'id', value: '' } })).toEqual([]);

    const before = h.service.current.articles.length;
    const reply = await corpus({ subcommand: 'remove', options: { id } });
    expect(reply.first.type).toBe(InteractionResponseType.DeferredChannelMessageWithSource);
    expect(reply.message.content).toContain(`**Removed** \`${id}\``);
    expect(reply.message.content).toContain(`Articles: ${before} → ${before - 1}`);
    expect((await files()).some((n) => n.startsWith(id))).toBe(false);
    const removed = await files('.removed');
    expect(removed.filter((n) => n.endsWith(`_${id}.md`) || n.endsWith(`_${id}.meta.yaml`))).toHaveLength(2);
    expect(h.service.answer('where', 'Zhangjiang science park').status).toBe('not-found');
    expect(h.logs.some((l) => l.msg === 'corpus remove: applied' && l.articleId === id)).toBe(true);
  });

  it.each(['no-such-article', '../corpus/000_c04b76726293f929', '../../etc/passwd', '.removed'])(
    'remove: an unknown id or a path (%s) is refused and nothing moves',
    async (id) => {
      const before = await files();
      const reply = await corpus({ subcommand: 'remove', options: { id } });
      expect(reply.message.content).toContain('**Refused**');
      expect(reply.message.content).toContain('no article with id');
      expect(await files()).toEqual(before);
      expect(h.logs.some((l) => l.msg === 'corpus remove: refused' && l.articleId === id)).toBe(true);
    },
  );

  it('reload: picks up files changed by hand; a bad file is named with its reason and the others keep serving', async () => {
    const before = h.service.current;
    await writeFile(path.join(h.corpusDir, 'notes.txt'), Buffer.from([0x48, 0x69, 0xff, 0xfe, 0x0a]));
    const reply = await corpus({ subcommand: 'reload' });
    expect(reply.first.type).toBe(InteractionResponseType.DeferredChannelMessageWithSource);
    expect(reply.message.content).toContain('**Reloaded**');
    expect(reply.message.content).toContain(`Articles: ${before.articles.length} → ${before.articles.length}`);
    expect(reply.message.content).toContain('`notes.txt`: not valid UTF-8');
    expect(h.service.current).not.toBe(before);
    expect(h.service.current.articles.map((a) => a.id)).toEqual(before.articles.map((a) => a.id));
  });

  it('while a change is in progress, questions are deferred and then answered from the new corpus', async () => {
    loader.hold();
    const reload = await h.fake.sendInteraction(h.fake.commandInteraction({ name: 'corpus', subcommand: 'reload', ...MODERATOR }));
    expect((await h.fake.waitForResponse(reload.id)).type).toBe(InteractionResponseType.DeferredChannelMessageWithSource);
    await vi.waitFor(() => expect(h.service.changing).toBe(true));

    const question = await h.fake.sendInteraction(h.fake.commandInteraction({ name: 'when', options: { query: 'summit with Xi' } }));
    const deferred = await h.fake.waitForResponse(question.id);
    expect(deferred.type).toBe(InteractionResponseType.DeferredChannelMessageWithSource);
    expect(deferred.elapsedMs).toBeLessThan(3_000);
    expect(isEphemeral((deferred.body as { data?: { flags?: number } }).data ?? {})).toBe(false);
    expect(h.fake.interaction(question.id)?.webhookCalls).toEqual([]);

    loader.release();
    const edit = await h.fake.waitForEdit(question.token);
    expect(edit.status).toBe(200);
    const body = edit.body as {
      content?: string;
      embeds?: Array<{ author?: { name: string }; fields?: unknown[] }>;
      allowed_mentions?: unknown;
    };
    expect(body.embeds?.[0]?.fields?.length).toBeGreaterThan(0);
    expect(body.embeds?.[0]?.author?.name).toBe('/when summit with Xi');
    expect(body.allowed_mentions).toEqual({ parse: [] });
    expect(((await h.fake.waitForEdit(reload.token)).body as { content: string }).content).toContain('**Reloaded**');
    expect(h.fake.interaction(question.id)?.original?.embeds.length).toBe(1);
  });

  it('while a change is in progress, /sources, /timeline, /corpus list and More excerpts wait too: each acknowledged at once, answered after', async () => {
    const question = await h.command({ name: 'who', options: { query: 'Lee Jae Myung' } });
    const more = (question.message.components as Array<{ components?: Array<{ custom_id?: string; label?: string }> }> | undefined)
      ?.flatMap((row) => row.components ?? [])
      .find((button) => button.label === 'More excerpts')?.custom_id;
    expect(more).toBeDefined();

    loader.hold();
    const reload = corpus({ subcommand: 'reload' });
    await vi.waitFor(() => expect(h.service.changing).toBe(true));
    const sources = await h.fake.sendInteraction(h.fake.commandInteraction({ name: 'sources' }));
    const timeline = await h.fake.sendInteraction(h.fake.commandInteraction({ name: 'timeline', options: { topic: 'summit' } }));
    const list = await h.fake.sendInteraction(h.fake.commandInteraction({ name: 'corpus', subcommand: 'list', ...MODERATOR }));
    const press = await h.fake.sendInteraction(
      h.fake.buttonInteraction({ customId: more!, message: h.fake.interaction(question.sent.id)?.original ?? undefined }),
    );
    const deferrals = await Promise.all([sources, timeline, list, press].map((sent) => h.fake.waitForResponse(sent.id)));
    expect(deferrals.map((d) => d.type)).toEqual([
      InteractionResponseType.DeferredChannelMessageWithSource,
      InteractionResponseType.DeferredChannelMessageWithSource,
      InteractionResponseType.DeferredChannelMessageWithSource,
      InteractionResponseType.DeferredMessageUpdate,
    ]);
    const flags = (d: (typeof deferrals)[number]) => (d.body as { data?: { flags?: number } }).data ?? {};
    expect(deferrals.map((d) => isEphemeral(flags(d)))).toEqual([false, false, true, false]);
    for (const sent of [sources, timeline, list, press]) expect(h.fake.interaction(sent.id)?.webhookCalls).toEqual([]);

    loader.release();
    expect((await reload).message.content).toContain('**Reloaded**');
    const edits = await Promise.all([sources, timeline, list, press].map((sent) => h.fake.waitForEdit(sent.token)));
    expect(edits.map((edit) => edit.status)).toEqual([200, 200, 200, 200]);
    const embeds = edits.map((edit) => (edit.body as { embeds?: Array<{ fields?: unknown[]; description?: string }> }).embeds ?? []);
    for (const embed of embeds) expect(embed.length).toBeGreaterThan(0);
  });

  it('list: names a folder put in the corpus folder as skipped, with why, after a reload', async () => {
    const folder = path.join(h.corpusDir, 'more articles');
    await mkdir(folder);
    await writeFile(path.join(folder, 'shanghai.txt'), UPLOAD);
    try {
      expect((await corpus({ subcommand: 'reload' })).message.content).toContain('**Reloaded**');
      const list = await corpus({ subcommand: 'list' });
      const field = list.message.embeds?.[0]?.fields?.find((f) => f.name.startsWith('Not loaded'));
      expect(field?.value).toContain(
        '`more articles`: skipped: a folder (articles are read from the corpus folder itself, not from sub-folders)',
      );
      expect(h.logs.some((l) => l.msg === 'corpus folder entry skipped' && l.file === 'more articles')).toBe(true);
    } finally {
      await rm(folder, { recursive: true, force: true });
      await corpus({ subcommand: 'reload' });
    }
  });
});
