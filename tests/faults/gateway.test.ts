// Discord's gateway misbehaving: it closes the connection (with a code that allows resuming, and
// with one that does not), asks the bot to reconnect, invalidates the session, or stops
// acknowledging heartbeats. Each time the bot resumes (and gets what was sent meanwhile) or
// identifies again, and answers the interactions that follow, each exactly once.

import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { GatewayCloseCodes } from 'discord-api-types/v10';
import { describeRequests, refusedResponses } from '../support/interactionChecks.js';
import { startBotHarness, type BotHarness } from '../support/botHarness.js';
import { shownText } from '../support/shownText.js';

const RECOVERY_TIMEOUT_MS = 15_000;

describe('gateway faults', () => {
  let h: BotHarness;

  /** Asks a question and checks the answer: the bot is serving. */
  async function expectAnswering(): Promise<void> {
    const reply = await h.command({ name: 'where', options: { query: 'APEC Summit' } }, { timeoutMs: RECOVERY_TIMEOUT_MS });
    expect(shownText(reply.message)).toContain('Gyeongju');
  }

  beforeAll(async () => {
    // Heartbeats every 250 ms, so that a connection whose heartbeats go unanswered is noticed quickly.
    h = await startBotHarness({ fake: { heartbeatIntervalMs: 250 } });
  });

  afterEach(() => {
    expect(h.fake.unexpectedRequests()).toEqual([]);
    // No interaction acknowledged twice (40060) or too late (10062).
    expect(describeRequests(refusedResponses(h.fake))).toEqual([]);
    expect(h.logs.filter((line) => line.level >= 50)).toEqual([]);
  });

  afterAll(async () => {
    await h?.close();
  });

  it('resumes after a close with 4000 (unknown error), and answers what was sent while it was away', async () => {
    const resumes = h.fake.gateway.resumes.length;
    h.fake.closeGateway(GatewayCloseCodes.UnknownError);
    const meanwhile = await h.fake.sendInteraction(h.fake.commandInteraction({ name: 'when', options: { query: 'summit with Xi' } }));
    expect(meanwhile.live).toBe(false);
    await h.fake.waitForResume({ count: resumes + 1, timeoutMs: RECOVERY_TIMEOUT_MS });
    const replayed = await h.fake.waitForResponse(meanwhile.id, { timeoutMs: RECOVERY_TIMEOUT_MS });
    expect(replayed.status).toBe(204);
    await expectAnswering();
    expect(h.logs.some((line) => line.msg === 'gateway resumed')).toBe(true);
  });

  it('resumes after op 7 RECONNECT', async () => {
    const resumes = h.fake.gateway.resumes.length;
    await h.fake.requestReconnect();
    await h.fake.waitForResume({ count: resumes + 1, timeoutMs: RECOVERY_TIMEOUT_MS });
    await expectAnswering();
  });

  it('reconnects when its heartbeats go unacknowledged (a zombie connection), then answers', async () => {
    const connections = h.fake.gateway.log.filter((e) => e.kind === 'connect').length;
    h.fake.setHeartbeatAcks(false);
    try {
      await h.fake.waitFor(
        () => (h.fake.gateway.log.filter((e) => e.kind === 'connect').length > connections ? true : undefined),
        'a new gateway connection',
        { timeoutMs: RECOVERY_TIMEOUT_MS },
      );
    } finally {
      h.fake.setHeartbeatAcks(true);
    }
    await h.fake.waitFor(() => (h.fake.gateway.isConnected ? true : undefined), 'a live session again', { timeoutMs: RECOVERY_TIMEOUT_MS });
    await expectAnswering();
  });

  it('identifies again after a close with 4009 (session timed out: the session cannot be resumed)', async () => {
    const identifies = h.fake.gateway.identifies.length;
    h.fake.closeGateway(GatewayCloseCodes.SessionTimedOut);
    await h.fake.waitForIdentify({ count: identifies + 1, timeoutMs: RECOVERY_TIMEOUT_MS });
    await expectAnswering();
  });

  it('identifies again after op 9 INVALID_SESSION (not resumable)', async () => {
    const identifies = h.fake.gateway.identifies.length;
    await h.fake.gateway.invalidateSession(false);
    await h.fake.waitForIdentify({ count: identifies + 1, timeoutMs: RECOVERY_TIMEOUT_MS });
    await expectAnswering();
  });

  it('answers exactly once an interaction sent just before the connection drops (TCP reset, no close frame)', async () => {
    const sent = await h.fake.sendInteraction(h.fake.commandInteraction({ name: 'who', options: { query: 'spokesperson' } }));
    h.fake.gateway.dropConnection();
    const reply = await h.fake.waitForResponse(sent.id, { timeoutMs: RECOVERY_TIMEOUT_MS });
    expect(reply.status).toBe(204);
    await h.fake.waitFor(() => (h.fake.gateway.isConnected ? true : undefined), 'a live session again', { timeoutMs: RECOVERY_TIMEOUT_MS });
    await expectAnswering();
    expect(h.fake.interaction(sent.id)?.callbacks).toHaveLength(1);
  });
});
