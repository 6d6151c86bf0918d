// /corpus add url:<link> end to end, against the fake Discord and pages served on 127.0.0.1
// (allow-listed in the harness's config): a private preview with Confirm and Cancel buttons, the
// article added only on Confirm (then listed and quoted), nothing added on Cancel, on a time-out,
// for a refused page, or when someone other than the moderator who asked presses a button.

import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { ComponentType, InteractionResponseType, MessageFlags } from 'discord-api-types/v10';
import type { APIMessage } from 'discord-api-types/v10';
import { previewButtonIds } from '../../src/discord/urlAdd.js';
import { DEFAULT_MEMBER_PERMISSIONS, makeUser } from '../support/fakeDiscord.js';
import type { FakeCommandInteractionInit, WebhookCallRecord } from '../support/fakeDiscord.js';
import {
  type BotHarness,
  type BotReply,
  expectSafeTraffic,
  isEphemeral,
  MANAGE_GUILD,
  type SentMessage,
  startBotHarness,
} from '../support/botHarness.js';
import {
  ARTICLE_DATE,
  ARTICLE_PARAGRAPHS,
  ARTICLE_PUBLISHER,
  ARTICLE_TITLE,
  FURNITURE,
  startPageServer,
  type PageServer,
} from '../support/pageServer.js';

const MODERATOR = { permissions: DEFAULT_MEMBER_PERMISSIONS | MANAGE_GUILD };
const WAIT = { timeoutMs: 20_000 };

let site: PageServer;
beforeAll(async () => {
  site = await startPageServer();
});
afterAll(async () => {
  await site?.close();
});

/** Harness helpers shared by both describe blocks. */
function helpers(get: () => BotHarness) {
  const files = async () => (await readdir(get().corpusDir)).sort();
  const addUrl = (link: string, init: Omit<FakeCommandInteractionInit, 'name'> = {}): Promise<BotReply> =>
    get().command({ name: 'corpus', subcommand: 'add', ...MODERATOR, ...init, options: { url: link, ...init.options } }, WAIT);
  /** The preview message as Discord holds it (with its buttons), for the button presses. */
  const previewOf = (reply: BotReply): APIMessage => {
    const message = get().fake.interaction(reply.sent.id)?.original;
    if (!message) throw new Error('no preview message');
    return message;
  };
  const press = async (reply: BotReply, button: 'confirm' | 'cancel', user = {}) => {
    const h = get();
    const ids = previewButtonIds(reply.sent.id);
    const sent = await h.fake.sendInteraction(
      h.fake.buttonInteraction({ customId: ids[button], message: previewOf(reply), ...MODERATOR, ...user }),
    );
    return { sent, first: await h.fake.waitForResponse(sent.id, WAIT) };
  };
  /** The n-th edit of @original made with a token (0: the first). */
  const nthEdit = (token: string, n: number): Promise<WebhookCallRecord> =>
    get().fake.waitFor(
      () =>
        get()
          .fake.interaction(token)
          ?.webhookCalls.filter((c) => c.kind === 'edit' && c.messageId === '@original')[n],
      `edit #${n}`,
      WAIT,
    );
  return { files, addUrl, previewOf, press, nthEdit };
}

function buttonsOf(message: { components?: unknown[] }): Array<{ custom_id?: string; label?: string; disabled?: boolean }> {
  const rows = (message.components ?? []) as Array<{
    type: number;
    components?: Array<{ type: number; custom_id?: string; label?: string; disabled?: boolean }>;
  }>;
  return rows
    .flatMap((row) => (row.type === ComponentType.ActionRow ? (row.components ?? []) : []))
    .filter((c) => c.type === ComponentType.Button);
}

