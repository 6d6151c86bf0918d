// Under overload no interaction is lost: whatever might not be answered inside Discord's 3 s is
// acknowledged first (a deferred reply; autocomplete with no choices), at once, before any answer
// is computed. Two kinds of overload, made without timing assertions: interactions that reach the
// bot late (created well before they arrive, as on a busy machine or behind a gateway backlog),
// and a burst whose answers each hold the event loop.

import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { SlashCommandBuilder, SnowflakeUtil } from 'discord.js';
import { InteractionResponseType, type APIInteraction } from 'discord-api-types/v10';
import { COMMANDS } from '../../commands/index.js';
import type { SlashCommand } from '../../src/discord/commandTypes.js';
import { sendReply } from '../../src/discord/respond.js';
import { expectSafeTraffic, startBotHarness, type BotHarness } from '../support/botHarness.js';
import { makeUser, type FakeInteraction } from '../support/fakeDiscord.js';
import { requestsAfterUnknownInteraction } from '../support/interactionChecks.js';

/** How long each answer of /slow holds the event loop. */
const HOLD_MS = 150;

/** A question command whose answer holds the event loop (an expensive answer, a busy machine). */
const SLOW: SlashCommand = {
  definition: new SlashCommandBuilder().setName('slow').setDescription('An answer that holds the event loop'),
  scope: 'everywhere',
  rateLimited: true,
  async execute(interaction) {
    const until = performance.now() + HOLD_MS;
    let spins = 0;
    while (performance.now() < until) spins++;
    await sendReply(interaction, { content: `slow answer after ${spins > 0 ? 'a while' : 'no time'}` });
  },
};

describe('overload', () => {
  let h: BotHarness;

  beforeAll(async () => {
    h = await startBotHarness({ commands: [...COMMANDS, SLOW] });
  });

  afterEach(() => {
    expectSafeTraffic(h.fake);
    expect(requestsAfterUnknownInteraction(h.fake)).toEqual([]);
    expect(h.logs.filter((l) => l.level >= 50)).toEqual([]);
  });

  afterAll(async () => {
    await h?.close();
  });

  /** The burst's payloads, each from its own member; `ageMs` old when sent. */
  function burst(inits: ReadonlyArray<(user: ReturnType<typeof makeUser>) => APIInteraction>, ageMs = 0): APIInteraction[] {
    return inits.map((init, i) => {
      const payload = init(makeUser(`15${String(i).padStart(17, '0')}`, `member-${i}`));
      return ageMs === 0 ? payload : { ...payload, id: SnowflakeUtil.generate({ timestamp: Date.now() - ageMs }).toString() };
    });
  }

  /** Each interaction acknowledged exactly once (no 40060, no 10062), and a deferred one edited exactly once. */
  function expectAnsweredOnce(states: readonly FakeInteraction[]): void {
    for (const state of states) {
      expect(
        state.callbacks.map((c) => c.status < 300),
        state.id,
      ).toEqual([true]);
      expect(
        state.webhookCalls.filter((c) => c.kind === 'follow-up'),
        state.id,
      ).toEqual([]);
      const edits = state.webhookCalls.filter((c) => c.kind === 'edit');
      expect(
        edits.map((c) => c.status),
        state.id,
      ).toEqual(state.acknowledgedWith === InteractionResponseType.DeferredChannelMessageWithSource ? [200] : []);
    }
  }

  it('interactions that reach the bot late are each deferred at once, then answered by one edit; late autocomplete gets no choices', async () => {
    const payloads = burst(
      [
        (user) => h.fake.commandInteraction({ name: 'when', user, options: { query: 'summit with Xi' } }),
        (user) => h.fake.commandInteraction({ name: 'where', user, options: { query: 'APEC Summit' } }),
        (user) => h.fake.autocompleteInteraction({ name: 'who', user, focused: { name: 'query', value: 'Lee' } }),
        (user) => h.fake.commandInteraction({ name: 'sources', user }),
        (user) => h.fake.commandInteraction({ name: 'who', user, options: { query: 'spokesperson' } }),
      ],
      1_500,
    );
    const sent = await h.fake.sendInteractions(payloads);
    const states = await h.fake.waitForAllAnswered(
      sent.map((s) => s.id),
      { timeoutMs: 20_000 },
    );
    expectAnsweredOnce(states);
    const [when, where, autocomplete, sources, who] = states;
    for (const state of [when, where, sources, who])
      expect(state!.callbacks[0]!.type, state!.id).toBe(InteractionResponseType.DeferredChannelMessageWithSource);
    expect(autocomplete!.callbacks[0]!.type).toBe(InteractionResponseType.ApplicationCommandAutocompleteResult);
    expect((autocomplete!.callbacks[0]!.body as { data?: { choices?: unknown[] } }).data?.choices).toEqual([]);
    const edited = (state: FakeInteraction | undefined) => JSON.stringify(state?.webhookCalls.find((c) => c.kind === 'edit')?.body);
    expect(edited(when)).toContain('Monday');
    expect(edited(where)).toContain('Gyeongju');
    expect(edited(who)).toContain('Kang Yu-jung');
  });

  it('a burst whose answers each hold the event loop: at most one answered directly, the others deferred at once; all answered once', async () => {
    const payloads = burst(
      Array.from({ length: 10 }, () => (user: ReturnType<typeof makeUser>) => h.fake.commandInteraction({ name: 'slow', user })),
    );
    const sent = await h.fake.sendInteractions(payloads);
    const states = await h.fake.waitForAllAnswered(
      sent.map((s) => s.id),
      { timeoutMs: 30_000 },
    );
    expectAnsweredOnce(states);
    const direct = states.filter((s) => s.acknowledgedWith === InteractionResponseType.ChannelMessageWithSource);
    expect(direct.length).toBeLessThanOrEqual(1);
    expect(
      states.filter((s) => s.acknowledgedWith === InteractionResponseType.DeferredChannelMessageWithSource).length,
    ).toBeGreaterThanOrEqual(9);
    for (const state of states) expect(state.original?.content, state.id).toBe('slow answer after a while');
  });
});
