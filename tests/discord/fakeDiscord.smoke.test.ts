// Proves the fake Discord (tests/support/fakeDiscord.ts) against the real discord.js Client:
// login over the fake gateway, slash-command replies, autocomplete, defer + edit, button updates,
// command registration over REST, REST faults and a gateway resume.

import zlib from 'node:zlib';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { WebSocket } from 'ws';
import { AttachmentBuilder, Client, DiscordAPIError, Events, GatewayIntentBits, REST, Routes } from 'discord.js';
import type { Interaction } from 'discord.js';
import { ApplicationCommandOptionType, GatewayOpcodes, InteractionResponseType, MessageFlags } from 'discord-api-types/v10';
import { ATTACHMENT_SIZE_LIMIT_BYTES, DiscordErrorCode, FAKE_USER_ID, startFakeDiscord } from '../support/fakeDiscord.js';
import type { FakeDiscord } from '../support/fakeDiscord.js';

const FRUITS = ['apple', 'apricot', 'banana', 'cherry'];

/** A tiny bot: enough behaviour to exercise every response route. */
async function handleInteraction(interaction: Interaction): Promise<void> {
  if (interaction.isAutocomplete()) {
    const typed = interaction.options.getFocused();
    await interaction.respond(FRUITS.filter((f) => f.startsWith(typed)).map((f) => ({ name: f, value: f })));
    return;
  }
  if (interaction.isButton()) {
    await interaction.update({ content: `pressed ${interaction.customId}`, components: [] });
    return;
  }
  if (!interaction.isChatInputCommand()) return;
  switch (interaction.commandName) {
    case 'ping':
      await interaction.reply({ content: 'pong', allowedMentions: { parse: [] } });
      return;
    case 'slow': {
      await interaction.deferReply();
      const text = interaction.options.getString('text', true);
      const times = interaction.options.getInteger('times') ?? 1;
      await interaction.editReply({ content: `${text} x${times}`, allowedMentions: { parse: [] } });
      return;
    }
    case 'picture': {
      const bytes = interaction.options.getInteger('bytes', true);
      await interaction.deferReply();
      const file = new AttachmentBuilder(Buffer.alloc(bytes, 1), { name: 'picture.png', description: 'what the picture shows' });
      await interaction.editReply({ content: 'a picture', files: [file], allowedMentions: { parse: [] } });
      return;
    }
    case 'upload': {
      const file = interaction.options.getAttachment('file', true);
      const body = await (await fetch(file.url)).text();
      await interaction.reply({ content: `${file.name}: ${body}`, flags: MessageFlags.Ephemeral });
      await interaction.followUp({ content: 'and a follow-up' });
      return;
    }
  }
}

function newClient(fake: FakeDiscord): Client {
  return new Client({ intents: [GatewayIntentBits.Guilds], rest: { api: fake.apiUrl } });
}

async function loginAndWaitReady(client: Client, fake: FakeDiscord): Promise<void> {
  const ready = new Promise<void>((resolve) => client.once(Events.ClientReady, () => resolve()));
  await client.login(fake.token);
  await ready;
}