describe('/corpus add url:<link> against the fake Discord', () => {
  let h: BotHarness;
  const { files, addUrl, press } = helpers(() => h);

  beforeAll(async () => {
    h = await startBotHarness();
  });
  afterEach(() => {
    expectSafeTraffic(h.fake);
  });
  afterAll(async () => {
    await h?.close();
  });

  it('previews the article privately with Confirm and Cancel; Confirm adds it, listed and quoted, with its metadata', async () => {
    const before = h.service.current;
    const articlesBefore = before.articles.length;
    const filesBefore = await files();
    const reply = await addUrl(`${site.origin}/article`);
    expect(reply.first.type).toBe(InteractionResponseType.DeferredChannelMessageWithSource);
    expect((reply.first.body as { data?: { flags?: number } }).data?.flags).toBe(MessageFlags.Ephemeral);
    const preview = reply.message.content ?? '';
    expect(preview).toContain('**Preview**');
    expect(preview).toContain(`**Title:** ${ARTICLE_TITLE}`);
    expect(preview).toContain(`**Publisher:** ${ARTICLE_PUBLISHER}`);
    expect(preview).toContain(`**Published:** ${ARTICLE_DATE}`);
    expect(preview).toContain(`**Sentences:** ${1 + ARTICLE_PARAGRAPHS.length}.`);
    expect(preview).toContain(`> ${ARTICLE_PARAGRAPHS[0]}`);
    for (const furniture of FURNITURE) expect(preview).not.toContain(furniture);
    expect(preview).not.toContain('Already in the corpus');
    expect(buttonsOf(reply.message as SentMessage & { components?: unknown[] }).map((b) => [b.label, b.disabled ?? false])).toEqual([
      ['Confirm', false],
      ['Cancel', false],
    ]);
    // Nothing is written before Confirm.
    expect(await files()).toEqual(filesBefore);
    expect(h.service.current).toBe(before);

    const confirm = await press(reply, 'confirm');
    expect(confirm.first.type).toBe(InteractionResponseType.UpdateMessage);
    const done = await h.fake.waitForEdit(confirm.sent.token, WAIT);
    const summary = (done.body as SentMessage).content ?? '';
    expect(summary).toContain('**Added**');
    expect(summary).toContain(`Articles: ${articlesBefore} → ${articlesBefore + 1}`);
    expect(buttonsOf(done.body as { components?: unknown[] })).toEqual([]);

    const added = (await files()).filter((name) => !filesBefore.includes(name));
    expect(added).toHaveLength(2);
    const sidecar = added.find((name) => name.endsWith('.meta.yaml'))!;
    const articleFile = added.find((name) => name.endsWith('.txt'))!;
    const meta = await readFile(path.join(h.corpusDir, sidecar), 'utf8');
    expect(meta).toContain(`title: ${ARTICLE_TITLE}`);
    expect(meta).toContain(`source: ${ARTICLE_PUBLISHER}`);
    expect(meta).toContain(`url: ${site.origin}/article`);
    expect(meta).toContain(`published: ${ARTICLE_DATE}`);
    const text = await readFile(path.join(h.corpusDir, articleFile), 'utf8');
    for (const paragraph of ARTICLE_PARAGRAPHS) expect(text).toContain(paragraph);

    const list = await h.command({ name: 'corpus', subcommand: 'list', ...MODERATOR });
    expect(list.message.embeds?.[0]?.description).toContain(ARTICLE_TITLE);
    const answer = await h.command({ name: 'where', options: { query: 'coast guard commands hotline' } });
    const field = answer.message.embeds?.[0]?.fields?.[0];
    expect(field?.name).toContain(ARTICLE_TITLE);
    expect(field?.value).toContain(ARTICLE_PUBLISHER);
    expect(answer.message.embeds?.[0]?.title).toContain('Qingdao');
  });

  it("lets the moderator's title, source and date replace the page's", async () => {
    const filesBefore = await files();
    const reply = await addUrl(`${site.origin}/redirect`, {
      options: { title: 'Hotline deal at sea', source: 'Moderator Wire', published: '2026-01-08' },
    });
    expect(reply.message.content).toContain('**Title:** Hotline deal at sea');
    expect(reply.message.content).toContain('**Publisher:** Moderator Wire');
    expect(reply.message.content).toContain('**Published:** 2026-01-08');
    expect(reply.message.content).toContain('after redirects');
    // The same page was added by the test before: the preview says so (it does not refuse it).
    expect(reply.message.content).toMatch(
      new RegExp(
        `\\*\\*Already in the corpus:\\*\\* ${ARTICLE_PARAGRAPHS.length} of the ${ARTICLE_PARAGRAPHS.length} sentences checked, word for word, in “${ARTICLE_TITLE}”`,
      ),
    );
    const confirm = await press(reply, 'confirm');
    await h.fake.waitForEdit(confirm.sent.token, WAIT);
    const sidecar = (await files()).find((name) => !filesBefore.includes(name) && name.endsWith('.meta.yaml'))!;
    const meta = await readFile(path.join(h.corpusDir, sidecar), 'utf8');
    expect(meta).toContain('title: Hotline deal at sea');
    expect(meta).toContain('source: Moderator Wire');
    expect(meta).toContain('published: 2026-01-08');
    expect(meta).toContain(`url: ${site.origin}/redirect`);
  });

  it('adds nothing on Cancel, and says so', async () => {
    const filesBefore = await files();
    const serving = h.service.current;
    const reply = await addUrl(`${site.origin}/article`);
    const cancel = await press(reply, 'cancel');
    expect(cancel.first.type).toBe(InteractionResponseType.UpdateMessage);
    const data = (cancel.first.body as { data?: SentMessage & { components?: unknown[] } }).data ?? {};
    expect(data.content).toContain('**Cancelled**');
    expect(buttonsOf(data)).toEqual([]);
    expect(await files()).toEqual(filesBefore);
    expect(h.service.current).toBe(serving);
  });

  it("refuses another member's button press privately; only the moderator who asked decides", async () => {
    const filesBefore = await files();
    const serving = h.service.current;
    const reply = await addUrl(`${site.origin}/article`);
    const intruder = { user: makeUser('1300000000000000077', 'someone-else'), permissions: DEFAULT_MEMBER_PERMISSIONS };
    const pressed = await press(reply, 'confirm', intruder);
    expect(pressed.first.type).toBe(InteractionResponseType.ChannelMessageWithSource);
    const data = (pressed.first.body as { data?: SentMessage }).data ?? {};
    expect(isEphemeral(data)).toBe(true);
    expect(data.content).toContain('Only the moderator who asked');
    expect(await files()).toEqual(filesBefore);
    expect(h.service.current).toBe(serving);
    // The preview still waits for its moderator.
    const cancel = await press(reply, 'cancel');
    expect(cancel.first.type).toBe(InteractionResponseType.UpdateMessage);
    expect(await files()).toEqual(filesBefore);
  });

  it('refuses /corpus add url to a member who is not a moderator, without fetching', async () => {
    const before = site.requests.length;
    const reply = await h.command({ name: 'corpus', subcommand: 'add', options: { url: `${site.origin}/article` } }, WAIT);
    expect(isEphemeral(reply.message)).toBe(true);
    expect(reply.message.content).toContain('Only moderators');
    expect(site.requests.length).toBe(before);
  });

  it.each([
    ['a page with no article', '/index', 'no article text'],
    ['a JSON document', '/data.json', 'not a web page'],
    ['a page larger than the cap', '/huge', 'larger than 5 MB'],
    ['a redirect to a refused address', '/redirect-refused', '127.0.0.2 is a loopback address'],
  ])('refuses %s privately with the reason; nothing added', async (_what, pagePath, reason) => {
    const filesBefore = await files();
    const serving = h.service.current;
    const reply = await addUrl(`${site.origin}${pagePath}`);
    expect(isEphemeral(reply.message) || (reply.first.body as { data?: { flags?: number } }).data?.flags === MessageFlags.Ephemeral).toBe(
      true,
    );
    expect(reply.message.content).toContain('**Refused**');
    expect(reply.message.content).toContain(reason);
    expect(reply.message.content).toContain('Nothing changed');
    expect(buttonsOf(reply.message as { components?: unknown[] })).toEqual([]);
    expect(await files()).toEqual(filesBefore);
    expect(h.service.current).toBe(serving);
  });

  it('refuses a bad published date before fetching', async () => {
    const before = site.requests.length;
    const reply = await addUrl(`${site.origin}/article`, { options: { published: '2026-02-30' } });
    expect(reply.message.content).toContain('**Refused**');
    expect(reply.message.content).toContain('published: must be a date written YYYY-MM-DD');
    expect(site.requests.length).toBe(before);
  });

  it('refuses a loopback address the allow-list does not name', async () => {
    const reply = await addUrl(`http://[::1]:${site.port}/article`);
    expect(reply.message.content).toContain('**Refused**');
    expect(reply.message.content).toContain('::1 is a loopback address');
  });

  it('asks for a file or a url when given neither', async () => {
    const reply = await h.command({ name: 'corpus', subcommand: 'add', ...MODERATOR }, WAIT);
    expect(isEphemeral(reply.message)).toBe(true);
    expect(reply.message.content).toContain('`file`');
    expect(reply.message.content).toContain('`url`');
  });
});

describe('/corpus add url:<link> preview time-out', () => {
  let h: BotHarness;
  const { files, addUrl, nthEdit } = helpers(() => h);

  beforeAll(async () => {
    h = await startBotHarness({
      config: { urlIngest: { maxBytes: 1024 * 1024, timeoutMs: 10_000, allow: ['127.0.0.1'], previewTimeoutMs: 1_000 } },
    });
  });
  afterAll(async () => {
    await h?.close();
  });

  it('disables the buttons when nobody decides in time, and adds nothing', async () => {
    const filesBefore = await files();
    const serving = h.service.current;
    const reply = await addUrl(`${site.origin}/article`);
    expect(reply.message.content).toContain('**Preview**');
    const timedOut = await nthEdit(reply.sent.token, 1);
    const body = timedOut.body as SentMessage & { components?: unknown[] };
    expect(body.content).toContain('**Timed out**');
    expect(buttonsOf(body).map((b) => b.disabled)).toEqual([true, true]);
    expect(await files()).toEqual(filesBefore);
    expect(h.service.current).toBe(serving);
  });
});
