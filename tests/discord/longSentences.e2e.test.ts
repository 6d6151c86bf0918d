// Issue 10, end to end against the fake Discord: a corpus holding a 100,000-character sentence and a
// 50,000-character list of names. Before, a question about either held the event loop for minutes,
// and the asker and the members who asked /sources meanwhile all lost their interactions (404
// Unknown interaction). Now the load cuts such sentences (and logs so for each file), every
// interaction is acknowledged, and a moderator adding such an article, from a file or a link, is
// told in a plain sentence that its long sentences were cut.

import { cp, mkdtemp, rm, writeFile } from 'node:fs/promises';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { InteractionResponseType } from 'discord-api-types/v10';
import { longSentence, nameList, pathologicalCorpora } from '../../bench/pathologicalCorpus.js';
import { previewButtonIds } from '../../src/discord/urlAdd.js';
import { DEFAULT_MEMBER_PERMISSIONS, makeUser } from '../support/fakeDiscord.js';
import { type BotHarness, expectSafeTraffic, MANAGE_GUILD, type SentMessage, startBotHarness } from '../support/botHarness.js';
import { shownText } from '../support/shownText.js';

const MODERATOR = { permissions: DEFAULT_MEMBER_PERMISSIONS | MANAGE_GUILD };
const WAIT = { timeoutMs: 30_000 };
const ACCEPTED = [200, 204];
/** What the moderator and the log are told (src/corpus/longSentences.ts). */
const CUT_NOTE = /too long to quote .* cut into shorter pieces/;

/** A news page whose article is one paragraph of `chars` characters without a full stop before its end. */
function longParagraphPage(chars: number): string {
  return `<!doctype html><html><head><title>One long paragraph</title><meta property="og:site_name" content="Run-on Times"></head>
<body><main><article><h1>One long paragraph</h1><p>${longSentence(chars)}</p></article></main></body></html>`;
}

