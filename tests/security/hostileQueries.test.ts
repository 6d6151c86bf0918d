// Hostile and broken queries — empty, blank, 6,000 characters, emoji, right-to-left text, zero-width
// and bidi characters, Markdown and mention syntax, regex metacharacters, only stop words — through
// the three ways in: the answering core, the `ask` command (a child process), and Discord (the real
// bot against the fake Discord). Each gets a clear answer or a clear "nothing found", in time, and
// nothing the bot sends can ping anyone.

import { rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { InteractionResponseType } from 'discord-api-types/v10';
import { AnswerEngine } from '../../src/answer/engine.js';
import type { Command } from '../../src/answer/question.js';
import { renderAnswerMessage } from '../../src/discord/answerMessage.js';
import { MAX_QUERY_LENGTH as DISCORD_MAX_QUERY_LENGTH } from '../../src/discord/limits.js';
import { MAX_QUERY_LENGTH as CLI_MAX_QUERY_LENGTH } from '../../src/cli/questionLine.js';
import { copyCorpus, isEphemeral, sentMessages, startBotHarness, type BotHarness } from '../support/botHarness.js';
import { HOSTILE_ARTICLE, HOSTILE_ARTICLE_FILE, MENTION_SYNTAX, hostileCorpusArticles } from '../support/hostileCorpus.js';
import { runAsk } from '../support/askProcess.js';
import { shownText, type ShownMessage } from '../support/shownText.js';

/** Generous for a loaded CI machine; answers take milliseconds. */
const CORE_TIME_LIMIT_MS = 2_000;

/** What a case must get: nothing to look for, nothing found, an answer, or either of the last two. */
type Outcome = 'empty' | 'not-found' | 'answered' | 'answered-or-not-found';

interface HostileQuery {
  name: string;
  command: Command;
  query: string;
  outcome: Outcome;
  /** The short answer, when the case must find one. */
  answer?: string;
}

const LONG_QUERY = `summit with Xi ${'and more words about nothing in particular '.repeat(150)}`.slice(0, 6_000);

const CASES: HostileQuery[] = [
  { name: 'empty', command: 'when', query: '', outcome: 'empty' },
  { name: 'whitespace', command: 'when', query: '   \t  ', outcome: 'empty' },
  { name: 'zero-width characters only', command: 'who', query: '\u200b\u200c\u200d\u2060\ufeff', outcome: 'empty' },
  { name: '6,000 characters', command: 'ask', query: LONG_QUERY, outcome: 'answered-or-not-found' },
  { name: '6,000 of one letter', command: 'ask', query: 'a'.repeat(6_000), outcome: 'not-found' },
  { name: 'emoji', command: 'who', query: '😀🎉👨‍👩‍👧🇰🇷', outcome: 'not-found' },
  { name: 'right-to-left text', command: 'who', query: 'שלום עולם مرحبا', outcome: 'not-found' },
  { name: 'right-to-left text the corpus has', command: 'where', query: 'פגישה בבייג׳ינג', outcome: 'answered' },
  {
    name: 'zero-width characters inside words',
    command: 'when',
    query: 'sum\u200bmit with X\u200di',
    outcome: 'answered',
    answer: 'Monday',
  },
  { name: 'a right-to-left override', command: 'when', query: '\u202esummit with Xi\u202c', outcome: 'answered', answer: 'Monday' },
  { name: 'Markdown', command: 'when', query: '**summit** with `Xi` ||now||', outcome: 'answered', answer: 'Monday' },
  { name: 'mentions only', command: 'who', query: '<@&987> <@654> <@!321>', outcome: 'not-found' },
  { name: '@everyone with a question', command: 'when', query: '@everyone @here summit with Xi', outcome: 'answered-or-not-found' },
  { name: 'regex metacharacters', command: 'what', query: '.*+?^${}()|[]\\ (a+)+$ \\d{1,}', outcome: 'not-found' },
  { name: 'only stop words', command: 'ask', query: 'the of and is a to in it', outcome: 'not-found' },
  { name: 'a question of only stop words', command: 'ask', query: 'What is the?', outcome: 'not-found' },
  { name: 'control characters', command: 'when', query: 'summit\u0000with\u001bXi\u0007', outcome: 'answered', answer: 'Monday' },
];

/** The reply text of each outcome that is text alone, as the user reads it. */
const CLEAR_TEXT = {
  empty: /Nothing to look for: the question is empty/,
  'not-found': /^I found nothing about “.+” in the corpus \(\d+ articles searched\)\.$/,
};

/**
 * A clear answer, as the user reads it: one embed, nothing repeating it above, the question echoed,
 * the short answer (or that there is none) first, then a quoted sentence.
 */
function isClearAnswer(message: ShownMessage): boolean {
  const [embed, ...others] = message.embeds ?? [];
  return (
    (message.content ?? '') === '' &&
    embed !== undefined &&
    others.length === 0 &&
    /^\/\w+ /.test(embed.author?.name ?? '') &&
    (embed.title ?? '').length > 0 &&
    /^> /m.test(embed.fields?.[0]?.value ?? '')
  );
}

describe('hostile queries: the answering core', () => {
  let engine: AnswerEngine;
  beforeAll(async () => {
    engine = AnswerEngine.fromArticles(await hostileCorpusArticles());
  });

  it.each(CASES)('$name: a clear reply, in time', ({ command, query, outcome, answer: expectedAnswer }) => {
    const started = performance.now();
    const answer = engine.answer(command, query);
    expect(performance.now() - started).toBeLessThan(CORE_TIME_LIMIT_MS);
    const message = renderAnswerMessage(answer);
    const content = message.content ?? '';
    if (outcome === 'empty') {
      expect(answer.status).toBe('not-found');
      expect(content).toMatch(CLEAR_TEXT.empty);
    } else if (outcome === 'not-found' || (outcome === 'answered-or-not-found' && answer.status === 'not-found')) {
      expect(answer.status).toBe('not-found');
      expect(content).toMatch(CLEAR_TEXT['not-found']);
    } else {
      expect(answer.status).toBe('answered');
      expect(isClearAnswer(message), JSON.stringify(message).slice(0, 300)).toBe(true);
    }
    if (expectedAnswer !== undefined) expect(answer.answer).toBe(expectedAnswer);
    expect(shownText(message)).not.toMatch(MENTION_SYNTAX);
    // Invisible and bidi characters never reach the echo of the question.
    expect(answer.question.text).not.toMatch(/[\p{Cf}\p{Cc}]/u);
  });
});

describe('hostile queries: the ask command', () => {
  let corpusDir: string;
  beforeAll(async () => {
    corpusDir = await copyCorpus();
    await writeFile(path.join(corpusDir, HOSTILE_ARTICLE_FILE), HOSTILE_ARTICLE);
  });
  afterAll(async () => {
    await rm(corpusDir, { recursive: true, force: true });
  });

  it('answers every case on its line of --json input: a clear error, answer or "nothing found"', async () => {
    // One question a line: the line breaks of the control-character case would split it.
    const lines = CASES.map((c) => `/${c.command} ${c.query.replace(/[\r\n]/g, ' ')}`);
    const started = performance.now();
    const run = await runAsk(['--json'], { stdin: `${lines.join('\n')}\n`, corpusDir });
    expect(performance.now() - started).toBeLessThan(20_000);
    expect(run.code).toBe(0);
    const replies = run.stdout
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line) as { error?: string; answer?: string | null; reply?: string; excerpts?: unknown[] });
    // Blank-looking lines are questions too (only truly empty lines are skipped): one reply per case.
    expect(replies).toHaveLength(CASES.length);
    CASES.forEach((c, i) => {
      const reply = replies[i]!;
      if (c.outcome === 'empty') {
        expect(reply.error, c.name).toMatch(/needs a query/);
      } else if (c.query.length > CLI_MAX_QUERY_LENGTH) {
        expect(reply.error, c.name).toBe(
          `the query is ${c.query.trim().length} characters long; ask in at most ${CLI_MAX_QUERY_LENGTH} characters`,
        );
      } else {
        expect(reply.error, c.name).toBeUndefined();
        if (c.outcome === 'not-found') expect(reply.reply, c.name).toMatch(/^I found nothing about “.+”/);
        if (c.outcome === 'answered') expect(reply.excerpts?.length, c.name).toBeGreaterThan(0);
        if (c.answer !== undefined) expect(reply.answer, c.name).toBe(c.answer);
      }
    });
  });

  it('refuses a 6,000-character question given as arguments with a clear message and exit code 2', async () => {
    const run = await runAsk(['ask', LONG_QUERY], { corpusDir });
    expect(run.code).toBe(2);
    expect(run.stdout).toContain(`ask in at most ${CLI_MAX_QUERY_LENGTH} characters`);
  });
});

