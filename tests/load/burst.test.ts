// A burst of interactions, all created at once and sent through the gateway as fast as the fake
// Discord can write them, to the bot running as its own process: every one answered exactly once,
// each acknowledged inside Discord's 3 seconds. Prints p50/p99 first-response time and peak memory.
// `npm test` sends 200; `npm run test:load` sends 2,000 (LOAD_COUNT). LOAD_BUSY=2 runs two
// CPU-bound processes beside the bot meanwhile (a busy machine).

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { InteractionResponseType } from 'discord-api-types/v10';
import {
  burstItems,
  busyLoopsFromEnv,
  errorLines,
  formatBurstReport,
  runBurst,
  sampleBotMemory,
  startLoadRig,
  type LoadRig,
} from '../support/loadBurst.js';

const COUNT = Number(process.env.LOAD_COUNT ?? 200);
const BUSY_LOOPS = busyLoopsFromEnv();

describe(`a burst of ${COUNT} interactions`, () => {
  let rig: LoadRig;

  beforeAll(async () => {
    rig = await startLoadRig({ busyLoops: BUSY_LOOPS });
  }, 60_000);

  afterAll(async () => {
    await rig?.close();
  }, 30_000);

  it('answers every one exactly once, each first response inside 3 s', async () => {
    expect(await rig.ask('when', { query: 'summit with Xi' })).toContain('Monday');
    const items = burstItems(rig.fake, COUNT);
    const memory = sampleBotMemory(rig.bot);
    const report = await runBurst(rig.fake, items, { timeoutMs: 60_000 + COUNT * 20 });
    console.info(formatBurstReport('burst', report, memory.stop(), rig.busyLoops));

    expect(report.problems).toEqual([]);
    expect(report.outcomes).toHaveLength(COUNT);
    for (const outcome of report.outcomes) {
      if (outcome.item.kind === 'autocomplete') {
        expect(outcome.type, outcome.item.label).toBe(InteractionResponseType.ApplicationCommandAutocompleteResult);
      } else {
        expect(outcome.content, outcome.item.label).not.toBe('');
      }
    }
    expect(errorLines(rig.bot.logs())).toEqual([]);
  }, 180_000);
});