describe('a corpus with over-long sentences, against the fake Discord', () => {
  let h: BotHarness;
  let corpusDir: string;
  let site: http.Server;
  let origin: string;

  beforeAll(async () => {
    corpusDir = await mkdtemp(path.join(tmpdir(), 'long-sentences-'));
    await cp('corpus', corpusDir, { recursive: true });
    for (const files of Object.values(pathologicalCorpora(100_000, 50_000))) {
      for (const [file, content] of Object.entries(files)) await writeFile(path.join(corpusDir, file), content);
    }
    h = await startBotHarness({ corpusDir });
    // A bot that has been answering for a while: the code's first run (compiling, loading word
    // lists) is not what is tested here.
    h.service.answer('when', 'visit China');
    await h.service.current.timeline('visit');
    site = http.createServer((req, res) =>
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(longParagraphPage(req.url === '/huge' ? 1_200_000 : 150_000)),
    );
    await new Promise<void>((resolve) => site.listen(0, '127.0.0.1', resolve));
    origin = `http://127.0.0.1:${(site.address() as AddressInfo).port}`;
  });
  afterEach(() => {
    expectSafeTraffic(h.fake);
  });
  afterAll(async () => {
    site?.closeAllConnections();
    await new Promise<void>((resolve) => (site === undefined ? resolve() : site.close(() => resolve())));
    await h?.close();
    await rm(corpusDir, { recursive: true, force: true });
  });

  it('logs a note for each loaded file whose long sentences were cut', () => {
    const notes = h.logs.filter((l) => l.msg === 'corpus file note');
    expect(notes.map((l) => l.file).sort()).toEqual(['comma-list.md', 'long-sentence.md']);
    for (const note of notes) expect(String(note.note)).toMatch(CUT_NOTE);
  });

  it('answers the asker, and the members who asked /sources meanwhile, about either sentence', async () => {
    const asked = [
      h.fake.commandInteraction({ name: 'when', options: { query: 'summit with Xi' } }),
      h.fake.commandInteraction({ name: 'who', options: { query: 'Kim and Park at the state dinner' } }),
      h.fake.commandInteraction({ name: 'timeline' }),
      h.fake.commandInteraction({ name: 'timeline', options: { topic: 'summit' } }),
      ...['1300000000000000071', '1300000000000000072', '1300000000000000073'].map((id, i) =>
        h.fake.commandInteraction({ name: 'sources', user: makeUser(id, `bystander-${i}`) }),
      ),
    ];
    const sent = await Promise.all(asked.map((interaction) => h.fake.sendInteraction(interaction)));
    const first = await Promise.all(sent.map((s) => h.fake.waitForResponse(s.id, WAIT)));
    for (const response of first)
      expect(ACCEPTED, `${response.status} after ${Math.round(response.elapsedMs)} ms`).toContain(response.status);
    const deferred = sent.filter((_s, i) => first[i]!.type === InteractionResponseType.DeferredChannelMessageWithSource);
    for (const edit of await Promise.all(deferred.map((s) => h.fake.waitForEdit(s.token, WAIT)))) expect(ACCEPTED).toContain(edit.status);
  });

  it('tells the moderator who uploads an article with a long sentence that it was cut', async () => {
    const reply = await h.command(
      {
        name: 'corpus',
        subcommand: 'add',
        ...MODERATOR,
        attachments: {
          file: {
            filename: 'guests.txt',
            content: `State dinner guests\nThe guest list was long.\n${nameList(20_000)}\n`,
            contentType: 'text/plain',
          },
        },
      },
      WAIT,
    );
    const content = reply.message.content ?? '';
    expect(content).toContain('**Added**');
    expect(content).toMatch(CUT_NOTE);
    expect(h.logs.find((l) => l.msg === 'corpus add: applied' && Array.isArray(l.notes))?.notes).toEqual([expect.stringMatching(CUT_NOTE)]);
    // The in-place add logged the note for the file too.
    expect(h.logs.some((l) => l.msg === 'corpus file note' && String(l.file).startsWith('guests-'))).toBe(true);
  });

  it('says so in the preview of a page with a 150,000-character paragraph, and again once it is added', async () => {
    const reply = await h.command({ name: 'corpus', subcommand: 'add', ...MODERATOR, options: { url: `${origin}/long` } }, WAIT);
    const preview = reply.message.content ?? '';
    expect(preview).toContain('**Preview**');
    expect(preview).toMatch(CUT_NOTE);
    const sentences = Number(/\*\*Sentences:\*\* (\d+)/.exec(preview)?.[1]);
    expect(sentences).toBeGreaterThan(150_000 / 600);

    const message = h.fake.interaction(reply.sent.id)?.original;
    if (!message) throw new Error('no preview message');
    const confirm = await h.fake.sendInteraction(
      h.fake.buttonInteraction({ customId: previewButtonIds(reply.sent.id).confirm, message, ...MODERATOR }),
    );
    await h.fake.waitForResponse(confirm.id, WAIT);
    const done = await h.fake.waitForEdit(confirm.token, WAIT);
    const summary = (done.body as SentMessage).content ?? '';
    expect(summary).toContain('**Added**');
    expect(summary).toMatch(CUT_NOTE);

    // The questions that froze the bot for minutes afterwards are answered.
    for (const [name, options] of [
      ['when', { query: 'summit with Xi' }],
      ['who', { query: 'spokesperson' }],
      ['timeline', { topic: 'summit' }],
    ] as const) {
      const answer = await h.command({ name, options }, WAIT);
      expect(ACCEPTED).toContain(answer.first.status);
      expect(shownText(answer.message)).not.toBe('');
    }
  });

  it('refuses a page whose article is over 1 MB before splitting it, and says why', async () => {
    const reply = await h.command({ name: 'corpus', subcommand: 'add', ...MODERATOR, options: { url: `${origin}/huge` } }, WAIT);
    expect(reply.message.content).toContain('**Refused**');
    expect(reply.message.content).toMatch(/the article's text: the file is 1\.\d MB; at most 1 MB is accepted/);
    expect(h.logs.some((l) => l.msg === 'corpus add url: article refused')).toBe(true);
  });
});