describe('hostile queries: Discord', () => {
  let h: BotHarness;
  let corpusDir: string;

  beforeAll(async () => {
    corpusDir = await copyCorpus();
    await writeFile(path.join(corpusDir, HOSTILE_ARTICLE_FILE), HOSTILE_ARTICLE);
    h = await startBotHarness({ corpusDir });
  });

  afterEach(() => {
    for (const { route, body } of sentMessages(h.fake)) {
      expect(body.allowed_mentions, route).toEqual({ parse: [] });
      expect(shownText(body), route).not.toMatch(MENTION_SYNTAX);
    }
    expect(h.fake.unexpectedRequests()).toEqual([]);
  });

  afterAll(async () => {
    await h?.close();
    await rm(corpusDir, { recursive: true, force: true });
  });

  it.each(CASES)('$name: answered inside 3 s with a clear reply', async (c) => {
    const option = c.command === 'ask' ? 'question' : 'query';
    const reply = await h.command({ name: c.command, options: { [option]: c.query } });
    expect(reply.first.type).toBe(InteractionResponseType.ChannelMessageWithSource);
    expect(reply.first.status).toBe(204);
    expect(reply.first.elapsedMs).toBeLessThan(3_000);
    const content = reply.message.content ?? '';
    if (c.outcome === 'empty') {
      expect(isEphemeral(reply.message)).toBe(true);
      expect(content).toContain('Tell me what to look for');
    } else if (c.query.trim().length > DISCORD_MAX_QUERY_LENGTH) {
      // Discord itself caps the option; a longer one is a forged interaction, refused privately.
      expect(isEphemeral(reply.message)).toBe(true);
      expect(content).toContain(`ask in at most ${DISCORD_MAX_QUERY_LENGTH}`);
      expect(h.logs.some((l) => l.msg === 'question refused: too long' && l.interactionId === reply.sent.id)).toBe(true);
    } else if (c.outcome === 'not-found') {
      expect(content).toMatch(CLEAR_TEXT['not-found']);
    } else if (c.outcome === 'answered') {
      expect(isClearAnswer(reply.message), JSON.stringify(reply.message).slice(0, 300)).toBe(true);
      // A time answer is followed by its calendar date: "Monday (5 January 2026)".
      if (c.answer !== undefined) expect(reply.message.embeds?.[0]?.title).toMatch(new RegExp(`^${c.answer}(?: \\([^)]*\\d{4}\\))?$`));
    } else {
      expect(CLEAR_TEXT['not-found'].test(content) || isClearAnswer(reply.message), JSON.stringify(reply.message).slice(0, 300)).toBe(true);
    }
  });

  it('quotes an article full of mentions and Markdown without a raw mention in the message', async () => {
    const reply = await h.command({ name: 'when', options: { query: 'summit in Beijing moved' } });
    const shown = shownText(reply.message);
    expect(shown).toContain('@\u200beveryone');
    expect(shown).not.toMatch(MENTION_SYNTAX);
    expect(reply.message.allowed_mentions).toEqual({ parse: [] });
  });
});
