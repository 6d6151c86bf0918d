// Discord's REST API misbehaving while the bot replies: 429 with Retry-After, 500, a request that
// hangs, each once and for good. A reply is retried (and arrives inside the 3 s, exactly once) or,
// when it cannot get through, the failure is logged with the interaction's id and the error id; a
// failed reply never stops the bot, which answers the next question as usual.

import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { InteractionResponseType } from 'discord-api-types/v10';
import { startBotHarness, type BotHarness } from '../support/botHarness.js';
import { holdableBuild } from '../support/holdableBuild.js';
import { describeRequests, refusedResponses } from '../support/interactionChecks.js';
import { shownText } from '../support/shownText.js';

const CALLBACK = { method: 'POST', path: '/interactions/:interactionId/:token/callback' } as const;
const EDIT = { method: 'PATCH', path: '/webhooks/:applicationId/:token/messages/:messageId' } as const;
/** The bot's REST client here: a request that takes longer is abandoned and retried twice. */
const REST_TIMEOUT_MS = 400;
const REST_RETRIES = 2;

describe('REST faults', () => {
  let h: BotHarness;
  const loader = holdableBuild();

  /** The requests made for one interaction's callback, in order. */
  const callbacksOf = (interactionId: string) =>
    h.fake.requests.filter(
      (r) => r.route === `${CALLBACK.method} ${CALLBACK.path}` && r.path.startsWith(`/interactions/${interactionId}/`),
    );

  async function expectAnswering(): Promise<void> {
    const reply = await h.command({ name: 'where', options: { query: 'APEC Summit' } });
    expect(shownText(reply.message)).toContain('Gyeongju');
  }

  beforeAll(async () => {
    h = await startBotHarness({ build: loader.build, rest: { timeout: REST_TIMEOUT_MS, retries: REST_RETRIES } });
  });

  afterEach(() => {
    loader.release();
    expect(h.fake.unexpectedRequests()).toEqual([]);
    expect(describeRequests(refusedResponses(h.fake))).toEqual([]);
    expect(h.bot.client.isReady()).toBe(true);
  });

  afterAll(async () => {
    await h?.close();
  });

  it('429 with Retry-After on a reply: waits as told, retries, and the answer arrives once, inside 3 s', async () => {
    h.fake.failNextRequests(CALLBACK, { kind: 'rate-limit', retryAfterSeconds: 0.5 });
    const reply = await h.command({ name: 'when', options: { query: 'summit with Xi' } });
    expect(shownText(reply.message)).toContain('Monday');
    const attempts = callbacksOf(reply.sent.id);
    expect(attempts.map((r) => r.status)).toEqual([429, 204]);
    expect(attempts[1]!.at - attempts[0]!.at).toBeGreaterThanOrEqual(500);
    expect(reply.first.elapsedMs).toBeLessThan(3_000);
  });

  it('a global 429 on a reply: the same', async () => {
    h.fake.failNextRequests(CALLBACK, { kind: 'rate-limit', retryAfterSeconds: 0.3, global: true });
    const reply = await h.command({ name: 'who', options: { query: 'spokesperson' } });
    expect(callbacksOf(reply.sent.id).map((r) => r.status)).toEqual([429, 204]);
    expect(reply.first.elapsedMs).toBeLessThan(3_000);
  });

  it('500 on a reply: retried, answered once', async () => {
    h.fake.failNextRequests(CALLBACK, { kind: 'server-error' });
    const reply = await h.command({ name: 'when', options: { query: 'summit with Xi' } });
    expect(callbacksOf(reply.sent.id).map((r) => r.status)).toEqual([500, 204]);
    expect(shownText(reply.message)).toContain('Monday');
  });

  it('a reply whose request hangs: abandoned after the REST timeout, sent again, answered once', async () => {
    h.fake.failNextRequests(CALLBACK, { kind: 'hang' });
    const reply = await h.command({ name: 'when', options: { query: 'summit with Xi' } });
    expect(callbacksOf(reply.sent.id).map((r) => r.status)).toEqual([null, 204]);
    expect(reply.first.elapsedMs).toBeGreaterThanOrEqual(REST_TIMEOUT_MS);
    expect(reply.first.elapsedMs).toBeLessThan(3_000);
  });

  it('autocomplete answered through a 500', async () => {
    h.fake.failNextRequests(CALLBACK, { kind: 'server-error' });
    const choices = await h.autocomplete({ name: 'who', focused: { name: 'query', value: 'Lee' } });
    expect(choices.length).toBeGreaterThan(0);
  });

  it('the edit of a deferred answer fails with 500 then goes through', async () => {
    loader.hold();
    const reload = h.store.reload({ id: '1', name: 'test', guildId: null });
    h.fake.failNextRequests(EDIT, { kind: 'server-error' });
    const pending = h.command({ name: 'when', options: { query: 'summit with Xi' } }, { timeoutMs: 10_000 });
    await h.fake.waitFor(() => h.fake.requestsTo(CALLBACK).at(-1)?.status === 204 || undefined, 'the deferral');
    loader.release();
    await reload;
    const reply = await pending;
    expect(reply.first.type).toBe(InteractionResponseType.DeferredChannelMessageWithSource);
    expect(shownText(reply.message)).toContain('Monday');
    const edits = h.fake.requestsTo(EDIT).filter((r) => r.path.includes(reply.sent.token));
    expect(edits.map((r) => r.status)).toEqual([500, 200]);
  });

  /** The interaction's line `msg` in the bot's log, once it is there. */
  const logged = (interactionId: string, msg: string) =>
    vi.waitFor(
      () => {
        const line = h.logs.find((l) => l.msg === msg && l.interactionId === interactionId);
        if (line === undefined) throw new Error(`no "${msg}" line for interaction ${interactionId} yet`);
        return line;
      },
      { timeout: 10_000, interval: 20 },
    );

  it('a reply that never gets through (500 every time): logged with the interaction id, and the bot answers the next question', async () => {
    const payload = h.fake.commandInteraction({ name: 'when', options: { query: 'summit with Xi' } });
    // Every attempt at this interaction's callbacks fails: the answer, then the error report.
    h.fake.failNextRequests(
      { method: 'POST', path: `/interactions/${payload.id}/${payload.token}/callback` },
      { kind: 'server-error' },
      100,
    );
    await h.fake.sendInteraction(payload);
    const failed = await logged(payload.id, 'command failed');
    expect(failed.errorId).toMatch(/^[0-9a-f]{8}$/);
    const reported = await logged(payload.id, 'could not tell the user about the error');
    expect(reported.errorId).toBe(failed.errorId);
    expect(callbacksOf(payload.id)).toHaveLength(2 * (REST_RETRIES + 1));
    await expectAnswering();
  });

  it('a reply that never gets through (hangs every time): the failure names the request and the interaction, each abandoned attempt is logged, and the bot answers the next question', async () => {
    const payload = h.fake.commandInteraction({ name: 'when', options: { query: 'summit with Xi' } });
    h.fake.failNextRequests({ method: 'POST', path: `/interactions/${payload.id}/${payload.token}/callback` }, { kind: 'hang' }, 100);
    await h.fake.sendInteraction(payload);
    const failed = await logged(payload.id, 'command failed');
    expect(failed.errorId).toMatch(/^[0-9a-f]{8}$/);
    expect(JSON.stringify(failed.err)).toContain(
      `Discord's API did not answer POST /interactions/${payload.id}/:token/callback within ${REST_TIMEOUT_MS} ms`,
    );
    // The error report's attempts are over once the bot says the user could not be told.
    await vi.waitFor(
      () => {
        const told = h.logs.find(
          (l) =>
            l.errorId === failed.errorId &&
            typeof l.msg === 'string' &&
            /user (could not|cannot) be told|could not tell the user/.test(l.msg),
        );
        if (told === undefined) throw new Error('the error report is not over yet');
      },
      { timeout: 10_000, interval: 20 },
    );
    const attempts = callbacksOf(payload.id);
    // Sent again after each time-out while the interaction's 3 s last; the error report likewise, unless they are over.
    expect(attempts.length).toBeGreaterThanOrEqual(1);
    expect(attempts.length).toBeLessThanOrEqual(2 * (REST_RETRIES + 1));
    const abandoned = h.logs.filter(
      (l) => l.interactionId === payload.id && typeof l.msg === 'string' && l.msg.startsWith("Discord's API did not answer"),
    );
    expect(abandoned).toHaveLength(attempts.length);
    await expectAnswering();
  });
});
