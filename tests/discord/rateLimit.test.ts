// The per-user question limit: the pure sliding window (refusals say when to retry, refused questions
// do not count, idle users are forgotten, memory is capped), its configuration, and the bot applying
// it end to end to the question commands and /sources only — never to autocomplete or /corpus.

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { InteractionResponseType } from 'discord-api-types/v10';
import { ConfigError, DEFAULT_QUESTION_RATE_LIMIT, loadConfig } from '../../src/config.js';
import { QuestionRateLimiter, describeRateLimit, questionRateLimiter, rateLimitedMessage } from '../../src/discord/rateLimit.js';
import { DEFAULT_MEMBER_PERMISSIONS, makeUser } from '../support/fakeDiscord.js';
import { MANAGE_GUILD, isEphemeral, sentMessages, startBotHarness, type BotHarness } from '../support/botHarness.js';

/** A clock the test moves by hand. */
function manualClock(start = 1_750_000_000_000) {
  let now = start;
  return {
    now: () => now,
    advance(ms: number) {
      now += ms;
    },
  };
}

describe('QuestionRateLimiter', () => {
  it('allows `questions` per window, then refuses until the oldest question leaves the window', () => {
    const clock = manualClock();
    const limiter = new QuestionRateLimiter({ questions: 3, windowSeconds: 30 }, { now: clock.now });
    const start = clock.now();
    expect(limiter.take('ann')).toEqual({ allowed: true });
    clock.advance(10_000);
    expect(limiter.take('ann')).toEqual({ allowed: true });
    expect(limiter.take('ann')).toEqual({ allowed: true });
    clock.advance(5_000);
    expect(limiter.take('ann')).toEqual({ allowed: false, retryAt: start + 30_000, retryAfterMs: 15_000 });
    clock.advance(14_999);
    expect(limiter.take('ann').allowed).toBe(false);
    clock.advance(1);
    expect(limiter.take('ann')).toEqual({ allowed: true });
    // The window slides: the two questions at +10 s still count until +40 s.
    expect(limiter.take('ann')).toMatchObject({ allowed: false, retryAt: start + 40_000 });
  });

  it('keeps each user apart', () => {
    const limiter = new QuestionRateLimiter({ questions: 1, windowSeconds: 60 }, { now: manualClock().now });
    expect(limiter.take('ann').allowed).toBe(true);
    expect(limiter.take('ann').allowed).toBe(false);
    expect(limiter.take('bob').allowed).toBe(true);
  });

  it('does not count refused questions: asking again at the time given works, however often one tried meanwhile', () => {
    const clock = manualClock();
    const limiter = new QuestionRateLimiter({ questions: 2, windowSeconds: 10 }, { now: clock.now });
    limiter.take('ann');
    limiter.take('ann');
    let retryAt = 0;
    for (let i = 0; i < 50; i++) {
      const decision = limiter.take('ann');
      if (decision.allowed) throw new Error('should be refused');
      retryAt = decision.retryAt;
      clock.advance(100);
    }
    clock.advance(retryAt - clock.now());
    expect(limiter.take('ann').allowed).toBe(true);
  });

  it('forgets users with no question in the window, so memory follows the active users only', () => {
    const clock = manualClock();
    const limiter = new QuestionRateLimiter({ questions: 5, windowSeconds: 30 }, { now: clock.now });
    for (let i = 0; i < 1_000; i++) limiter.take(`user-${i}`);
    expect(limiter.trackedUsers).toBe(1_000);
    clock.advance(30_001);
    limiter.take('late');
    expect(limiter.trackedUsers).toBe(1);
  });

  it('remembers at most maxTrackedUsers, forgetting the least recently active first', () => {
    const clock = manualClock();
    const limiter = new QuestionRateLimiter({ questions: 1, windowSeconds: 3600 }, { now: clock.now, maxTrackedUsers: 100 });
    for (let i = 0; i < 250; i++) {
      limiter.take(`user-${i}`);
      clock.advance(1);
    }
    expect(limiter.trackedUsers).toBe(100);
    expect(limiter.take('user-249').allowed).toBe(false);
    expect(limiter.take('user-0').allowed).toBe(true);
  });

  it('refuses settings that make no sense', () => {
    expect(() => new QuestionRateLimiter({ questions: 0, windowSeconds: 30 })).toThrow(/at least 1 question/);
    expect(() => new QuestionRateLimiter({ questions: 5, windowSeconds: 0 })).toThrow(/more than 0 seconds/);
    expect(questionRateLimiter(null)).toBeNull();
  });

  it('tells the user the limit and when to ask again, as a Discord relative timestamp', () => {
    expect(describeRateLimit({ questions: 5, windowSeconds: 30 })).toBe('5 questions every 30 seconds');
    expect(describeRateLimit({ questions: 1, windowSeconds: 60 })).toBe('1 question every minute');
    expect(describeRateLimit({ questions: 20, windowSeconds: 7200 })).toBe('20 questions every 2 hours');
    const message = rateLimitedMessage({ questions: 5, windowSeconds: 30 }, 1_750_000_012_300);
    expect(message).toContain('5 questions every 30 seconds');
    expect(message).toContain('<t:1750000013:R>');
  });
});