describe('fake Discord with a real discord.js Client', () => {
  let fake: FakeDiscord;
  let client: Client;
  const handlerErrors: unknown[] = [];

  beforeAll(async () => {
    fake = await startFakeDiscord();
    client = newClient(fake);
    client.on(Events.InteractionCreate, (interaction) => {
      handleInteraction(interaction).catch((error: unknown) => handlerErrors.push(error));
    });
    await loginAndWaitReady(client, fake);
  });

  afterEach(() => {
    const errors = handlerErrors.splice(0);
    expect(errors).toEqual([]);
    expect(fake.unexpectedRequests()).toEqual([]);
  });

  afterAll(async () => {
    await client?.destroy();
    await fake?.close();
  });

  it('logs in: READY + GUILD_CREATE give the bot user, application and a cached guild', () => {
    expect(client.user?.id).toBe(fake.botUserId);
    expect(client.application?.id).toBe(fake.applicationId);
    const guild = client.guilds.cache.get(fake.guildId);
    expect(guild?.available).toBe(true);
    expect(guild?.channels.cache.get(fake.channelId)?.name).toBe('general');
    expect(guild?.roles.everyone.id).toBe(fake.guildId);
    expect(guild?.members.me?.id).toBe(fake.botUserId);

    expect(fake.requestsTo({ method: 'GET', path: '/gateway/bot' })).toHaveLength(1);
    const [identify] = fake.gateway.identifies;
    expect(identify?.intents).toBe(GatewayIntentBits.Guilds);
    expect(identify?.shard).toEqual([0, 1]);
    const connect = fake.gateway.log.find((e) => e.kind === 'connect');
    // Plain JSON: discord.js only asks for zlib-stream when the optional zlib-sync package is installed.
    expect(connect?.kind === 'connect' && connect.url).toBe('/gateway?v=10&encoding=json');
  });

  it('records a reply (callback type 4) with its allowed_mentions and the time to answer', async () => {
    const sent = await fake.sendInteraction(fake.commandInteraction({ name: 'ping' }));
    const response = await fake.waitForResponse(sent.id);

    expect(response.status).toBe(204);
    expect(response.body).toEqual({
      type: InteractionResponseType.ChannelMessageWithSource,
      data: expect.objectContaining({ content: 'pong', allowed_mentions: { parse: [] } }),
    });
    expect(response.elapsedMs).toBeGreaterThan(0);
    expect(response.elapsedMs).toBeLessThan(3_000);
    expect(fake.interaction(sent.id)?.original?.content).toBe('pong');
    // Interaction callbacks carry no bot token: the interaction token in the URL authorises them.
    expect(fake.requestsTo({ path: '/interactions/:interactionId/:token/callback' })[0]?.authorization).toBeNull();
  });

  it('records autocomplete choices (callback type 8) for the focused option', async () => {
    const sent = await fake.sendInteraction(fake.autocompleteInteraction({ name: 'fruit', focused: { name: 'query', value: 'ap' } }));
    const response = await fake.waitForResponse(sent.id);

    expect(response.body).toEqual({
      type: InteractionResponseType.ApplicationCommandAutocompleteResult,
      data: {
        choices: [
          { name: 'apple', value: 'apple' },
          { name: 'apricot', value: 'apricot' },
        ],
      },
    });
  });

  it('records a deferred reply (type 5) followed by a PATCH of @original', async () => {
    const sent = await fake.sendInteraction(fake.commandInteraction({ name: 'slow', options: { text: 'hello', times: 3 } }));
    const deferred = await fake.waitForResponse(sent.id);
    expect(deferred.body).toEqual({ type: InteractionResponseType.DeferredChannelMessageWithSource, data: { flags: 0 } });

    const edit = await fake.waitForEdit(sent.token);
    expect(edit.status).toBe(200);
    expect(edit.body).toMatchObject({ content: 'hello x3', allowed_mentions: { parse: [] } });
    expect(edit.elapsedMs).toBeGreaterThanOrEqual(deferred.elapsedMs);
    const original = fake.interaction(sent.id)?.original;
    expect(original?.content).toBe('hello x3');
    expect((original?.flags ?? 0) & MessageFlags.Loading).toBe(0);
  });

  it('serves attachment options, records ephemeral replies and follow-ups', async () => {
    const sent = await fake.sendInteraction(
      fake.commandInteraction({
        name: 'upload',
        attachments: { file: { filename: 'notes.txt', content: 'file body', contentType: 'text/plain' } },
      }),
    );
    const response = await fake.waitForResponse(sent.id);
    expect(response.body).toMatchObject({ type: 4, data: { content: 'notes.txt: file body', flags: MessageFlags.Ephemeral } });

    const followUp = await fake.waitForFollowUp(sent.token);
    expect(followUp.status).toBe(200);
    expect(followUp.body).toMatchObject({ content: 'and a follow-up' });
    expect(fake.interaction(sent.token)?.followUps).toHaveLength(1);
  });

  it('records files uploaded with an edit (multipart) as the message’s attachments; refuses one over the size limit with 413', async () => {
    const sent = await fake.sendInteraction(fake.commandInteraction({ name: 'picture', options: { bytes: 64 } }));
    await fake.waitForResponse(sent.id);
    const edit = await fake.waitForEdit(sent.token);
    expect(edit.status).toBe(200);
    expect(edit.files).toMatchObject([{ field: 'files[0]', name: 'picture.png', size: 64 }]);
    expect(edit.body).toMatchObject({ content: 'a picture', attachments: [{ id: '0', description: 'what the picture shows' }] });
    expect(fake.interaction(sent.id)?.original?.attachments).toMatchObject([{ filename: 'picture.png', size: 64 }]);

    // A lower limit than Discord's, not to upload 10 MiB.
    expect(fake.attachmentSizeLimitBytes).toBe(ATTACHMENT_SIZE_LIMIT_BYTES);
    fake.attachmentSizeLimitBytes = 100;
    const tooLarge = await fake.sendInteraction(fake.commandInteraction({ name: 'picture', options: { bytes: 101 } }));
    await fake.waitForResponse(tooLarge.id);
    await vi.waitFor(() => expect(handlerErrors).toHaveLength(1));
    fake.attachmentSizeLimitBytes = ATTACHMENT_SIZE_LIMIT_BYTES;
    const [error] = handlerErrors.splice(0);
    expect(error).toBeInstanceOf(DiscordAPIError);
    expect((error as DiscordAPIError).code).toBe(DiscordErrorCode.RequestEntityTooLarge);
    expect((error as DiscordAPIError).status).toBe(413);
    expect(fake.interaction(tooLarge.id)?.original?.attachments ?? []).toEqual([]);
  });

  it('records a button update (type 7)', async () => {
    const sent = await fake.sendInteraction(fake.buttonInteraction({ customId: 'more' }));
    const response = await fake.waitForResponse(sent.id);
    expect(response.body).toMatchObject({ type: InteractionResponseType.UpdateMessage, data: { content: 'pressed more', components: [] } });
  });

  it('lets a member with other permissions and roles invoke a subcommand', async () => {
    const payload = fake.commandInteraction({
      name: 'ping',
      subcommand: 'now',
      permissions: 8n,
      roles: ['1300000000000000099'],
      options: { weight: { type: ApplicationCommandOptionType.Number, value: 2 } },
    });
    expect(payload.member?.permissions).toBe('8');
    expect(payload.member?.user.id).toBe(FAKE_USER_ID);
    const sent = await fake.sendInteraction(payload);
    expect((await fake.waitForResponse(sent.id)).body).toMatchObject({ type: 4, data: { content: 'pong' } });
  });

  it('survives a 429 on the interaction callback: discord.js waits Retry-After and retries', async () => {
    fake.failNextRequests(
      { method: 'POST', path: '/interactions/:interactionId/:token/callback' },
      { kind: 'rate-limit', retryAfterSeconds: 0.05 },
    );
    const sent = await fake.sendInteraction(fake.commandInteraction({ name: 'ping' }));
    const response = await fake.waitForResponse(sent.id);
    expect(response.status).toBe(204);
    const statuses = fake.requestsTo({ path: `/interactions/${sent.id}/${sent.token}/callback` }).map((r) => r.status);
    expect(statuses).toEqual([429, 204]);
  });

  it('registers guild commands with @discordjs/rest PUT and returns them on GET', async () => {
    const rest = new REST({ api: fake.apiUrl }).setToken(fake.token);
    const body = [
      { name: 'ask', description: 'Ask a question', options: [{ type: 3, name: 'question', description: 'What to ask', required: true }] },
      { name: 'ping', description: 'Check the bot' },
    ];
    const stored = (await rest.put(Routes.applicationGuildCommands(fake.applicationId, fake.guildId), { body })) as Array<{
      id: string;
      name: string;
    }>;
    expect(stored.map((c) => c.name)).toEqual(['ask', 'ping']);
    expect(stored.every((c) => /^\d{17,19}$/.test(c.id))).toBe(true);

    const fetched = (await rest.get(Routes.applicationGuildCommands(fake.applicationId, fake.guildId))) as Array<{
      id: string;
      guild_id: string;
    }>;
    expect(fetched.map((c) => c.id)).toEqual(stored.map((c) => c.id));
    expect(fetched[0]?.guild_id).toBe(fake.guildId);
    expect(fake.registeredCommands(fake.guildId)).toHaveLength(2);
    expect(fake.registeredCommands()).toHaveLength(0);

    // Re-registering keeps ids, as Discord does, and interactions then carry the registered id.
    const again = (await rest.put(Routes.applicationGuildCommands(fake.applicationId, fake.guildId), { body })) as Array<{ id: string }>;
    expect(again.map((c) => c.id)).toEqual(stored.map((c) => c.id));
    expect(fake.commandInteraction({ name: 'ask' }).data).toMatchObject({ id: stored[0]?.id });

    // Discord-style validation errors surface as DiscordAPIError 50035.
    const invalid = rest.put(Routes.applicationCommands(fake.applicationId), { body: [{ name: 'Bad Name', description: '' }] });
    await expect(invalid).rejects.toBeInstanceOf(DiscordAPIError);
    await expect(invalid).rejects.toMatchObject({ code: 50035, status: 400 });
  });

  it('survives a 500 on command registration: @discordjs/rest retries 5xx', async () => {
    fake.clearRequests();
    fake.failNextRequests({ method: 'PUT', path: '/applications/:applicationId/commands' }, { kind: 'server-error' });
    const rest = new REST({ api: fake.apiUrl }).setToken(fake.token);
    await rest.put(Routes.applicationCommands(fake.applicationId), { body: [{ name: 'ping', description: 'Check the bot' }] });
    expect(fake.requestsTo({ method: 'PUT', path: '/applications/:applicationId/commands' }).map((r) => r.status)).toEqual([500, 200]);
    expect(fake.registeredCommands().map((c) => c.name)).toEqual(['ping']);
  });

  it('answers 401 to a wrong bot token and reports it as unexpected', async () => {
    const rest = new REST({ api: fake.apiUrl }).setToken('not-the-token');
    await expect(rest.get(Routes.user('@me'))).rejects.toMatchObject({ status: 401 });
    expect(fake.unexpectedRequests().map((r) => `${r.status} ${r.route}`)).toEqual(['401 GET /users/@me']);
    fake.clearRequests();
  });

  it('resumes after the gateway closes with 4000, replaying what was sent meanwhile', async () => {
    const resumesBefore = fake.gateway.resumes.length;
    fake.closeGateway(4000);
    await fake.waitFor(() => (fake.gateway.isConnected ? undefined : true), 'the disconnect');
    // Sent while the bot is away: buffered and replayed on RESUME, like Discord does.
    const sent = await fake.sendInteraction(fake.commandInteraction({ name: 'ping' }));
    expect(sent.live).toBe(false);
    await fake.waitForResume({ count: resumesBefore + 1 });
    const resumeConnect = fake.gateway.log.filter((e) => e.kind === 'connect').at(-1);
    expect(resumeConnect?.kind === 'connect' && resumeConnect.url.startsWith('/resume-gateway?')).toBe(true);
    expect(fake.gateway.identifies).toHaveLength(1);
    expect((await fake.waitForResponse(sent.id, { timeoutMs: 5_000 })).body).toMatchObject({ data: { content: 'pong' } });
  });

  it('resumes after op 7 RECONNECT', async () => {
    const resumesBefore = fake.gateway.resumes.length;
    await fake.requestReconnect();
    await fake.waitForResume({ count: resumesBefore + 1 });
    const sent = await fake.sendInteraction(fake.commandInteraction({ name: 'ping' }));
    expect(sent.live).toBe(true);
    expect((await fake.waitForResponse(sent.id)).status).toBe(204);
  });
});

