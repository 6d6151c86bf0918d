// Every REST request of the bot goes through a guard: once Discord has answered 10062 Unknown
// interaction for an interaction, no further request for it leaves (the caller gets the same 10062
// at once), and the loss is logged once; a request abandoned at the REST timeout is logged and fails
// with a message naming its route and interaction (never its token), instead of discord.js's bare
// "This operation was aborted".

import { describe, expect, it } from 'vitest';
import { DiscordAPIError, REST, Routes, SnowflakeUtil, type RESTOptions } from 'discord.js';
import { LostInteractions } from '../../src/discord/lostInteractions.js';
import { restOptionsFor } from '../../src/discord/client.js';
import { restTarget } from '../../src/discord/restTarget.js';
import { memoryLogger } from '../support/botHarness.js';

type MakeRequest = RESTOptions['makeRequest'];

const API = 'http://discord.invalid/api';
const APP_ID = '1300000000000000001';
const TOKEN = `aW50ZXJhY3Rpb246${'x'.repeat(120)}`;

function json(status: number, body: unknown): Response {
  return new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });
}

/** A REST client over `answer` (instead of the network), with the bot's guard; and what reached `answer`. */
function guardedRest(answer: (url: string, init: RequestInit) => Promise<Response>, rest: Partial<RESTOptions> = {}) {
  const { logger, logs } = memoryLogger();
  const lost = new LostInteractions(logger);
  const sent: string[] = [];
  const makeRequest = ((url: string, init: RequestInit) => {
    sent.push(`${init.method} ${restTarget(init.method ?? 'GET', url).route}`);
    return answer(url, init);
  }) as unknown as MakeRequest;
  const client = new REST(restOptionsFor({ apiUrl: API }, { makeRequest, ...rest }, { logger, lost })).setToken('bot-token-for-tests');
  return { client, lost, logs, sent };
}