describe('RATE_LIMIT_QUESTIONS and RATE_LIMIT_WINDOW_SECONDS', () => {
  it('default to 5 questions per 30 seconds', () => {
    expect(loadConfig({}).questionRateLimit).toEqual({ questions: 5, windowSeconds: 30 });
    expect(DEFAULT_QUESTION_RATE_LIMIT).toEqual({ questions: 5, windowSeconds: 30 });
  });

  it('are read from the environment; 0 questions turns the limit off', () => {
    expect(loadConfig({ RATE_LIMIT_QUESTIONS: '10', RATE_LIMIT_WINDOW_SECONDS: '60' }).questionRateLimit).toEqual({
      questions: 10,
      windowSeconds: 60,
    });
    expect(loadConfig({ RATE_LIMIT_WINDOW_SECONDS: '120' }).questionRateLimit).toEqual({ questions: 5, windowSeconds: 120 });
    expect(loadConfig({ RATE_LIMIT_QUESTIONS: '0' }).questionRateLimit).toBeNull();
    expect(loadConfig({ RATE_LIMIT_QUESTIONS: ' ' }).questionRateLimit).toEqual(DEFAULT_QUESTION_RATE_LIMIT);
  });

  it.each([
    ['RATE_LIMIT_QUESTIONS', 'five'],
    ['RATE_LIMIT_QUESTIONS', '-1'],
    ['RATE_LIMIT_QUESTIONS', '2.5'],
    ['RATE_LIMIT_WINDOW_SECONDS', '0'],
    ['RATE_LIMIT_WINDOW_SECONDS', '999999'],
  ])('refuse %s=%s with a message naming the variable', (name, value) => {
    expect(() => loadConfig({ [name]: value })).toThrow(ConfigError);
    expect(() => loadConfig({ [name]: value })).toThrow(new RegExp(`${name}: must be a whole number`));
  });
});

describe('the question limit in the bot, against the fake Discord', () => {
  let h: BotHarness;
  const MODERATOR = { permissions: DEFAULT_MEMBER_PERMISSIONS | MANAGE_GUILD };
  const OTHER_USER = makeUser('1300000000000000077', 'other-user');

  beforeAll(async () => {
    h = await startBotHarness({ config: { questionRateLimit: { questions: 3, windowSeconds: 60 } } });
  });

  afterAll(async () => {
    for (const { body } of sentMessages(h.fake)) expect(body.allowed_mentions).toEqual({ parse: [] });
    expect(h.fake.unexpectedRequests()).toEqual([]);
    await h?.close();
  });

  it('answers 3 questions (commands and /sources together), then refuses privately, saying when to retry, and logs it', async () => {
    expect((await h.command({ name: 'when', options: { query: 'summit with Xi' } })).message.embeds?.length).toBe(1);
    expect((await h.command({ name: 'sources' })).message.embeds?.length).toBe(1);
    // Autocomplete does not count, however much is typed.
    for (let i = 0; i < 5; i++) await h.autocomplete({ name: 'who', focused: { name: 'query', value: 'Le' } });
    expect((await h.command({ name: 'ask', options: { question: 'How long is the visit?' } })).message.embeds?.length).toBe(1);

    const before = Date.now();
    const refused = await h.command({ name: 'who', options: { query: 'spokesperson' } });
    expect(refused.first.type).toBe(InteractionResponseType.ChannelMessageWithSource);
    expect(refused.first.elapsedMs).toBeLessThan(3_000);
    expect(isEphemeral(refused.message)).toBe(true);
    expect(refused.message.embeds ?? []).toEqual([]);
    expect(refused.message.content).toContain('3 questions every minute');
    const retryAt = Number(/<t:(\d+):R>/.exec(refused.message.content ?? '')?.[1]) * 1000;
    expect(retryAt).toBeGreaterThan(before + 50_000);
    expect(retryAt).toBeLessThanOrEqual(before + 62_000);
    expect(h.logs.some((l) => l.msg === 'question refused: per-user rate limit' && l.user === h.fake.userId && l.command === 'who')).toBe(
      true,
    );

    const sources = await h.command({ name: 'sources' });
    expect(isEphemeral(sources.message)).toBe(true);
    expect(sources.message.content).toContain('<t:');
  });

  it('does not limit another member, autocomplete, or the moderators’ /corpus', async () => {
    const other = await h.command({ name: 'who', options: { query: 'spokesperson' }, user: OTHER_USER });
    expect(isEphemeral(other.message)).toBe(false);
    expect(other.message.embeds?.length).toBe(1);

    const choices = await h.autocomplete({ name: 'when', focused: { name: 'query', value: 'sum' } });
    expect(Array.isArray(choices)).toBe(true);
    for (let i = 0; i < 4; i++) {
      const list = await h.command({ name: 'corpus', subcommand: 'list', ...MODERATOR });
      expect(list.message.content ?? '').not.toContain('<t:');
      expect(list.message.embeds?.length).toBe(1);
    }
  });
});
