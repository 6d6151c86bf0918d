// Knowledge gaps, More excerpts and Helpful / Not helpful end to end, through the real discord.js
// client against the fake Discord: unanswered questions recorded and listed to moderators by
// /corpus gaps (and dropped once a corpus change answers them), the next page of an answer edited in
// place for its asker only, votes counted once per member and shown in /corpus gaps, expired buttons.

import { rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { InteractionResponseType } from 'discord-api-types/v10';
import type { APIMessage } from 'discord-api-types/v10';
import { DEFAULT_EXCERPTS } from '../../src/answer/engine.js';
import { escapeMarkdown } from '../../src/answer/render.js';
import { ANSWER_BUTTON_TTL_MS } from '../../src/feedback/feedbackStore.js';
import { DISCORD_LIMITS } from '../../src/discord/limits.js';
import { DEFAULT_MEMBER_PERMISSIONS, makeUser } from '../support/fakeDiscord.js';
import type { InteractionCallbackRecord } from '../support/fakeDiscord.js';
import {
  type BotHarness,
  type BotReply,
  expectSafeTraffic,
  isEphemeral,
  MANAGE_GUILD,
  type SentMessage,
  startBotHarness,
} from '../support/botHarness.js';
import { PAGING_ARTICLE } from '../support/pagingCorpus.js';
import { occurrences, shownText } from '../support/shownText.js';
import { writeSampleCorpus } from '../support/sampleCorpus.js';

const MODERATOR = { permissions: DEFAULT_MEMBER_PERMISSIONS | MANAGE_GUILD };
const ASKER = makeUser('1300000000000000201', 'asker');
const OTHER = makeUser('1300000000000000202', 'other-member');
const THIRD = makeUser('1300000000000000203', 'third-member');
const DAY = 24 * 60 * 60 * 1000;

/** A question about something the corpus has never heard of. */
const UNKNOWN = 'Zyxwv Qwerty';
/** An article that a corpus change brings in, and a question only it answers. */
const LATER_ARTICLE = {
  file: 'kjerringoy.txt',
  content: `Kjerringøy trading post reopens
The old Kjerringøy trading post reopened as a museum on Friday, the municipality said.
`,
  question: { command: 'what' as const, query: 'Kjerringøy trading post' },
};

type Button = { custom_id?: string; label?: string };

/** The buttons of a message, row after row. */
function buttons(message: SentMessage | APIMessage | null | undefined): Button[] {
  const rows = (message?.components ?? []) as Array<{ components?: Button[] }>;
  return rows.flatMap((row) => row.components ?? []);
}

function buttonId(message: SentMessage | APIMessage | null | undefined, label: string): string {
  const id = buttons(message).find((b) => b.label === label)?.custom_id;
  if (id === undefined) throw new Error(`no "${label}" button on ${JSON.stringify(message).slice(0, 300)}`);
  return id;
}

function callbackData(callback: InteractionCallbackRecord): SentMessage {
  return 'data' in callback.body ? (callback.body.data as SentMessage) : {};
}

describe('feedback against the fake Discord', () => {
  let h: BotHarness;
  let sourceDir: string;
  let clock = Date.now();

  const ask = (user: typeof ASKER, command: string, query: string): Promise<BotReply> =>
    h.command({ name: command, user, options: { [command === 'ask' ? 'question' : 'query']: query } });
  const gaps = (init: { days?: number; user?: typeof ASKER; permissions?: bigint } = MODERATOR) =>
    h.command({ name: 'corpus', subcommand: 'gaps', ...init, options: init.days === undefined ? {} : { days: init.days } });
  /** The message an answer's buttons are on, as the fake Discord holds it now. */
  const messageOf = (reply: BotReply) => h.fake.interaction(reply.sent.id)?.original ?? undefined;

  beforeAll(async () => {
    sourceDir = await writeSampleCorpus({ [PAGING_ARTICLE.file]: PAGING_ARTICLE.content });
    h = await startBotHarness({ corpusDir: sourceDir, now: () => clock });
  });

  afterEach(() => {
    expectSafeTraffic(h.fake);
    expect(h.logs.filter((line) => line.level >= 50)).toEqual([]);
  });

  afterAll(async () => {
    await h?.close();
    await rm(sourceDir, { recursive: true, force: true });
  });

  it('lists unanswered questions to moderators, grouped, with counts, and refuses everyone else', async () => {
    const first = await ask(ASKER, 'who', UNKNOWN);
    expect(first.message.embeds ?? []).toEqual([]);
    expect(buttons(first.message)).toEqual([]);
    await ask(OTHER, 'who', UNKNOWN.toUpperCase());

    const listed = await gaps();
    expect(isEphemeral(listed.message)).toBe(true);
    expect(listed.message.content).toContain(`/who ${UNKNOWN.toUpperCase()}`);
    expect(listed.message.content).toMatch(/2 times, last asked <t:\d+:R>/);

    const refused = await gaps({ user: OTHER });
    expect(isEphemeral(refused.message)).toBe(true);
    expect(refused.message.content).toContain('Only moderators');
    expect(refused.message.content?.toLowerCase()).not.toContain(UNKNOWN.toLowerCase());
  });

  it('drops a gap once a corpus change answers it, and keeps the others', async () => {
    const { command, query } = LATER_ARTICLE.question;
    expect(h.service.answer(command, query).status, 'unanswered before the change').toBe('not-found');
    await ask(ASKER, command, query);
    expect((await gaps()).message.content).toContain(`/${command} ${query}`);

    await writeFile(path.join(h.corpusDir, LATER_ARTICLE.file), LATER_ARTICLE.content);
    const reload = await h.command({ name: 'corpus', subcommand: 'reload', ...MODERATOR });
    expect(reload.message.content).toMatch(/reload/i);
    expect(h.service.answer(command, query).status, 'answered after the change').toBe('answered');

    const after = (await gaps()).message.content ?? '';
    expect(after).not.toContain(`/${command} ${query}`);
    expect(after).toContain(`/who ${UNKNOWN.toUpperCase()}`);
  });

  it('records a /timeline topic with nothing dated as a gap, and drops it once the corpus dates it', async () => {
    const topic = 'Andøy bridge';
    expect(h.service.current.hasTimeline(topic)).toBe(false);
    await h.command({ name: 'timeline', user: ASKER, options: { topic } });
    expect((await gaps()).message.content).toContain(`/timeline ${topic}`);
    await writeFile(
      path.join(h.corpusDir, 'andoy-bridge.txt'),
      'Andøy bridge opens in June\nThe new Andøy bridge will open on 12 June 2026, the road authority said.\n',
    );
    await h.command({ name: 'corpus', subcommand: 'reload', ...MODERATOR });
    expect(h.service.current.hasTimeline(topic)).toBe(true);
    expect((await gaps()).message.content).not.toContain(`/timeline ${topic}`);
  });

  it('lists only the questions of the days asked for', async () => {
    clock += 3 * DAY;
    await ask(ASKER, 'why', 'Qwerty Zyxwv strike');
    expect((await gaps({ ...MODERATOR, days: 1 })).message.content).not.toContain(UNKNOWN.toUpperCase());
    expect((await gaps({ ...MODERATOR, days: 1 })).message.content).toContain('Qwerty Zyxwv strike');
    expect((await gaps()).message.content).toContain(UNKNOWN.toUpperCase());
  });

  describe('More excerpts', () => {
    let answer: BotReply;

    beforeAll(async () => {
      answer = await ask(ASKER, 'what', PAGING_ARTICLE.subject);
    });

    it('is offered, within Discord’s limits, when more relevant sentences exist than were shown', () => {
      expect(h.service.answer('what', PAGING_ARTICLE.subject).moreExcerpts ?? 0, 'the corpus has more').toBeGreaterThan(0);
      expect(buttons(answer.message).map((b) => b.label)).toEqual(['More excerpts', 'Helpful', 'Not helpful']);
      for (const button of buttons(answer.message))
        expect(button.custom_id?.length ?? 0).toBeLessThanOrEqual(DISCORD_LIMITS.component.customIdLength);
    });

    it('is refused, privately, to anyone but the asker, and the answer stays as it was', async () => {
      const { sent, first } = await h.press({
        customId: buttonId(answer.message, 'More excerpts'),
        user: OTHER,
        message: messageOf(answer),
      });
      expect(first.type).toBe(InteractionResponseType.ChannelMessageWithSource);
      expect(isEphemeral(callbackData(first))).toBe(true);
      expect(callbackData(first).content).toContain('Only the member who asked');
      expect(h.fake.interaction(sent.id)?.callbacks).toHaveLength(1);
    });

    it('leaves buttons it does not know to whoever sent them: not answered, no error', async () => {
      const foreign = await h.fake.sendInteraction(h.fake.buttonInteraction({ customId: 'corpus-add-confirm:123456', user: ASKER }));
      // Interactions are routed in order: once the next one is answered, the foreign one was seen.
      const next = await h.press({ customId: buttonId(answer.message, 'Helpful'), user: THIRD, message: messageOf(answer) });
      expect(next.first.type).toBe(InteractionResponseType.ChannelMessageWithSource);
      expect(h.fake.interaction(foreign.id)?.callbacks).toEqual([]);
    });

    it('shows the asker the next page, edited into the same message', async () => {
      const page1 = answer.message.embeds?.[0]?.fields ?? [];
      // A message posted before answers became one embed had the answer in its text too: the page clears it.
      const posted = { ...messageOf(answer)!, content: 'Bodø ferry → an older reply’s text' };
      const { sent, first } = await h.press({ customId: buttonId(answer.message, 'More excerpts'), user: ASKER, message: posted });
      expect(first.type).toBe(InteractionResponseType.UpdateMessage);
      const page2 = callbackData(first).embeds?.[0]?.fields ?? [];
      expect(page2.length).toBeGreaterThan(0);
      expect(page2[0]?.name).toMatch(new RegExp(`^${DEFAULT_EXCERPTS + 1}\\. `));
      const quoted = (fields: typeof page1) =>
        fields.map((f) => f.value.split('\n').find((line) => line.startsWith('> ') && !line.startsWith('> _')));
      for (const sentence of quoted(page2)) expect(quoted(page1)).not.toContain(sentence);
      // More again only while sentences remain; the votes stay.
      const expected = h.service.answer('what', PAGING_ARTICLE.subject, { offset: DEFAULT_EXCERPTS });
      const remaining = expected.moreExcerpts ?? 0;
      expect(buttons(callbackData(first)).map((b) => b.label)).toEqual([
        ...(remaining > 0 ? ['More excerpts'] : []),
        'Helpful',
        'Not helpful',
      ]);

      // The message as the member now sees it: the page's embed alone, each excerpt and its citation once.
      const shown = h.fake.interaction(sent.id)?.original;
      expect(shown?.content).toBe('');
      expect(shown?.embeds).toHaveLength(1);
      const text = shownText({ content: shown?.content, embeds: shown?.embeds }).replace(/\*\*/g, '');
      expected.excerpts.forEach((excerpt, i) => {
        expect(occurrences(text, escapeMarkdown(excerpt.text))).toBe(1);
        const { label, position } = excerpt.citations[0]!;
        expect(shown?.embeds?.[0]?.fields?.[i]?.name).toBe(`${DEFAULT_EXCERPTS + i + 1}. ${escapeMarkdown(label.name)}`);
        expect(shown?.embeds?.[0]?.fields?.[i]?.value).toContain(`sentence ${position}`);
      });
      expect(text).not.toContain(PAGING_ARTICLE.file.replace(/\.txt$/, ''));
    });
  });

  it('counts Helpful / Not helpful once per member, acknowledges privately, and shows them in /corpus gaps', async () => {
    const query = 'Bodø ferry strike';
    const answer = await ask(ASKER, 'why', query);
    expect(answer.message.embeds?.length ?? 0, 'an answer to vote on').toBeGreaterThan(0);
    const vote = async (user: typeof ASKER, label: 'Helpful' | 'Not helpful') => {
      const { first } = await h.press({ customId: buttonId(answer.message, label), user, message: messageOf(answer) });
      expect(first.type).toBe(InteractionResponseType.ChannelMessageWithSource);
      expect(isEphemeral(callbackData(first))).toBe(true);
      return callbackData(first).content ?? '';
    };
    expect(await vote(ASKER, 'Not helpful')).toContain('recorded');
    expect(await vote(ASKER, 'Not helpful')).toContain('counts once');
    expect(await vote(OTHER, 'Not helpful')).toContain('recorded');
    expect(await vote(THIRD, 'Helpful')).toContain('recorded');

    const listed = (await gaps()).message.content ?? '';
    const line = listed.split('\n').find((l) => l.includes(`/why ${query}`));
    expect(line, listed).toBeDefined();
    expect(line).toContain('2 not helpful, 1 helpful');
  });

  it('says plainly when a button has expired', async () => {
    const answer = await ask(ASKER, 'what', PAGING_ARTICLE.subject);
    clock += ANSWER_BUTTON_TTL_MS + DAY;
    for (const label of ['More excerpts', 'Helpful']) {
      const { first } = await h.press({ customId: buttonId(answer.message, label), user: ASKER, message: messageOf(answer) });
      expect(isEphemeral(callbackData(first))).toBe(true);
      expect(callbackData(first).content).toContain('expired');
    }
  });
});
