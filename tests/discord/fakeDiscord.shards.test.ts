// The fake Discord serving a bot split in two shards, against two real discord.js clients (one per
// shard, as the shards of a ShardingManager are): the recommended count, an IDENTIFY per shard, each
// READY with its own guilds, and interactions delivered to the shard of their guild only.

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Client, Events, GatewayIntentBits, REST, Routes, type RESTGetAPIGatewayBotResult } from 'discord.js';
import { guildIdInShard, shardOfGuild, startFakeDiscord, type FakeDiscord } from '../support/fakeDiscord.js';

const SHARDS = 2;

describe('fake Discord with two shards', () => {
  let fake: FakeDiscord;
  const clients: Client[] = [];
  const received: Array<{ shard: number; guildId: string | null }> = [];
  const otherGuildId = guildIdInShard(1, SHARDS);

  beforeAll(async () => {
    fake = await startFakeDiscord({ shards: SHARDS, otherGuildIds: [otherGuildId] });
    for (let shard = 0; shard < SHARDS; shard++) {
      const client = new Client({ intents: [GatewayIntentBits.Guilds], rest: { api: fake.apiUrl }, shards: [shard], shardCount: SHARDS });
      client.on(Events.InteractionCreate, (interaction) => {
        received.push({ shard, guildId: interaction.guildId });
        if (interaction.isChatInputCommand()) void interaction.reply({ content: `shard ${shard}`, allowedMentions: { parse: [] } });
      });
      const ready = new Promise<void>((resolve) => client.once(Events.ClientReady, () => resolve()));
      await client.login(fake.token);
      await ready;
      clients.push(client);
    }
  }, 60_000);

  afterAll(async () => {
    for (const client of clients) await client.destroy();
    await fake?.close();
  });

  it('recommends the configured shard count', async () => {
    const answer = (await new REST({ api: fake.apiUrl }).setToken(fake.token).get(Routes.gatewayBot())) as RESTGetAPIGatewayBotResult;
    expect(answer.shards).toBe(SHARDS);
  });

  it('takes one IDENTIFY per shard and tells each shard of its own guilds only', () => {
    expect(shardOfGuild(fake.guildId, SHARDS)).toBe(0);
    expect(shardOfGuild(otherGuildId, SHARDS)).toBe(1);
    expect(fake.gateway.identifies.map((identify) => identify.shard).sort()).toEqual([
      [0, SHARDS],
      [1, SHARDS],
    ]);
    expect(fake.gateway.connectedShards().sort()).toEqual([0, 1]);
    expect([...(clients[0]?.guilds.cache.keys() ?? [])]).toEqual([fake.guildId]);
    expect([...(clients[1]?.guilds.cache.keys() ?? [])]).toEqual([otherGuildId]);
  });

  it('sends an interaction to the shard of its guild', async () => {
    received.length = 0;
    const inShard0 = await fake.sendInteraction(fake.commandInteraction({ name: 'ping' }));
    const inShard1 = await fake.sendInteraction(fake.commandInteraction({ name: 'ping', guildId: otherGuildId }));
    const replies = await Promise.all([inShard0, inShard1].map((sent) => fake.waitForResponse(sent.id, { timeoutMs: 10_000 })));
    expect(replies.map((reply) => (reply.body as { data?: { content?: string } }).data?.content)).toEqual(['shard 0', 'shard 1']);
    expect(received.sort((a, b) => a.shard - b.shard)).toEqual([
      { shard: 0, guildId: fake.guildId },
      { shard: 1, guildId: otherGuildId },
    ]);
  });
});
