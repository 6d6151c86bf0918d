// What the bot echoes (the question, an article's sentences, titles and publishers, the timeline,
// the moderators' listings and refusals) shows as written: Discord's live syntax beyond mentions
// (channels <#id>, slash commands </name:id>, timestamps <t:…>, custom emoji <:name:id> and
// <a:name:id>) does not render, a right-to-left override in an article does not reverse the text
// after it, 180 combining marks in a query do not pile up into "zalgo", and a control character
// (a NUL) is written out, never sent raw. The `ask` JSON keeps the article's sentence verbatim.

import { rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { displayText, displayTextWithin, MAX_MARKS_IN_A_ROW } from '../../src/answer/displayText.js';
import { escapeMarkdown } from '../../src/answer/render.js';
import { code } from '../../src/discord/markdown.js';
import { safeMessage } from '../../src/discord/messageOptions.js';
import { DEFAULT_MEMBER_PERMISSIONS } from '../support/fakeDiscord.js';
import { copyCorpus, expectSafeTraffic, MANAGE_GUILD, sentMessages, startBotHarness, type BotHarness } from '../support/botHarness.js';
import { runAsk } from '../support/askProcess.js';
import { textsOf } from '../support/shownText.js';

/** Live syntax Discord would render: channel, slash command, timestamp, custom emoji (still or animated), guild navigation. */
const LIVE_SYNTAX = /<(?:#\d+|\/[^<>\s:]+(?: [^<>\s:]+)*:\d+|t:-?\d+(?::[tTdDfFR])?|a?:\w+:\d+|id:\w+)>/;
const BIDI_CONTROL = /[\u202a-\u202e\u2066-\u2069]/;
const MARK_TOWER = new RegExp(`\\p{M}{${MAX_MARKS_IN_A_ROW + 1}}`, 'u');
const CONTROL = /(?![\t\n])\p{Cc}/u;

const CHANNEL = '<#1300000000000000070>';
const SLASH = '</corpus add:1300000000000000071>';
const TIMESTAMP = '<t:1767571200:F>';
const RELATIVE = '<t:1767225600:R>';
const EMOJI = '<:party:1300000000000000072>';
const ANIMATED = '<a:dance:1300000000000000073>';
/** "said since" written backwards behind a right-to-left override: shown reversed, it reads "said since". */
const REVERSED = '\u202eecnis dias\u202c';
const ZALGO = `Qi\u0301\u0302\u0303\u0304\u0305\u0306\u0307\u0308\u0309\u030a\u030b\u030c\u030d\u030e\u030fngdao`;

const LIVE_ARTICLE_FILE = 'zz-live-syntax.md';
const LIVE_ARTICLE = `---
title: "Qingdao notes ${CHANNEL} ${SLASH} \u202eSTOP"
source: "Harbour Wire ${RELATIVE} ${EMOJI}"
published: 2026-01-05
---
The harbour summit in Qingdao was set for ${TIMESTAMP}, officials said in ${CHANNEL}.
The press room of the harbour summit ${ANIMATED} opens on Wednesday, the organisers ${REVERSED} in ${SLASH}.
Dock workers in ${ZALGO} cheered the harbour summit ${EMOJI} on Thursday.
`;

function expectShownAsWritten(text: string, what: string): void {
  // Inside inline code Discord renders nothing: a listed question is shown there as typed.
  expect(text.replace(/`[^`]*`/g, '`…`'), what).not.toMatch(LIVE_SYNTAX);
  expect(text, what).not.toMatch(BIDI_CONTROL);
  expect(text, what).not.toMatch(MARK_TOWER);
  expect(text, what).not.toMatch(CONTROL);
}

describe('displayText and escapeMarkdown', () => {
  it.each([CHANNEL, SLASH, TIMESTAMP, RELATIVE, '<t:1767571200>', EMOJI, ANIMATED, '<id:customize>'])(
    '%s is escaped, and still reads the same',
    (syntax) => {
      const escaped = escapeMarkdown(`see ${syntax} now`);
      expect(escaped).not.toMatch(LIVE_SYNTAX);
      expect(escaped.replace(/\u200b/g, '')).toBe(`see ${syntax} now`);
    },
  );

  it('removes bidi overrides and isolates, keeps right-to-left letters and the invisible direction marks', () => {
    expect(displayText(`a ${REVERSED} b \u2067x\u2069`)).toBe('a ecnis dias b x');
    expect(displayText('שלום \u200fعالم\u200e')).toBe('שלום \u200fعالم\u200e');
  });

  it(`keeps at most ${MAX_MARKS_IN_A_ROW} combining marks in a row: enough for Vietnamese and keycaps, not for zalgo`, () => {
    const zalgo = `a${'\u0301'.repeat(180)}b`;
    expect(displayText(zalgo)).toBe(`a${'\u0301'.repeat(MAX_MARKS_IN_A_ROW)}b`);
    expect(displayText('Nguyễn Việt 1\ufe0f\u20e3')).toBe('Nguyễn Việt 1\ufe0f\u20e3');
    expect(displayText('Vie\u0323\u0302t')).toBe('Vie\u0323\u0302t');
  });

  it('writes control characters out (removes them where text may not grow), keeps tabs and line breaks', () => {
    expect(displayText('a\u0000b\u001bc\td\ne\u0085')).toBe('a\\u0000b\\u001bc\td\ne\\u0085');
    expect(displayTextWithin('a\u0000b\u001bc\td\ne')).toBe('abc\td\ne');
    expect(code('x\u0000y')).toBe('`x\\u0000y`');
  });

  it('safeMessage gives every text of a message a last pass that never lengthens it', () => {
    const message = safeMessage({
      content: `${REVERSED} \u0000`,
      embeds: [
        {
          author: { name: ZALGO },
          title: REVERSED,
          fields: [{ name: `\u202e${'x'.repeat(10)}`, value: ZALGO }],
          footer: { text: '\u2066f\u2069' },
        },
      ],
    });
    for (const text of textsOf({ content: message.content, embeds: message.embeds })) expectShownAsWritten(text, text);
    expect(message.content).toBe('ecnis dias ');
    expect(message.embeds?.[0]?.author?.name.length).toBeLessThan(ZALGO.length);
  });
});

describe('echoes against the fake Discord', () => {
  let h: BotHarness;
  let corpusDir: string;
  const MODERATOR = { permissions: DEFAULT_MEMBER_PERMISSIONS | MANAGE_GUILD };

  beforeAll(async () => {
    corpusDir = await copyCorpus();
    await writeFile(path.join(corpusDir, LIVE_ARTICLE_FILE), LIVE_ARTICLE);
    h = await startBotHarness({ corpusDir });
  });

  afterEach(() => {
    expectSafeTraffic(h.fake);
    for (const { route, body } of sentMessages(h.fake)) {
      // /corpus gaps dates its lines with the bot's own live timestamps ("last asked <t:…:R>").
      for (const text of textsOf(body))
        expectShownAsWritten(text.replace(/(last asked|last vote) <t:\d+:R>/g, '$1'), `${route}: ${text.slice(0, 300)}`);
    }
  });

  afterAll(async () => {
    await h?.close();
    await rm(corpusDir, { recursive: true, force: true });
  });

  it('quotes the article: its sentences, title and publisher shown as written, the override gone', async () => {
    for (const query of ['harbour summit in Qingdao', 'press room of the harbour summit', 'Dock workers cheered the harbour summit']) {
      const reply = await h.command({ name: 'what', options: { query } });
      const shown = textsOf(reply.message).join('\n');
      expect(shown, query).toContain('harbour summit');
    }
    const shown = sentMessages(h.fake)
      .flatMap(({ body }) => textsOf(body))
      .join('\n')
      .replace(/\u200b|\*\*/g, '');
    // Every piece of syntax is still there to read, as text.
    for (const syntax of [CHANNEL, TIMESTAMP, ANIMATED, EMOJI, 'Qingdao notes']) expect(shown).toContain(syntax);
    expect(shown).toContain('ecnis dias');
  });

  it('echoes a query of 180 combining marks without a tower of them', async () => {
    const reply = await h.command({ name: 'who', options: { query: `Qa${'\u0301'.repeat(180)} Atlantis` } });
    expect(reply.message.content).toMatch(/^I found nothing about “/);
    // The echo is clipped to 150 characters, most of them marks: the letter keeps three.
    expect(reply.message.content).toContain(`“Qa${'\u0301'.repeat(MAX_MARKS_IN_A_ROW)}…”`);
  });

  it('echoes a query of live syntax as written, in a reply and in an answer', async () => {
    const missing = await h.command({ name: 'who', options: { query: `Atlantis ${CHANNEL} ${TIMESTAMP} ${ANIMATED}` } });
    expect(missing.message.content?.replace(/\u200b/g, '')).toContain(`Atlantis ${CHANNEL} ${TIMESTAMP} ${ANIMATED}`);
    const answered = await h.command({ name: 'what', options: { query: `harbour summit in Qingdao ${TIMESTAMP}` } });
    expect(answered.message.embeds?.[0]?.author?.name.replace(/\u200b/g, '')).toBe(`/what harbour summit in Qingdao ${TIMESTAMP}`);
  });

  it('lists the article in /timeline, /sources and /corpus list as written', async () => {
    const timeline = await h.command({ name: 'timeline', options: { topic: 'harbour summit' } });
    expect(textsOf(timeline.message).join('\n')).toContain('harbour summit');
    const sources = await h.command({ name: 'sources' });
    expect(textsOf(sources.message).join('\n')).toContain('Qingdao notes');
    const list = await h.command({ name: 'corpus', subcommand: 'list', ...MODERATOR });
    expect(textsOf(list.message).join('\n')).toContain('Qingdao notes');
  });

  it('shows unanswered questions with live syntax in /corpus gaps as written', async () => {
    await h.command({ name: 'where', options: { query: `Atlantis ${SLASH} ${EMOJI}` } });
    const gaps = await h.command({ name: 'corpus', subcommand: 'gaps', ...MODERATOR });
    expect(gaps.message.content).toContain('Atlantis');
  });

  it('writes out a NUL in a link or an id it refuses, never echoing it raw', async () => {
    const add = await h.command({ name: 'corpus', subcommand: 'add', ...MODERATOR, options: { url: 'http://exa\u0000mple.org/' } });
    expect(add.message.content).toContain('**Refused**');
    expect(add.message.content).toContain('exa\\u0000mple.org');
    const remove = await h.command({ name: 'corpus', subcommand: 'remove', ...MODERATOR, options: { id: 'qingdao\u0000notes' } });
    expect(remove.message.content).toContain('**Refused**');
    expect(remove.message.content).toContain('qingdao\\u0000notes');
  });
});

describe('the ask command', () => {
  let corpusDir: string;
  beforeAll(async () => {
    corpusDir = await copyCorpus();
    await writeFile(path.join(corpusDir, LIVE_ARTICLE_FILE), LIVE_ARTICLE);
  });
  afterAll(async () => {
    await rm(corpusDir, { recursive: true, force: true });
  });

  it('keeps the sentence verbatim in the JSON, and shows it without the override in the reply text', async () => {
    const run = await runAsk(['--json'], { stdin: '/what press room of the harbour summit\n', corpusDir });
    expect(run.code).toBe(0);
    const reply = JSON.parse(run.stdout.trim()) as { excerpts: Array<{ text: string }>; reply: string };
    const sentence = reply.excerpts.map((e) => e.text).find((text) => text.includes('press room'));
    expect(sentence).toContain(REVERSED);
    expect(reply.reply).toContain('ecnis dias');
    expect(reply.reply).not.toMatch(BIDI_CONTROL);
  });
});