describe('the REST guard', () => {
  it('reads the route of a request without its token', () => {
    expect(restTarget('post', `${API}/v10/interactions/123/${TOKEN}/callback?with_response=false`)).toEqual({
      route: 'POST /interactions/123/:token/callback',
      token: TOKEN,
      interactionId: '123',
    });
    expect(restTarget('PATCH', `${API}/v10/webhooks/${APP_ID}/${TOKEN}/messages/%40original`)).toEqual({
      route: `PATCH /webhooks/${APP_ID}/:token/messages/@original`,
      token: TOKEN,
      interactionId: null,
    });
    expect(restTarget('GET', `${API}/v10/gateway/bot`)).toEqual({ route: 'GET /gateway/bot', token: null, interactionId: null });
  });

  it('after a 10062 for an interaction, sends nothing more for it: the caller gets 10062 at once; logged once', async () => {
    const id = SnowflakeUtil.generate({ timestamp: Date.now() - 4_000 }).toString();
    const { client, lost, logs, sent } = guardedRest((url) =>
      Promise.resolve(url.includes('/callback') ? json(404, { code: 10062, message: 'Unknown interaction' }) : json(200, {})),
    );
    const reply = client.post(Routes.interactionCallback(id, TOKEN), { body: { type: 4, data: { content: 'hi' } }, auth: false });
    await expect(reply).rejects.toMatchObject({ code: 10062, status: 404 });
    expect(lost.isLost(TOKEN)).toBe(true);

    // An error report, a follow-up, an edit: none leaves.
    const again = client.post(Routes.interactionCallback(id, TOKEN), { body: { type: 4, data: { content: 'error' } }, auth: false });
    await expect(again).rejects.toBeInstanceOf(DiscordAPIError);
    await expect(again).rejects.toMatchObject({ code: 10062 });
    await expect(client.post(Routes.webhook(APP_ID, TOKEN), { body: { content: 'later' }, auth: false })).rejects.toMatchObject({
      code: 10062,
    });
    await expect(client.patch(Routes.webhookMessage(APP_ID, TOKEN), { body: { content: 'edit' }, auth: false })).rejects.toMatchObject({
      code: 10062,
    });
    expect(sent).toEqual([`POST POST /interactions/${id}/:token/callback`]);

    const lines = logs.filter((l) => typeof l.msg === 'string' && l.msg.startsWith('interaction lost'));
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatchObject({ level: 40, interactionId: id, route: `POST /interactions/${id}/:token/callback` });
    expect(lines[0]!.ageMs).toBeGreaterThanOrEqual(4_000);
    expect(JSON.stringify(logs)).not.toContain(TOKEN);
  });

  it('another interaction, and a 404 that is not 10062, are not held back', async () => {
    const other = `${TOKEN.slice(0, -1)}y`;
    let calls = 0;
    const { client, lost, sent } = guardedRest(() =>
      Promise.resolve(
        ++calls === 1 ? json(404, { code: 10062, message: 'Unknown interaction' }) : json(404, { code: 10008, message: 'Unknown Message' }),
      ),
    );
    await expect(client.post(Routes.interactionCallback('1', TOKEN), { body: {}, auth: false })).rejects.toMatchObject({ code: 10062 });
    await expect(client.patch(Routes.webhookMessage(APP_ID, other), { body: {}, auth: false })).rejects.toMatchObject({
      code: 10008,
      message: 'Unknown Message',
    });
    await expect(client.patch(Routes.webhookMessage(APP_ID, other), { body: {}, auth: false })).rejects.toMatchObject({ code: 10008 });
    expect(lost.isLost(other)).toBe(false);
    expect(sent).toHaveLength(3);
  });

  const hang = (_url: string, init: RequestInit) =>
    new Promise<Response>((_resolve, reject) => {
      init.signal?.addEventListener('abort', () => reject(Object.assign(new Error('This operation was aborted'), { name: 'AbortError' })));
    });

  it('a request that is never answered: each attempt logged, and the failure names the route and the interaction', async () => {
    const id = SnowflakeUtil.generate().toString();
    const { client, lost, logs, sent } = guardedRest(hang, { timeout: 30, retries: 1 });
    const reply = client.post(Routes.interactionCallback(id, TOKEN), { body: { type: 5 }, auth: false });
    await expect(reply).rejects.toThrow(
      `Discord's API did not answer POST /interactions/${id}/:token/callback within 30 ms (interaction ${id})`,
    );
    expect(sent).toHaveLength(2);
    const abandoned = logs.filter((l) => typeof l.msg === 'string' && l.msg.includes('did not answer'));
    expect(abandoned).toHaveLength(2);
    expect(abandoned[0]).toMatchObject({ level: 40, route: `POST /interactions/${id}/:token/callback`, interactionId: id, timeoutMs: 30 });
    expect(lost.isLost(TOKEN)).toBe(false);
    expect(JSON.stringify(logs)).not.toContain(TOKEN);
    await expect(client.get(Routes.gatewayBot())).rejects.toThrow("Discord's API did not answer GET /gateway/bot within 30 ms");
  });

  it("an acknowledgement unanswered past the interaction's 3 s: not sent again, and nothing more is sent for the interaction", async () => {
    const id = SnowflakeUtil.generate({ timestamp: Date.now() - 3_500 }).toString();
    const { client, lost, logs, sent } = guardedRest(hang, { timeout: 30, retries: 2 });
    await expect(client.post(Routes.interactionCallback(id, TOKEN), { body: { type: 5 }, auth: false })).rejects.toThrow(
      `did not answer POST /interactions/${id}/:token/callback`,
    );
    expect(sent).toHaveLength(1);
    expect(lost.isLost(TOKEN)).toBe(true);
    await expect(client.post(Routes.webhook(APP_ID, TOKEN), { body: { content: 'error' }, auth: false })).rejects.toMatchObject({
      code: 10062,
    });
    expect(sent).toHaveLength(1);
    expect(
      logs.filter((l) => typeof l.msg === 'string' && l.msg.startsWith('interaction lost: its acknowledgement got no answer in time')),
    ).toHaveLength(1);
  });
});
