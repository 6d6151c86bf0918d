// Discord answers 10062 Unknown interaction to a callback that comes after the interaction's 3 s.
// After that nothing sent for the interaction can succeed, so the bot sends nothing more for it:
// no error report, no follow-up, no edit, no autocomplete retried with no choices. Each of those
// used to follow, and under overload each one added to the load that lost the interaction. The
// loss is logged once, as a warning naming the interaction, not as an error.

import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { SnowflakeUtil } from 'discord.js';
import { InteractionResponseType } from 'discord-api-types/v10';
import { MORE_PREFIX } from '../../src/discord/answerButtons.js';
import { expectSafeTraffic, startBotHarness, type BotHarness } from '../support/botHarness.js';
import type { SentInteraction } from '../support/fakeDiscord.js';
import { requestsAfterUnknownInteraction } from '../support/interactionChecks.js';
import { shownText } from '../support/shownText.js';

describe('an interaction Discord no longer knows (10062 Unknown interaction)', () => {
  let h: BotHarness;

  beforeAll(async () => {
    h = await startBotHarness();
  });

  afterEach(() => {
    expectSafeTraffic(h.fake);
    expect(requestsAfterUnknownInteraction(h.fake)).toEqual([]);
  });

  afterAll(async () => {
    await h?.close();
  });

  /** Every request the bot made for an interaction: its callbacks, and the edits and follow-ups made with its token. */
  const requestsFor = (sent: SentInteraction) =>
    h.fake.requests.filter((r) => r.path.startsWith(`/interactions/${sent.id}/`) || r.path.split('/').includes(sent.token));

  /** Resolves once the bot logged `msg` for the interaction. */
  const logged = (sent: SentInteraction, msg: string) =>
    vi.waitFor(
      () => {
        const line = h.logs.find((l) => l.interactionId === sent.id && l.msg === msg);
        if (line === undefined) throw new Error(`no "${msg}" line for interaction ${sent.id} yet`);
        return line;
      },
      { timeout: 10_000, interval: 20 },
    );

  /** Sends an interaction Discord has already forgotten (its 3 s are over), `ageMs` old on arrival. */
  async function sendExpired(payload: ReturnType<typeof h.fake.commandInteraction>, ageMs = 0): Promise<SentInteraction> {
    const old = ageMs === 0 ? payload : { ...payload, id: SnowflakeUtil.generate({ timestamp: Date.now() - ageMs }).toString() };
    h.fake.expireInteraction(old.id);
    return h.fake.sendInteraction(old);
  }

  /** The loss was logged once, as a warning naming the interaction and its route (never its token), and nothing about it as an error. */
  function expectLoggedOnce(sent: SentInteraction): void {
    const lines = h.logs.filter((l) => l.interactionId === sent.id);
    const lost = lines.filter((l) => typeof l.msg === 'string' && l.msg.startsWith('interaction lost'));
    expect(lost).toHaveLength(1);
    expect(lost[0]!.level).toBe(40);
    expect(lost[0]!.route).toBe(`POST /interactions/${sent.id}/:token/callback`);
    expect(JSON.stringify(lines)).not.toContain(sent.token);
    expect(lines.filter((l) => l.level >= 50)).toEqual([]);
  }

  it('a question whose reply is too late: that one request, no error report; the next question is answered', async () => {
    const sent = await sendExpired(h.fake.commandInteraction({ name: 'when', options: { query: 'summit with Xi' } }));
    await logged(sent, 'command dropped: the interaction is lost');
    const next = await h.command({ name: 'where', options: { query: 'APEC Summit' } });
    expect(shownText(next.message)).toContain('Gyeongju');
    const requests = requestsFor(sent);
    expect(requests.map((r) => `${r.method} ${r.status}`)).toEqual(['POST 404']);
    expect((requests[0]!.body as { type: number }).type).toBe(InteractionResponseType.ChannelMessageWithSource);
    expectLoggedOnce(sent);
  });

  it('a question that arrives late, deferred at once, whose deferral is too late: its answer is neither computed nor sent', async () => {
    const sent = await sendExpired(h.fake.commandInteraction({ name: 'who', options: { query: 'spokesperson' } }), 2_000);
    await logged(sent, 'command handled');
    await h.command({ name: 'where', options: { query: 'APEC Summit' } });
    const requests = requestsFor(sent);
    expect(requests.map((r) => `${r.method} ${r.status}`)).toEqual(['POST 404']);
    expect((requests[0]!.body as { type: number }).type).toBe(InteractionResponseType.DeferredChannelMessageWithSource);
    expect(h.logs.filter((l) => l.interactionId === sent.id && l.msg === 'question answered')).toEqual([]);
    expectLoggedOnce(sent);
  });

  it('autocomplete too late: not answered again with no choices', async () => {
    const payload = h.fake.autocompleteInteraction({ name: 'who', focused: { name: 'query', value: 'Lee' } });
    h.fake.expireInteraction(payload.id);
    const sent = await h.fake.sendInteraction(payload);
    await logged(sent, 'autocomplete dropped: the interaction is lost');
    expect(await h.autocomplete({ name: 'who', focused: { name: 'query', value: 'Lee' } })).not.toEqual([]);
    expect(requestsFor(sent).map((r) => `${r.method} ${r.status}`)).toEqual(['POST 404']);
    expectLoggedOnce(sent);
  });

  it('a button press too late: no error report', async () => {
    const payload = h.fake.buttonInteraction({ customId: `${MORE_PREFIX}:not-an-answer` });
    h.fake.expireInteraction(payload.id);
    const sent = await h.fake.sendInteraction(payload);
    await logged(sent, 'button press dropped: the interaction is lost');
    await h.command({ name: 'where', options: { query: 'APEC Summit' } });
    expect(requestsFor(sent).map((r) => `${r.method} ${r.status}`)).toEqual(['POST 404']);
    expectLoggedOnce(sent);
  });
});
