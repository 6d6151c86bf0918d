// The question commands end to end: the real bot (discord.js client) against the fake Discord,
// over a copy of the seed corpus. Expected answers come from the answering core itself, so these
// tests check what the Discord face makes of an answer, not the answers' quality.

import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { InteractionResponseType } from 'discord-api-types/v10';
import { escapeMarkdown } from '../../src/answer/render.js';
import { formatResolvedDate, parseIsoDay, type Day } from '../../src/language/dateResolution.js';
import type { Command } from '../../src/answer/question.js';
import { COMMANDS } from '../../commands/index.js';
import type { SlashCommand } from '../../src/discord/commandTypes.js';
import { type BotHarness, expectSafeTraffic, isEphemeral, startBotHarness } from '../support/botHarness.js';
import { occurrences, shownText } from '../support/shownText.js';

function isoDay(iso: string): Day {
  const day = parseIsoDay(iso);
  if (day === null) throw new Error(`not an ISO day: ${iso}`);
  return day;
}

/** A command that fails, to see the error path: the user gets an error id, the log has it too. */
const BROKEN: SlashCommand[] = [
  {
    definition: { name: 'broken', toJSON: () => ({ name: 'broken', description: 'fails' }) },
    scope: 'everywhere',
    execute: () => Promise.reject(new Error('handler exploded')),
  },
  {
    definition: { name: 'broken-late', toJSON: () => ({ name: 'broken-late', description: 'fails after deferring' }) },
    scope: 'everywhere',
    async execute(interaction) {
      await interaction.deferReply();
      throw new Error('exploded after deferring');
    },
  },
];