describe('fake Discord gateway details', () => {
  let fake: FakeDiscord;

  beforeAll(async () => {
    fake = await startFakeDiscord({ heartbeatIntervalMs: 100 });
  });

  afterAll(async () => {
    await fake?.close();
  });

  it('speaks zlib-stream when asked (compress=zlib-stream)', async () => {
    const ws = new WebSocket(`${fake.gatewayUrl}?v=10&encoding=json&compress=zlib-stream`);
    const inflate = zlib.createInflate();
    const hello = await new Promise<{ op: number; d: { heartbeat_interval: number } }>((resolve, reject) => {
      ws.once('error', reject);
      ws.once('message', (data: Buffer) => {
        // Each message ends with a Z_SYNC_FLUSH marker; inflate it as one shared stream would.
        expect([...data.subarray(-4)]).toEqual([0x00, 0x00, 0xff, 0xff]);
        const chunks: Buffer[] = [];
        inflate.on('data', (chunk: Buffer) => chunks.push(chunk));
        inflate.write(data);
        inflate.flush(zlib.constants.Z_SYNC_FLUSH, () => resolve(JSON.parse(Buffer.concat(chunks).toString('utf8'))));
      });
    });
    expect(hello).toEqual({ op: GatewayOpcodes.Hello, d: { heartbeat_interval: 100 }, s: null, t: null });
    inflate.close();
    await new Promise<void>((resolve) => {
      ws.once('close', () => resolve());
      ws.close(1000);
    });
  });

  it('a bot whose heartbeats go unanswered reconnects and resumes', async () => {
    const client = newClient(fake);
    try {
      await loginAndWaitReady(client, fake);
      fake.setHeartbeatAcks(false);
      await fake.waitForResume({ timeoutMs: 5_000 });
      expect(fake.gateway.log.some((e) => e.kind === 'disconnect' && e.by === 'client' && e.code === 4200)).toBe(true);
      fake.setHeartbeatAcks(true);
      expect(fake.gateway.heartbeatCount).toBeGreaterThanOrEqual(1);
    } finally {
      await client.destroy();
    }
    expect(fake.unexpectedRequests()).toEqual([]);
  });
});
