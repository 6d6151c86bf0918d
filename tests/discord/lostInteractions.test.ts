// Each interaction Discord no longer knows is logged once. In an overload, when hundreds are lost
// in the same second, a line each would add to the overload: the first few of each second get a
// line each, the others are listed together in one line.

import { describe, expect, it } from 'vitest';
import { SnowflakeUtil } from 'discord.js';
import { LostInteractions } from '../../src/discord/lostInteractions.js';
import { memoryLogger } from '../support/botHarness.js';

function target(n: number, at: number) {
  const interactionId = SnowflakeUtil.generate({ timestamp: at - 3_200, increment: BigInt(n) }).toString();
  return { route: `POST /interactions/${interactionId}/:token/callback`, token: `token-${n}`, interactionId };
}

describe('LostInteractions', () => {
  it('logs each lost interaction once: a few a second one by one, the rest of the second in one line', () => {
    let now = 1_800_000_000_000;
    const { logger, logs } = memoryLogger();
    const lost = new LostInteractions(logger, () => now);
    const targets = Array.from({ length: 40 }, (_, n) => target(n, now));
    for (const t of targets.slice(0, 30)) lost.markLost(t);
    lost.markLost(targets[0]!);
    expect(targets.every((t, n) => lost.isLost(t.token) === n < 30)).toBe(true);
    now += 1_000;
    for (const t of targets.slice(30)) lost.markLost(t);
    lost.flush();

    const ones = logs.filter((l) => typeof l.msg === 'string' && l.msg.startsWith('interaction lost'));
    const lists = logs.filter((l) => typeof l.msg === 'string' && l.msg.startsWith('interactions lost'));
    expect(ones).toHaveLength(10);
    expect(lists.map((l) => l.count)).toEqual([25, 5]);
    expect(lists[0]!.oldestMs).toBeGreaterThanOrEqual(3_200);
    // Every lost interaction named exactly once.
    const named = [...ones.map((l) => l.interactionId), ...lists.flatMap((l) => l.interactionIds as string[])];
    expect(named.sort()).toEqual(targets.map((t) => t.interactionId).sort());
    expect(logs.every((l) => l.level === 40)).toBe(true);
  });
});