describe('question commands against the fake Discord', () => {
  let h: BotHarness;

  beforeAll(async () => {
    h = await startBotHarness({ commands: [...COMMANDS, ...BROKEN] });
  });

  afterEach(() => {
    expectSafeTraffic(h.fake);
  });

  afterAll(async () => {
    await h?.close();
  });

  it('logs in with the Guilds intent only and registers nothing on start', () => {
    expect(h.fake.gateway.identifies[0]?.intents).toBe(1);
    expect(h.fake.requestsTo({ method: 'PUT', path: /commands$/ })).toEqual([]);
    expect(h.fake.registeredCommands(h.fake.guildId)).toEqual([]);
  });

  it('/when: one embed, the short answer first, each excerpt with the answer in bold and its citation by the article’s label', async () => {
    const expected = h.service.answer('when', 'summit with Xi');
    expect(expected.status).toBe('answered');
    const reply = await h.command({ name: 'when', options: { query: 'summit with Xi' } });

    expect(reply.first.type).toBe(InteractionResponseType.ChannelMessageWithSource);
    expect(reply.first.status).toBe(204);
    expect(reply.first.elapsedMs).toBeLessThan(3_000);
    expect(isEphemeral(reply.message)).toBe(false);
    // The embed alone: no text above it repeating the answer.
    expect(reply.message.content ?? '').toBe('');
    expect(reply.message.embeds).toHaveLength(1);
    const [embed] = reply.message.embeds ?? [];
    // A time answer shows its calendar date beside its wording: "Monday (5 January 2026)".
    expect(expected.answerDate).not.toBeNull();
    expect(embed?.title).toBe(`${escapeMarkdown(expected.answer ?? '')} (${formatResolvedDate(expected.answerDate!)})`);
    expect(embed?.author?.name).toBe('/when summit with Xi');
    expect(embed?.footer?.text).toContain(`Searched ${expected.articleCount} articles`);
    expect(embed?.fields).toHaveLength(expected.excerpts.length);
    expected.excerpts.forEach((excerpt, i) => {
      const field = embed?.fields?.[i];
      const citation = excerpt.citations[0]!;
      // The field is named by the article's label; under the sentence, its date and the sentence's position.
      expect(field?.name).toBe(`${i + 1}. ${escapeMarkdown(citation.label.name)}`);
      expect(field?.value).toContain(`sentence ${citation.position}`);
      if (citation.label.date !== null) expect(field?.value).toContain(citation.label.date);
      // The sentence is quoted verbatim (escaped for Markdown), its answer span in bold when it has one.
      expect(field?.value.replace(/\*\*/g, '')).toContain(escapeMarkdown(excerpt.text));
      if (excerpt.highlight !== null) {
        expect(field?.value).toContain(`**${escapeMarkdown(excerpt.text.slice(excerpt.highlight.start, excerpt.highlight.end))}**`);
      }
    });
  });

  it('shows the short answer, each excerpt and each citation once, each article by a human label, never by its file id', async () => {
    for (const [command, query] of [
      ['when', 'summit with Xi'],
      ['why', 'Lee visit China'],
      ['where', 'APEC Summit'],
    ] as const) {
      const expected = h.service.answer(command, query);
      expect(expected.status).toBe('answered');
      const reply = await h.command({ name: command, options: { query } });
      const shown = shownText(reply.message).replace(/\*\*/g, '');
      const quoted = expected.excerpts.map((excerpt) => escapeMarkdown(excerpt.text));
      // The first excerpt, and every other, quoted once in the whole message.
      for (const sentence of quoted) expect(occurrences(shown, sentence), sentence).toBe(1);
      // The short answer once, besides where the excerpts themselves say it.
      const outsideQuotes = quoted.reduce((text, sentence) => text.split(sentence).join(''), shown);
      expect(occurrences(outsideQuotes, escapeMarkdown(expected.answer!)), `${command} ${query}`).toBe(1);
      // Each excerpt's citation once: its label names its field, its sentence position is under it.
      const fields = reply.message.embeds?.[0]?.fields ?? [];
      expected.excerpts.forEach((excerpt, i) => {
        const { label, position } = excerpt.citations[0]!;
        expect(occurrences(fields[i]!.name, escapeMarkdown(label.name))).toBe(1);
        expect(occurrences(fields[i]!.value, escapeMarkdown(label.name))).toBe(0);
        expect(occurrences(fields[i]!.value, `sentence ${position}`)).toBe(1);
      });
      for (const article of h.service.current.articles) expect(shown).not.toContain(article.id);
    }
    // The seed's untitled article, with no publisher either, is named by its first words.
    const untitled = h.service.current.articles.find((article) => article.meta.title === null && article.headline === null)!;
    const label = h.service.current.articleLabel(untitled);
    expect(label.from).toBe('first-words');
    const reply = await h.command({ name: 'where', options: { query: 'APEC Summit' } });
    expect(reply.message.embeds?.[0]?.fields?.[0]?.name).toBe(`1. ${escapeMarkdown(label.name)}`);
    expect(label.name).toMatch(/^“South Korean President Lee Jae Myung .*…”$/);
  });

  const QUESTIONS: Array<[Command, string, string]> = [
    ['who', 'query', 'spokesperson'],
    ['why', 'query', 'Lee visit China'],
    ['where', 'query', 'APEC Summit'],
    ['what', 'query', 'one-China principle'],
    ['ask', 'question', 'How long is the visit?'],
  ];

  it.each(QUESTIONS)('/%s answers with the core’s excerpts and citations', async (name, option, query) => {
    const expected = h.service.answer(name, query);
    const reply = await h.command({ name, options: { [option]: query } });
    expect(reply.first.type).toBe(InteractionResponseType.ChannelMessageWithSource);
    if (expected.status === 'not-found') {
      expect(reply.message.embeds ?? []).toEqual([]);
      expect(reply.message.content).toContain('I found nothing');
      return;
    }
    const fields = reply.message.embeds?.[0]?.fields ?? [];
    expect(fields).toHaveLength(expected.excerpts.length);
    expected.excerpts.forEach((excerpt, i) => {
      expect(fields[i]?.value).toContain(`sentence ${excerpt.citations[0]!.position}`);
      expect(fields[i]?.value.replace(/\*\*/g, '')).toContain(escapeMarkdown(excerpt.text));
    });
    expect(reply.message.content ?? '').toBe('');
    const embed = reply.message.embeds?.[0];
    if (expected.answer !== null) expect(embed?.title).toContain(escapeMarkdown(expected.answer));
    expect(embed?.author?.name).toBe(`/${name} ${query}`);
  });

  it('/who Elon Musk: says plainly that nothing was found, and how many articles were searched', async () => {
    const reply = await h.command({ name: 'who', options: { query: 'Elon Musk' } });
    expect(reply.first.type).toBe(InteractionResponseType.ChannelMessageWithSource);
    expect(reply.message.embeds ?? []).toEqual([]);
    expect(reply.message.content).toContain('I found nothing about “Elon Musk”');
    expect(reply.message.content).toContain(`${h.service.current.articles.length} articles searched`);
  });

  it('echoes a query as typed (Markdown escaped where Markdown is read) and cannot ping anyone', async () => {
    const query = '**@everyone** <@&1300000000000000050> <@1300000000000000005> __summit__';
    const expected = h.service.answer('what', query);
    const reply = await h.command({ name: 'what', options: { query } });
    const shown = shownText(reply.message);
    expect(shown).not.toContain('@everyone');
    expect(shown).not.toMatch(/<@[&!]?\d+>/);
    if (expected.status === 'answered') {
      // The embed's author line is plain text: the query shows as typed, its mentions defused.
      expect(reply.message.embeds?.[0]?.author?.name).toBe(
        '/what **@\u200beveryone** <@\u200b&1300000000000000050> <@\u200b1300000000000000005> __summit__',
      );
    } else {
      expect(reply.message.content).toContain('\\*\\*@\u200beveryone\\*\\*');
      expect(reply.message.content).toContain('\\_\\_summit\\_\\_');
    }
    expect(reply.message.allowed_mentions).toEqual({ parse: [] });
  });

  it('a blank query gets a short ephemeral hint', async () => {
    const reply = await h.command({ name: 'who', options: { query: '   ' } });
    expect(isEphemeral(reply.message)).toBe(true);
    expect(reply.message.content).toContain('/who spokesperson');
  });

  it('/sources lists every article by its label, with publisher, date (inferred marked), link, sentence count and id', async () => {
    const reply = await h.command({ name: 'sources' });
    expect(reply.message.content ?? '').toBe('');
    const [embed] = reply.message.embeds ?? [];
    const description = embed?.description ?? '';
    const { articles } = h.service.current;
    expect(embed?.title).toContain(`${articles.length} articles`);
    articles.forEach((article, i) => {
      const label = h.service.current.articleLabel(article);
      expect(description).toContain(`**${i + 1}. ${escapeMarkdown(label.name)}**`);
      expect(description).toContain(`${article.sentenceCount} sentences · \`${article.id}\``);
      if (article.meta.publishedInferred !== null && article.meta.published === null) {
        expect(description).toContain(
          `${formatResolvedDate({ granularity: 'day', start: isoDay(article.meta.publishedInferred), end: null })} (inferred)`,
        );
      }
      if (article.meta.source === null) expect(description).toContain('publisher unknown');
    });
    expect(description).toContain(escapeMarkdown(articles.find((a) => a.headline !== null)?.headline ?? '').slice(0, 60));
  });

  it('autocomplete: at most 25 choices of at most 100 characters, matching what was typed', async () => {
    const choices = await h.autocomplete({ name: 'who', focused: { name: 'query', value: 'ka' } });
    expect(choices.length).toBeGreaterThan(0);
    expect(choices.length).toBeLessThanOrEqual(25);
    for (const choice of choices) {
      expect(choice.name.length).toBeLessThanOrEqual(100);
      expect(choice.value.length).toBeLessThanOrEqual(100);
      expect(choice.name.toLowerCase()).toMatch(/(^|[^\p{L}])ka/u);
    }
    expect(choices.map((c) => c.value)).toContain('Kang Yu-jung');
  });

  it('autocomplete: nothing typed gives the corpus’s main names; a long text still gives valid choices', async () => {
    const initial = await h.autocomplete({ name: 'when', focused: { name: 'query', value: '' } });
    expect(initial.length).toBeGreaterThan(5);
    expect(initial.length).toBeLessThanOrEqual(25);
    expect(initial.map((c) => c.value)).toContain('China');

    const long = await h.autocomplete({ name: 'where', focused: { name: 'query', value: `${'very '.repeat(30)}Gyeong` } });
    expect(long.length).toBeLessThanOrEqual(25);
    for (const choice of long) expect(choice.value.length).toBeLessThanOrEqual(100);

    const completion = await h.autocomplete({ name: 'when', focused: { name: 'query', value: 'summit with Xi Jin' } });
    expect(completion.map((c) => c.value)).toContain('summit with Xi Jinping');
  });

  it('a failing command: the user gets an ephemeral message with an error id that the log also has; the bot goes on', async () => {
    const reply = await h.command({ name: 'broken' });
    expect(isEphemeral(reply.message)).toBe(true);
    const errorId = /Error id: `([0-9a-f]{8})`/.exec(reply.message.content ?? '')?.[1];
    expect(errorId).toBeDefined();
    const logged = h.logs.find((line) => line.errorId === errorId);
    expect(logged?.msg).toBe('command failed');
    expect(JSON.stringify(logged?.err)).toContain('handler exploded');

    // Failing after a public defer: the "thinking…" message is removed and the error is ephemeral.
    const sent = await h.fake.sendInteraction(h.fake.commandInteraction({ name: 'broken-late' }));
    const followUp = await h.fake.waitForFollowUp(sent.token);
    expect(isEphemeral(followUp.body as { flags?: number })).toBe(true);
    expect((followUp.body as { content: string }).content).toMatch(/Error id: `[0-9a-f]{8}`/);
    await h.fake.waitFor(
      () => (h.fake.interaction(sent.id)?.webhookCalls.some((c) => c.kind === 'delete') ? true : undefined),
      'the deferred reply deleted',
    );

    const after = await h.command({ name: 'where', options: { query: 'APEC Summit' } });
    expect(after.first.status).toBe(204);
  });

  it('an unknown command gets an ephemeral answer, not silence', async () => {
    const reply = await h.command({ name: 'gone' });
    expect(isEphemeral(reply.message)).toBe(true);
    expect(reply.message.content).toContain('does not know that command');
  });
});
