// /timeline end to end when the picture cannot be drawn: the image library, a native module, cannot
// be loaded on this machine. The bot starts all the same, the reply is the text alone, as it would
// be without a picture, and a warning is logged.

import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { COMMANDS } from '../../commands/index.js';
import { type BotHarness, expectSafeTraffic, startBotHarness } from '../support/botHarness.js';

vi.mock('@napi-rs/canvas', () => {
  throw new Error('the canvas library could not be loaded');
});

describe('/timeline when the picture cannot be drawn', () => {
  let h: BotHarness;
  beforeAll(async () => {
    h = await startBotHarness({ commands: COMMANDS });
  });
  afterAll(async () => {
    await h?.close();
  });

  it('sends the quotes without a picture and logs a warning', async () => {
    const reply = await h.command({ name: 'timeline', options: { topic: 'summit' } });
    expect(reply.files).toEqual([]);
    expect(reply.message.attachments ?? []).toEqual([]);
    expect(reply.message.embeds?.[0]?.author?.name).toBe('/timeline summit');
    expect(reply.message.embeds?.[0]?.fields?.length).toBeGreaterThan(0);
    const warning = h.logs.find((l) => l.msg === 'timeline picture not drawn; the reply goes without it');
    expect(warning?.level).toBe(40);
    expect(JSON.stringify(warning?.err)).toContain('the canvas library could not be loaded');
    await vi.waitFor(() => expect(h.logs.some((l) => l.msg === 'timeline answered')).toBe(true));
    expectSafeTraffic(h.fake);
  });
});
