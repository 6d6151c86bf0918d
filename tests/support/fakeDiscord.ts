// A fake Discord for end-to-end tests: one node:http server on 127.0.0.1 serving the REST API
// (under /api/v10) and the gateway WebSocket (under /gateway), so the real discord.js Client can
// log in, receive interactions and answer them while tests record and assert every call.
//
//   const fake = await startFakeDiscord();
//   const client = new Client({ intents: [GatewayIntentBits.Guilds], rest: { api: fake.apiUrl } });
//   await client.login(fake.token);
//   const sent = await fake.sendInteraction(fake.commandInteraction({ name: 'ask', options: { question: 'hi' } }));
//   const reply = await fake.waitForResponse(sent.id);
//   ...
//   await client.destroy(); await fake.close();

import http from 'node:http';
import type { IncomingHttpHeaders, IncomingMessage, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Duplex } from 'node:stream';
import {
  ApplicationCommandType,
  GatewayDispatchEvents,
  InteractionResponseType,
  InteractionType,
  MessageFlags,
} from 'discord-api-types/v10';
import type {
  APIApplicationCommand,
  APIAttachment,
  APIInteraction,
  APIInteractionResponse,
  APIMessage,
  RESTGetAPIGatewayBotResult,
} from 'discord-api-types/v10';
import { ChangeSignal } from './changeSignal.js';
import type { WaitOptions } from './changeSignal.js';
import { DEFAULT_HEARTBEAT_INTERVAL_MS, FakeGateway, shardOfGuild } from './fakeDiscordGateway.js';
import type { DispatchResult } from './fakeDiscordGateway.js';
import {
  API_VERSION,
  ATTACHMENT_SIZE_LIMIT_BYTES,
  BOT_USER,
  FAKE_APPLICATION_ID,
  FAKE_BOT_USER_ID,
  FAKE_CHANNEL_ID,
  FAKE_GUILD_ID,
  FAKE_TOKEN,
  FAKE_USER_ID,
  buildAutocompleteInteraction,
  buildButtonInteraction,
  buildCommandInteraction,
  makeApplication,
  makeBotMessage,
  makeGuildCreate,
  makeReady,
  nextSnowflake,
} from './fakeDiscordPayloads.js';
import type {
  AutocompleteInteractionInit,
  ButtonInteractionInit,
  CommandInteractionInit,
  GuildInit,
  ResolvedAttachmentOption,
} from './fakeDiscordPayloads.js';
import {
  DiscordErrorCode,
  FormErrors,
  validateAutocompleteChoices,
  validateCommand,
  validateCommandList,
  validateMessage,
} from './fakeDiscordValidation.js';
import type { DiscordErrorBody } from './fakeDiscordValidation.js';

export * from './fakeDiscordPayloads.js';
export type { DiscordErrorBody } from './fakeDiscordValidation.js';
export { DiscordErrorCode } from './fakeDiscordValidation.js';
export type { GatewayLogEntry } from './fakeDiscordGateway.js';
export { shardOfGuild } from './fakeDiscordGateway.js';
export type { WaitOptions } from './changeSignal.js';

/** Discord gives a bot 3 s to acknowledge an interaction. */
export const DEFAULT_INTERACTION_ACK_TIMEOUT_MS = 3_000;
const API_PREFIX = '/api';
const GATEWAY_PATH = '/gateway';
const RESUME_GATEWAY_PATH = '/resume-gateway';
/** Stand-in for cdn.discordapp.com: attachment URLs given to the bot point here. */
const ATTACHMENTS_PATH = '/attachments';
const SESSION_START_LIMIT = { total: 1_000, remaining: 999, reset_after: 14_400_000, max_concurrency: 1 };

// ---------------------------------------------------------------------------------------------
// Public types

export interface FakeDiscordOptions {
  /** heartbeat_interval announced in HELLO (default 41 250 ms, as Discord). Lower it for heartbeat tests. */
  heartbeatIntervalMs?: number;
  /** Interaction callbacks arriving later than this after dispatch get 404 Unknown interaction (default 3000). */
  interactionAckTimeoutMs?: number;
  /** Name, extra roles/channels/members of the test guild. */
  guild?: Omit<GuildInit, 'id'>;
  /**
   * The shard count GET /gateway/bot recommends and the bot must identify with (default 1). Each
   * shard's READY and GUILD_CREATEs carry the guilds of that shard ((guild id >> 22) % shards), and
   * an interaction goes to the shard of its guild.
   */
  shards?: number;
  /** More guilds the bot is in besides the test guild (see guildIdInShard), each announced to its shard. */
  otherGuildIds?: string[];
  /** Receives one line per request and gateway frame (debugging). */
  log?: (line: string) => void;
}

export interface RecordedFile {
  /** Multipart field name, e.g. `files[0]`. */
  field: string;
  name: string;
  contentType: string;
  size: number;
  content: Buffer;
}

export interface RecordedRequest {
  method: string;
  /** Path below /api/v10, e.g. `/interactions/123/abc/callback`. */
  path: string;
  /** The matched route, e.g. `POST /interactions/:interactionId/:token/callback`; null when unknown. */
  route: string | null;
  query: Record<string, string>;
  /** Parsed JSON body (for multipart: the parsed `payload_json`); undefined when none. */
  body: unknown;
  files: RecordedFile[];
  authorization: string | null;
  /** The status the fake answered (or will answer, for a slow response); null while the request hangs. */
  status: number | null;
  /** Date.now() when the response was written; null before. */
  respondedAt: number | null;
  /** The injected fault that answered this request, if any. */
  fault: RestFault['kind'] | null;
  /** Date.now() on arrival. */
  at: number;
}

export type RestFault =
  /** 429 with Retry-After (seconds; may be fractional) and Discord's body. */
  | { kind: 'rate-limit'; retryAfterSeconds?: number; global?: boolean }
  /** 5xx (default 500). @discordjs/rest retries 5xx `retries` times (default 3). */
  | { kind: 'server-error'; status?: number }
  /** Never answer (until close()); the client aborts after its `rest.timeout` and retries. */
  | { kind: 'hang' }
  /**
   * Handle the request as usual (a callback is accepted at once), but hold the HTTP response back
   * for `ms`: a slow Discord, or a reply still in flight when the bot is told to stop.
   */
  | { kind: 'slow-response'; ms: number };

export interface RequestMatcher {
  method?: string;
  /** Exact path (`/users/@me`), route template (`/interactions/:interactionId/:token/callback`) or RegExp on the path. */
  path: string | RegExp;
}

export interface InteractionCallbackRecord {
  interactionId: string;
  type: InteractionResponseType;
  body: APIInteractionResponse;
  files: RecordedFile[];
  /** 204/200 when accepted; 400/404 when rejected (then `error` says why). */
  status: number;
  error: DiscordErrorBody | null;
  /** Milliseconds from dispatching INTERACTION_CREATE to this callback arriving. */
  elapsedMs: number;
  at: number;
}

export interface WebhookCallRecord {
  kind: 'edit' | 'follow-up' | 'fetch' | 'delete';
  /** `@original`, a follow-up's id, or for follow-ups the id of the created message. */
  messageId: string;
  body: unknown;
  files: RecordedFile[];
  status: number;
  error: DiscordErrorBody | null;
  elapsedMs: number;
  at: number;
}

export interface FakeInteraction {
  readonly id: string;
  readonly token: string;
  readonly payload: APIInteraction;
  /** performance.now() when INTERACTION_CREATE was handed to the gateway. */
  dispatchedAt: number;
  /** Every callback POST, accepted or not, in arrival order. */
  readonly callbacks: InteractionCallbackRecord[];
  /** Every webhook call made with this interaction's token (edits, follow-ups, fetches, deletes). */
  readonly webhookCalls: WebhookCallRecord[];
  /** The accepted callback type, once acknowledged. */
  acknowledgedWith: InteractionResponseType | null;
  /** Discord no longer knows it (expireInteraction): every callback gets 404 Unknown interaction (10062). */
  expired: boolean;
  /** The @original response message as Discord would hold it (null before a reply / after deletion). */
  original: APIMessage | null;
  readonly followUps: APIMessage[];
}

export interface SentInteraction {
  id: string;
  token: string;
  payload: APIInteraction;
  /** Whether the bot was connected (false: buffered and replayed when it resumes). */
  live: boolean;
}

export interface FakeAttachmentInit {
  filename: string;
  /** Served at the attachment's URL so the bot can download it. */
  content?: string | Buffer;
  contentType?: string;
}

export type FakeCommandInteractionInit = CommandInteractionInit & {
  /** Attachment options by option name; they appear in data.options and data.resolved.attachments. */
  attachments?: Record<string, FakeAttachmentInit>;
};

// ---------------------------------------------------------------------------------------------
// Routing internals

type HttpMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

interface RouteContext {
  params: Record<string, string>;
  query: URLSearchParams;
  body: unknown;
  files: RecordedFile[];
  /** performance.now() on arrival. */
  receivedAt: number;
}

interface RouteResponse {
  status: number;
  body?: unknown;
}

interface Route {
  method: HttpMethod;
  template: string;
  pattern: RegExp;
  /** Needs `Authorization: Bot <token>` (interaction and webhook-token routes do not). */
  auth: boolean;
  handle: (ctx: RouteContext) => RouteResponse;
}

interface PendingFault {
  matcher: RequestMatcher;
  fault: RestFault;
  remaining: number;
}

const INTERACTION_CALLBACK_TYPES: Record<InteractionType, readonly InteractionResponseType[]> = {
  [InteractionType.Ping]: [InteractionResponseType.Pong],
  [InteractionType.ApplicationCommand]: [
    InteractionResponseType.ChannelMessageWithSource,
    InteractionResponseType.DeferredChannelMessageWithSource,
    InteractionResponseType.Modal,
    InteractionResponseType.PremiumRequired,
    InteractionResponseType.LaunchActivity,
  ],
  [InteractionType.MessageComponent]: [
    InteractionResponseType.ChannelMessageWithSource,
    InteractionResponseType.DeferredChannelMessageWithSource,
    InteractionResponseType.DeferredMessageUpdate,
    InteractionResponseType.UpdateMessage,
    InteractionResponseType.Modal,
    InteractionResponseType.PremiumRequired,
    InteractionResponseType.LaunchActivity,
  ],
  [InteractionType.ApplicationCommandAutocomplete]: [InteractionResponseType.ApplicationCommandAutocompleteResult],
  [InteractionType.ModalSubmit]: [
    InteractionResponseType.ChannelMessageWithSource,
    InteractionResponseType.DeferredChannelMessageWithSource,
    InteractionResponseType.DeferredMessageUpdate,
    InteractionResponseType.UpdateMessage,
  ],
};

/** Message flags a bot may set on an interaction response. */
const SETTABLE_MESSAGE_FLAGS =
  MessageFlags.SuppressEmbeds | MessageFlags.Ephemeral | MessageFlags.SuppressNotifications | MessageFlags.IsComponentsV2;

const notFound = (): DiscordErrorBody => ({ code: DiscordErrorCode.General, message: '404: Not Found' });
const unknownInteraction = (): DiscordErrorBody => ({ code: DiscordErrorCode.UnknownInteraction, message: 'Unknown interaction' });
const unknownWebhook = (): DiscordErrorBody => ({ code: DiscordErrorCode.UnknownWebhook, message: 'Unknown Webhook' });
const unknownMessage = (): DiscordErrorBody => ({ code: DiscordErrorCode.UnknownMessage, message: 'Unknown Message' });
const missingAccess = (): DiscordErrorBody => ({ code: DiscordErrorCode.MissingAccess, message: 'Missing Access' });

function routePattern(template: string): RegExp {
  const source = template
    .split('/')
    .map((part) => (part.startsWith(':') ? `(?<${part.slice(1)}>[^/]+)` : part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')))
    .join('/');
  return new RegExp(`^${source}$`);
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

// ---------------------------------------------------------------------------------------------
// The fake

export class FakeDiscord {
  readonly token = FAKE_TOKEN;
  readonly applicationId = FAKE_APPLICATION_ID;
  readonly botUserId = FAKE_BOT_USER_ID;
  readonly guildId = FAKE_GUILD_ID;
  readonly channelId = FAKE_CHANNEL_ID;
  /** The default member who invokes commands. */
  readonly userId = FAKE_USER_ID;

  /** e.g. http://127.0.0.1:PORT — the server's root. */
  readonly baseUrl: string;
  /** Pass as discord.js `rest.api` / DISCORD_API_URL; discord.js appends `/v10/...`. */
  readonly apiUrl: string;
  /** What GET /gateway/bot returns. */
  readonly gatewayUrl: string;
  /** READY's resume_gateway_url (a different path, so tests can tell resumes apart). */
  readonly resumeGatewayUrl: string;

  /** Every REST request, in arrival order. */
  readonly requests: RecordedRequest[] = [];
  readonly gateway: FakeGateway;
  /**
   * The largest file an upload may carry, in bytes, as Discord's default (10 MiB); a larger one is
   * refused with 413. A test may lower it to check a refusal without uploading 10 MiB.
   */
  attachmentSizeLimitBytes = ATTACHMENT_SIZE_LIMIT_BYTES;

  readonly #server: http.Server;
  readonly #signal = new ChangeSignal();
  readonly #routes: Route[];
  readonly #ackTimeoutMs: number;
  readonly #log: ((line: string) => void) | undefined;
  readonly #interactions = new Map<string, FakeInteraction>();
  readonly #interactionsByToken = new Map<string, FakeInteraction>();
  /** Registered commands by scope: 'global' or a guild id. */
  readonly #commands = new Map<string, APIApplicationCommand[]>();
  readonly #attachments = new Map<string, { content: Buffer; contentType: string }>();
  readonly #faults: PendingFault[] = [];
  /** Interactions expired before they were sent (expireInteraction). */
  readonly #expiredIds = new Set<string>();
  readonly #hanging = new Set<ServerResponse>();
  readonly #shardCount: number;

  /** Use startFakeDiscord(). */
  constructor(server: http.Server, options: FakeDiscordOptions) {
    this.#server = server;
    const { port } = server.address() as AddressInfo;
    this.baseUrl = `http://127.0.0.1:${port}`;
    this.apiUrl = `${this.baseUrl}${API_PREFIX}`;
    this.gatewayUrl = `ws://127.0.0.1:${port}${GATEWAY_PATH}`;
    this.resumeGatewayUrl = `ws://127.0.0.1:${port}${RESUME_GATEWAY_PATH}`;
    this.#ackTimeoutMs = options.interactionAckTimeoutMs ?? DEFAULT_INTERACTION_ACK_TIMEOUT_MS;
    this.#log = options.log;
    this.#shardCount = options.shards ?? 1;
    const guildCreates = [
      makeGuildCreate({ id: FAKE_GUILD_ID, ...options.guild }),
      ...(options.otherGuildIds ?? []).map((id) => makeGuildCreate({ id })),
    ];
    this.gateway = new FakeGateway({
      token: FAKE_TOKEN,
      apiVersion: API_VERSION,
      heartbeatIntervalMs: options.heartbeatIntervalMs ?? DEFAULT_HEARTBEAT_INTERVAL_MS,
      resumeGatewayUrl: this.resumeGatewayUrl,
      shardCount: this.#shardCount,
      buildIdentifyDispatches: (sessionId, shard) => {
        const guilds = guildCreates.filter((guild) => shardOfGuild(guild.id, shard[1]) === shard[0]);
        return [
          {
            t: GatewayDispatchEvents.Ready,
            d: makeReady({ sessionId, resumeGatewayUrl: this.resumeGatewayUrl, guildIds: guilds.map((guild) => guild.id), shard }),
          },
          ...guilds.map((guild) => ({ t: GatewayDispatchEvents.GuildCreate, d: guild })),
        ];
      },
      signal: this.#signal,
      log: options.log,
    });
    this.#routes = this.#buildRoutes();
    server.on('request', (req: IncomingMessage, res: ServerResponse) => {
      this.#handleRequest(req, res).catch((error: unknown) => {
        this.#log?.(`[rest] handler crashed: ${String(error)}`);
        if (!res.headersSent) res.writeHead(500).end();
      });
    });
    server.on('upgrade', (req: IncomingMessage, socket: Duplex, head: Buffer) => this.#handleUpgrade(req, socket, head));
  }

  // --- interactions --------------------------------------------------------------------------

  /** A slash command invocation in the test guild; the command id is the registered one when known. */
  commandInteraction(init: FakeCommandInteractionInit): APIInteraction {
    const channelId = init.channelId ?? FAKE_CHANNEL_ID;
    const attachments: ResolvedAttachmentOption[] = Object.entries(init.attachments ?? {}).map(([optionName, file]) => ({
      optionName,
      attachment: this.#hostAttachment(channelId, file),
    }));
    return buildCommandInteraction({ ...init, commandId: init.commandId ?? this.#commandIdFor(init.name, init.guildId) }, attachments);
  }

  /** An autocomplete request with `focused: true` on `init.focused`. */
  autocompleteInteraction(init: AutocompleteInteractionInit): APIInteraction {
    return buildAutocompleteInteraction({ ...init, commandId: init.commandId ?? this.#commandIdFor(init.name, init.guildId) });
  }

  /** A button press on a bot message. */
  buttonInteraction(init: ButtonInteractionInit): APIInteraction {
    return buildButtonInteraction(init);
  }

  /** Starts keeping what happens to an interaction (its callbacks, edits, follow-ups), by id and by token. */
  #track(payload: APIInteraction, dispatchedAt: number): void {
    const state: FakeInteraction = {
      id: payload.id,
      token: payload.token,
      payload,
      dispatchedAt,
      callbacks: [],
      webhookCalls: [],
      acknowledgedWith: null,
      expired: this.#expiredIds.delete(payload.id),
      original: null,
      followUps: [],
    };
    this.#interactions.set(payload.id, state);
    this.#interactionsByToken.set(payload.token, state);
  }

  /** Dispatch INTERACTION_CREATE to the bot. Throws if the bot never logged in. */
  async sendInteraction(payload: APIInteraction): Promise<SentInteraction> {
    this.#track(payload, performance.now());
    let result: DispatchResult;
    try {
      result = await this.gateway.dispatch(GatewayDispatchEvents.InteractionCreate, payload, this.#shardFor(payload));
    } catch (error) {
      this.#interactions.delete(payload.id);
      this.#interactionsByToken.delete(payload.token);
      throw error;
    }
    return { id: payload.id, token: payload.token, payload, live: result.live };
  }

  /**
   * Dispatch many INTERACTION_CREATEs as one burst (see FakeGateway.dispatchMany). They all count
   * as created now: each one's 3 s starts when this is called, as when Discord creates a burst of
   * interactions at once, so the time the fake and the bot take to get through the burst counts.
   */
  async sendInteractions(payloads: readonly APIInteraction[]): Promise<SentInteraction[]> {
    const createdAt = performance.now();
    for (const payload of payloads) {
      if (this.#interactions.has(payload.id)) throw new Error(`sendInteractions: interaction ${payload.id} was already sent`);
      this.#track(payload, createdAt);
    }
    const shards = payloads.map((payload) => this.#shardFor(payload));
    const results = new Array<DispatchResult>(payloads.length);
    try {
      // One burst per shard, each in order.
      for (const shard of new Set(shards)) {
        const indexes = shards.flatMap((s, index) => (s === shard ? [index] : []));
        const events = indexes.map((index) => ({ t: GatewayDispatchEvents.InteractionCreate, d: payloads[index] }));
        const sent = await this.gateway.dispatchMany(events, shard);
        indexes.forEach((index, i) => {
          const result = sent[i];
          if (result !== undefined) results[index] = result;
        });
      }
    } catch (error) {
      for (const payload of payloads) {
        this.#interactions.delete(payload.id);
        this.#interactionsByToken.delete(payload.token);
      }
      throw error;
    }
    return payloads.map((payload, index) => ({ id: payload.id, token: payload.token, payload, live: results[index]?.live ?? false }));
  }

  /**
   * Resolves once every interaction in `ids` has a first callback, and every one acknowledged with
   * a deferred reply (5) also has its edit of @original: what a user would see for each. Cheap for
   * thousands of ids (a cursor, not a scan of all of them after every request).
   */
  waitForAllAnswered(ids: readonly string[], options?: WaitOptions): Promise<FakeInteraction[]> {
    const states = ids.map((id) => {
      const state = this.#interactions.get(id);
      if (!state) throw new Error(`waitForAllAnswered: interaction ${id} was never sent`);
      return state;
    });
    let cursor = 0;
    const answered = (state: FakeInteraction): boolean => {
      const first = state.callbacks[0];
      if (first === undefined) return false;
      if (first.type !== InteractionResponseType.DeferredChannelMessageWithSource || first.status >= 400) return true;
      return state.webhookCalls.some((call) => call.kind === 'edit' && call.messageId === '@original');
    };
    return this.#signal.waitFor(
      () => {
        while (cursor < states.length && answered(states[cursor] as FakeInteraction)) cursor++;
        return cursor === states.length ? states : undefined;
      },
      `answers to ${ids.length} interactions`,
      { ...options, progress: () => `${cursor} of ${ids.length} answered; next: ${ids[cursor] ?? '-'}` },
    );
  }

  /** The shard an interaction goes to: the one its guild belongs to (shard 0 outside guilds). */
  #shardFor(payload: APIInteraction): number {
    return payload.guild_id === undefined ? 0 : this.gateway.shardOfGuild(payload.guild_id);
  }

  /**
   * Discord forgets an interaction, as when its 3 s pass unacknowledged (or the bot learns of it too
   * late): from now on every callback for it is answered 404 Unknown interaction (10062). May be
   * called before the interaction is sent (by its id), so that even the bot's first callback fails.
   */
  expireInteraction(id: string): void {
    const state = this.#interactions.get(id);
    if (state === undefined) this.#expiredIds.add(id);
    else state.expired = true;
  }

  /** Everything recorded about an interaction, by id or token. */
  interaction(idOrToken: string): FakeInteraction | undefined {
    return this.#interactions.get(idOrToken) ?? this.#interactionsByToken.get(idOrToken);
  }

  /** The first callback (reply 4, defer 5, update 7, autocomplete 8, …) the bot sent for an interaction. */
  waitForResponse(interactionId: string, options?: WaitOptions): Promise<InteractionCallbackRecord> {
    return this.#signal.waitFor(
      () => this.#interactions.get(interactionId)?.callbacks[0],
      `a callback for interaction ${interactionId}`,
      options,
    );
  }

  /** The first PATCH of `@original` made with an interaction's token. */
  waitForEdit(token: string, options?: WaitOptions): Promise<WebhookCallRecord> {
    return this.#signal.waitFor(
      () => this.#interactionsByToken.get(token)?.webhookCalls.find((c) => c.kind === 'edit' && c.messageId === '@original'),
      'an edit of @original',
      options,
    );
  }

  /** The n-th (default first) follow-up POST made with an interaction's token. */
  waitForFollowUp(token: string, options?: WaitOptions & { index?: number }): Promise<WebhookCallRecord> {
    const index = options?.index ?? 0;
    return this.#signal.waitFor(
      () => this.#interactionsByToken.get(token)?.webhookCalls.filter((c) => c.kind === 'follow-up')[index],
      `follow-up #${index}`,
      options,
    );
  }

  /** Wait until `probe` returns something other than undefined; re-checked after every request and gateway frame. */
  waitFor<T>(probe: () => T | undefined, description: string, options?: WaitOptions): Promise<T> {
    return this.#signal.waitFor(probe, description, options);
  }

  /** Resolves once the bot has identified `count` times (default 1) and has a live session. */
  waitForIdentify(options?: WaitOptions & { count?: number }): Promise<void> {
    const count = options?.count ?? 1;
    return this.#signal
      .waitFor(
        () => (this.gateway.identifies.length >= count && this.gateway.isConnected ? true : undefined),
        `IDENTIFY #${count}`,
        options,
      )
      .then(() => undefined);
  }

  /** Resolves once the bot has sent RESUME `count` times (default 1) and has a live session again. */
  waitForResume(options?: WaitOptions & { count?: number }): Promise<void> {
    const count = options?.count ?? 1;
    return this.#signal
      .waitFor(() => (this.gateway.resumes.length >= count && this.gateway.isConnected ? true : undefined), `RESUME #${count}`, options)
      .then(() => undefined);
  }

  /** Send any dispatch event to the bot (e.g. GUILD_ROLE_UPDATE). */
  dispatch(t: string, d: unknown): Promise<DispatchResult> {
    return this.gateway.dispatch(t, d);
  }

  // --- commands ------------------------------------------------------------------------------

  /** Commands registered globally, or for a guild when `guildId` is given. */
  registeredCommands(guildId?: string): APIApplicationCommand[] {
    return [...(this.#commands.get(guildId ?? 'global') ?? [])];
  }

  // --- REST inspection and faults ------------------------------------------------------------

  /** Requests the fake did not expect: unknown routes, wrong methods, missing/invalid authorization. */
  unexpectedRequests(): RecordedRequest[] {
    return this.requests.filter((r) => r.route === null || r.status === 401 || r.status === 405);
  }

  /** Requests whose route template (e.g. `PUT /applications/:applicationId/commands`) or path matches. */
  requestsTo(matcher: RequestMatcher): RecordedRequest[] {
    return this.requests.filter((r) => matches(matcher, r));
  }

  /** Forget recorded requests (interactions and commands are kept). */
  clearRequests(): void {
    this.requests.length = 0;
  }

  /** Answer the next `count` requests matching `matcher` with `fault` instead of handling them. */
  failNextRequests(matcher: RequestMatcher, fault: RestFault, count = 1): void {
    this.#faults.push({ matcher, fault, remaining: count });
  }

  // --- gateway faults (see FakeGateway for more) ----------------------------------------------

  /** Close the bot's gateway connection with a close code (default 4000: the bot should resume). */
  closeGateway(code?: number, reason?: string): void {
    this.gateway.closeConnection(code, reason);
  }

  /** Send op 7 RECONNECT. */
  requestReconnect(): Promise<void> {
    return this.gateway.requestReconnect();
  }

  /** Stop (false) or restart (true) acknowledging heartbeats. */
  setHeartbeatAcks(enabled: boolean): void {
    this.gateway.setHeartbeatAcks(enabled);
  }

  // --- lifecycle -----------------------------------------------------------------------------

  /** Close the gateway, hanging requests, keep-alive sockets and the server. */
  async close(): Promise<void> {
    this.#signal.cancelAll('fake Discord closed');
    for (const res of this.#hanging) res.destroy();
    this.#hanging.clear();
    await this.gateway.close();
    await new Promise<void>((resolve) => {
      this.#server.close(() => resolve());
      this.#server.closeAllConnections();
    });
  }

  // --- HTTP plumbing ---------------------------------------------------------------------------

  #handleUpgrade(req: IncomingMessage, socket: Duplex, head: Buffer): void {
    const { pathname } = new URL(req.url ?? '/', this.baseUrl);
    if (pathname === GATEWAY_PATH || pathname === RESUME_GATEWAY_PATH) {
      this.gateway.handleUpgrade(req, socket, head);
      return;
    }
    socket.end('HTTP/1.1 404 Not Found\r\nConnection: close\r\n\r\n');
  }

  async #handleRequest(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const receivedAt = performance.now();
    const url = new URL(req.url ?? '/', this.baseUrl);
    const method = (req.method ?? 'GET').toUpperCase();
    const rawBody = await readBody(req);

    if (method === 'GET' && url.pathname.startsWith(`${ATTACHMENTS_PATH}/`)) {
      this.#serveAttachment(url.pathname, res);
      return;
    }

    const record: RecordedRequest = {
      method,
      path: url.pathname,
      route: null,
      query: Object.fromEntries(url.searchParams),
      body: undefined,
      files: [],
      authorization: req.headers.authorization ?? null,
      status: null,
      fault: null,
      respondedAt: null,
      at: Date.now(),
    };
    this.requests.push(record);

    const versioned = /^\/api\/v(?<version>\d+)(?<rest>\/.*)$/.exec(url.pathname);
    if (!versioned?.groups) return this.#respond(res, record, 404, notFound());
    // discord-api-types' Routes percent-encode segments such as @me and @original.
    record.path = (versioned.groups.rest ?? '/').split('/').map(decodePathSegment).join('/');
    if (Number(versioned.groups.version) !== API_VERSION) {
      return this.#respond(res, record, 400, { code: DiscordErrorCode.InvalidApiVersion, message: 'Invalid API version provided' });
    }

    try {
      const parsed = await parseBody(req.headers, rawBody);
      record.body = parsed.body;
      record.files = parsed.files;
    } catch {
      return this.#respond(res, record, 400, { code: DiscordErrorCode.InvalidJson, message: 'The request body contains invalid JSON.' });
    }

    let pathMatched = false;
    let route: Route | undefined;
    let params: Record<string, string> = {};
    for (const candidate of this.#routes) {
      const match = candidate.pattern.exec(record.path);
      if (!match) continue;
      pathMatched = true;
      if (candidate.method !== method) continue;
      route = candidate;
      params = { ...match.groups };
      break;
    }
    if (route) record.route = `${route.method} ${route.template}`;

    const fault = this.#takeFault(record);
    let delayMs = 0;
    if (fault?.kind === 'slow-response') {
      record.fault = fault.kind;
      delayMs = fault.ms;
    } else if (fault) {
      return this.#applyFault(res, record, fault);
    }
    if (!route)
      return this.#respond(
        res,
        record,
        pathMatched ? 405 : 404,
        pathMatched ? { code: 0, message: '405: Method Not Allowed' } : notFound(),
      );
    if (route.auth && record.authorization !== `Bot ${this.token}`) {
      return this.#respond(res, record, 401, { code: DiscordErrorCode.General, message: '401: Unauthorized' });
    }
    // Discord refuses an upload over the attachment size limit before looking at the message.
    if (record.files.some((file) => file.size > this.attachmentSizeLimitBytes)) {
      return this.#respond(res, record, 413, { code: DiscordErrorCode.RequestEntityTooLarge, message: 'Request entity too large' });
    }
    const response = route.handle({ params, query: url.searchParams, body: record.body, files: record.files, receivedAt });
    this.#respond(res, record, response.status, response.body, {}, delayMs);
  }

  #respond(
    res: ServerResponse,
    record: RecordedRequest,
    status: number,
    body?: unknown,
    headers: Record<string, string> = {},
    delayMs = 0,
  ): void {
    record.status = status;
    const write = (): void => {
      if (res.destroyed) return;
      record.respondedAt = Date.now();
      this.#log?.(`[rest] ${record.method} ${record.path} -> ${status}`);
      if (body === undefined || status === 204) {
        res.writeHead(status, headers).end();
      } else {
        res.writeHead(status, { 'content-type': 'application/json', ...headers }).end(JSON.stringify(body));
      }
      this.#signal.notify();
    };
    if (delayMs <= 0) return write();
    this.#hanging.add(res);
    res.on('close', () => this.#hanging.delete(res));
    this.#signal.notify();
    setTimeout(() => {
      this.#hanging.delete(res);
      write();
    }, delayMs);
  }

  #takeFault(record: RecordedRequest): RestFault | null {
    const pending = this.#faults.find((f) => f.remaining > 0 && matches(f.matcher, record));
    if (!pending) return null;
    pending.remaining--;
    if (pending.remaining === 0) this.#faults.splice(this.#faults.indexOf(pending), 1);
    return pending.fault;
  }

  #applyFault(res: ServerResponse, record: RecordedRequest, fault: RestFault): void {
    record.fault = fault.kind;
    switch (fault.kind) {
      case 'rate-limit': {
        const retryAfter = fault.retryAfterSeconds ?? 1;
        const headers: Record<string, string> = {
          'retry-after': String(retryAfter),
          'x-ratelimit-scope': fault.global ? 'global' : 'user',
        };
        if (fault.global) headers['x-ratelimit-global'] = 'true';
        this.#respond(
          res,
          record,
          429,
          { message: 'You are being rate limited.', retry_after: retryAfter, global: fault.global ?? false },
          headers,
        );
        return;
      }
      case 'server-error':
        this.#respond(res, record, fault.status ?? 500, { code: DiscordErrorCode.General, message: '500: Internal Server Error' });
        return;
      case 'hang':
        this.#hanging.add(res);
        res.on('close', () => this.#hanging.delete(res));
        this.#log?.(`[rest] ${record.method} ${record.path} -> (hanging)`);
        this.#signal.notify();
        return;
    }
  }

  #serveAttachment(pathname: string, res: ServerResponse): void {
    const file = this.#attachments.get(pathname);
    if (!file) {
      res.writeHead(404).end();
      return;
    }
    res.writeHead(200, { 'content-type': file.contentType, 'content-length': String(file.content.length) }).end(file.content);
  }

  #hostAttachment(channelId: string, file: FakeAttachmentInit): APIAttachment {
    const id = nextSnowflake();
    const content = Buffer.from(file.content ?? '');
    const contentType = file.contentType ?? 'application/octet-stream';
    const path = `${ATTACHMENTS_PATH}/${channelId}/${id}/${encodeURIComponent(file.filename)}`;
    this.#attachments.set(path, { content, contentType });
    return {
      id,
      filename: file.filename,
      size: content.length,
      url: `${this.baseUrl}${path}`,
      proxy_url: `${this.baseUrl}${path}`,
      content_type: contentType,
    };
  }

  #commandIdFor(name: string, guildId: string | undefined): string | undefined {
    const scopes = [guildId ?? FAKE_GUILD_ID, 'global'];
    for (const scope of scopes) {
      const command = this.#commands.get(scope)?.find((c) => c.name === name && c.type === ApplicationCommandType.ChatInput);
      if (command) return command.id;
    }
    return undefined;
  }

  // --- routes --------------------------------------------------------------------------------

  #buildRoutes(): Route[] {
    const route = (method: HttpMethod, template: string, auth: boolean, handle: Route['handle']): Route => ({
      method,
      template,
      pattern: routePattern(template),
      auth,
      handle,
    });
    const gatewayBot: RESTGetAPIGatewayBotResult = {
      url: this.gatewayUrl,
      shards: this.#shardCount,
      session_start_limit: SESSION_START_LIMIT,
    };
    return [
      route('GET', '/gateway', false, () => ({ status: 200, body: { url: this.gatewayUrl } })),
      route('GET', '/gateway/bot', true, () => ({ status: 200, body: gatewayBot })),
      route('GET', '/users/@me', true, () => ({ status: 200, body: BOT_USER })),
      route('GET', '/applications/@me', true, () => ({ status: 200, body: makeApplication() })),

      route('GET', '/applications/:applicationId/commands', true, (ctx) => this.#getCommands(ctx, 'global')),
      route('PUT', '/applications/:applicationId/commands', true, (ctx) => this.#putCommands(ctx, 'global')),
      route('POST', '/applications/:applicationId/commands', true, (ctx) => this.#postCommand(ctx, 'global')),
      route('DELETE', '/applications/:applicationId/commands/:commandId', true, (ctx) => this.#deleteCommand(ctx, 'global')),
      route('GET', '/applications/:applicationId/guilds/:guildId/commands', true, (ctx) => this.#getCommands(ctx, 'guild')),
      route('PUT', '/applications/:applicationId/guilds/:guildId/commands', true, (ctx) => this.#putCommands(ctx, 'guild')),
      route('POST', '/applications/:applicationId/guilds/:guildId/commands', true, (ctx) => this.#postCommand(ctx, 'guild')),
      route('DELETE', '/applications/:applicationId/guilds/:guildId/commands/:commandId', true, (ctx) => this.#deleteCommand(ctx, 'guild')),

      route('POST', '/interactions/:interactionId/:token/callback', false, (ctx) => this.#interactionCallback(ctx)),
      route('POST', '/webhooks/:applicationId/:token', false, (ctx) => this.#followUp(ctx)),
      route('GET', '/webhooks/:applicationId/:token/messages/:messageId', false, (ctx) => this.#webhookMessage(ctx, 'fetch')),
      route('PATCH', '/webhooks/:applicationId/:token/messages/:messageId', false, (ctx) => this.#webhookMessage(ctx, 'edit')),
      route('DELETE', '/webhooks/:applicationId/:token/messages/:messageId', false, (ctx) => this.#webhookMessage(ctx, 'delete')),
    ];
  }

  /** The command list for a route's scope, or an error response when the app/guild is not ours. */
  #commandScope(ctx: RouteContext, scope: 'global' | 'guild'): { key: string } | RouteResponse {
    if (ctx.params.applicationId !== this.applicationId) return { status: 403, body: missingAccess() };
    if (scope === 'global') return { key: 'global' };
    if (ctx.params.guildId !== this.guildId) return { status: 403, body: missingAccess() };
    return { key: this.guildId };
  }

  #getCommands(ctx: RouteContext, scope: 'global' | 'guild'): RouteResponse {
    const target = this.#commandScope(ctx, scope);
    if ('status' in target) return target;
    return { status: 200, body: this.#commands.get(target.key) ?? [] };
  }

  #putCommands(ctx: RouteContext, scope: 'global' | 'guild'): RouteResponse {
    const target = this.#commandScope(ctx, scope);
    if ('status' in target) return target;
    const error = validateCommandList(ctx.body);
    if (error) return { status: 400, body: error };
    const existing = this.#commands.get(target.key) ?? [];
    const stored = (ctx.body as Record<string, unknown>[]).map((command) => this.#storeCommand(command, existing, target.key));
    this.#commands.set(target.key, stored);
    return { status: 200, body: stored };
  }

  #postCommand(ctx: RouteContext, scope: 'global' | 'guild'): RouteResponse {
    const target = this.#commandScope(ctx, scope);
    if ('status' in target) return target;
    const error = validateCommand(ctx.body);
    if (error) return { status: 400, body: error };
    const existing = this.#commands.get(target.key) ?? [];
    const command = this.#storeCommand(ctx.body as Record<string, unknown>, existing, target.key);
    const replaced = existing.some((c) => c.id === command.id);
    this.#commands.set(target.key, [...existing.filter((c) => c.id !== command.id), command]);
    return { status: replaced ? 200 : 201, body: command };
  }

  #deleteCommand(ctx: RouteContext, scope: 'global' | 'guild'): RouteResponse {
    const target = this.#commandScope(ctx, scope);
    if ('status' in target) return target;
    const existing = this.#commands.get(target.key) ?? [];
    if (!existing.some((c) => c.id === ctx.params.commandId)) {
      return { status: 404, body: { code: 10063, message: 'Unknown application command' } };
    }
    this.#commands.set(
      target.key,
      existing.filter((c) => c.id !== ctx.params.commandId),
    );
    return { status: 204 };
  }

  /** Discord keeps a command's id when a bulk overwrite keeps its name and type. */
  #storeCommand(body: Record<string, unknown>, existing: APIApplicationCommand[], scopeKey: string): APIApplicationCommand {
    const type = (body.type as ApplicationCommandType | undefined) ?? ApplicationCommandType.ChatInput;
    const previous = existing.find((c) => c.name === body.name && c.type === type);
    return {
      default_member_permissions: null,
      nsfw: false,
      description: '',
      integration_types: [0],
      contexts: null,
      ...body,
      type,
      id: previous?.id ?? nextSnowflake(),
      application_id: this.applicationId,
      version: nextSnowflake(),
      ...(scopeKey === 'global' ? {} : { guild_id: scopeKey }),
    } as APIApplicationCommand;
  }

  #interactionCallback(ctx: RouteContext): RouteResponse {
    const state = this.#interactions.get(ctx.params.interactionId ?? '');
    if (!state || state.token !== ctx.params.token) return { status: 404, body: unknownInteraction() };
    const body = (isRecord(ctx.body) ? ctx.body : {}) as unknown as APIInteractionResponse;
    const elapsedMs = ctx.receivedAt - state.dispatchedAt;
    const record = (status: number, error: DiscordErrorBody | null): RouteResponse => {
      state.callbacks.push({
        interactionId: state.id,
        type: body.type,
        body,
        files: ctx.files,
        status,
        error,
        elapsedMs,
        at: Date.now(),
      });
      return { status, body: error ?? undefined };
    };

    if (elapsedMs > this.#ackTimeoutMs || state.expired) return record(404, unknownInteraction());
    if (state.acknowledgedWith !== null) {
      return record(400, { code: DiscordErrorCode.InteractionAlreadyAcknowledged, message: 'Interaction has already been acknowledged.' });
    }
    if (!(INTERACTION_CALLBACK_TYPES[state.payload.type] ?? []).includes(body.type)) {
      const errors = new FormErrors();
      errors.add(
        ['type'],
        'INTERACTION_RESPONSE_TYPE_INVALID',
        `Callback type ${String(body.type)} is not valid for interaction type ${state.payload.type}`,
      );
      return record(400, errors.toBody());
    }
    const data: Record<string, unknown> = 'data' in body && isRecord(body.data) ? body.data : {};
    const hasFiles = ctx.files.length > 0;
    const validationError =
      body.type === InteractionResponseType.ChannelMessageWithSource
        ? validateMessage(data, { isCreate: true, hasFiles, path: ['data'] })
        : body.type === InteractionResponseType.UpdateMessage
          ? validateMessage(data, { isCreate: false, hasFiles, path: ['data'] })
          : body.type === InteractionResponseType.ApplicationCommandAutocompleteResult
            ? validateAutocompleteChoices(data)
            : null;
    if (validationError) return record(400, validationError);

    state.acknowledgedWith = body.type;
    const channelId = state.payload.channel?.id ?? this.channelId;
    switch (body.type) {
      case InteractionResponseType.ChannelMessageWithSource:
        state.original = this.#messageFrom(state, data, ctx.files, channelId);
        break;
      case InteractionResponseType.DeferredChannelMessageWithSource:
        state.original = this.#messageFrom(
          state,
          { flags: (Number(data.flags ?? 0) & MessageFlags.Ephemeral) | MessageFlags.Loading },
          [],
          channelId,
        );
        break;
      case InteractionResponseType.UpdateMessage:
        state.original = state.payload.message ? this.#patchMessage(state.payload.message, data, ctx.files, channelId) : null;
        break;
      case InteractionResponseType.DeferredMessageUpdate:
        state.original = state.payload.message ?? null;
        break;
      default:
        break;
    }
    const response = record(ctx.query.get('with_response') === 'true' ? 200 : 204, null);
    if (response.status === 200) response.body = this.#callbackResponse(state, body.type);
    return response;
  }

  /** The `?with_response=true` body (InteractionCallbackResponse). */
  #callbackResponse(state: FakeInteraction, type: InteractionResponseType): unknown {
    const message = state.original;
    return {
      interaction: {
        id: state.id,
        type: state.payload.type,
        activity_instance_id: null,
        response_message_id: message?.id ?? null,
        response_message_loading: Boolean((message?.flags ?? 0) & MessageFlags.Loading),
        response_message_ephemeral: Boolean((message?.flags ?? 0) & MessageFlags.Ephemeral),
      },
      resource: { type, ...(message ? { message } : {}) },
    };
  }

  /** The interaction behind /webhooks/:applicationId/:token, once acknowledged. */
  #webhookInteraction(ctx: RouteContext): FakeInteraction | undefined {
    if (ctx.params.applicationId !== this.applicationId) return undefined;
    const state = this.#interactionsByToken.get(ctx.params.token ?? '');
    return state?.acknowledgedWith === null ? undefined : state;
  }

  #followUp(ctx: RouteContext): RouteResponse {
    const state = this.#webhookInteraction(ctx);
    if (!state) return { status: 404, body: unknownWebhook() };
    const record = (status: number, messageId: string, error: DiscordErrorBody | null): void => {
      state.webhookCalls.push({
        kind: 'follow-up',
        messageId,
        body: ctx.body,
        files: ctx.files,
        status,
        error,
        elapsedMs: ctx.receivedAt - state.dispatchedAt,
        at: Date.now(),
      });
    };
    const error = validateMessage(ctx.body, { isCreate: true, hasFiles: ctx.files.length > 0, path: [] });
    if (error) {
      record(400, '', error);
      return { status: 400, body: error };
    }
    const data = isRecord(ctx.body) ? ctx.body : {};
    const channelId = state.payload.channel?.id ?? this.channelId;
    let message: APIMessage;
    if (state.original && (state.original.flags ?? 0) & MessageFlags.Loading) {
      // Discord: the first follow-up after a deferred reply replaces the "thinking…" message.
      message = this.#patchMessage(state.original, data, ctx.files, channelId);
      state.original = message;
    } else {
      message = this.#messageFrom(state, data, ctx.files, channelId);
      state.followUps.push(message);
    }
    record(200, message.id, null);
    return ctx.query.get('wait') === 'true' ? { status: 200, body: message } : { status: 204 };
  }

  #webhookMessage(ctx: RouteContext, kind: 'fetch' | 'edit' | 'delete'): RouteResponse {
    const state = this.#webhookInteraction(ctx);
    if (!state) return { status: 404, body: unknownWebhook() };
    const messageId = ctx.params.messageId ?? '';
    const record = (response: RouteResponse): RouteResponse => {
      const error = response.status >= 400 ? (response.body as DiscordErrorBody) : null;
      state.webhookCalls.push({
        kind,
        messageId,
        body: ctx.body,
        files: ctx.files,
        status: response.status,
        error,
        elapsedMs: ctx.receivedAt - state.dispatchedAt,
        at: Date.now(),
      });
      return response;
    };
    const isOriginal = messageId === '@original' || messageId === state.original?.id;
    const current = isOriginal ? state.original : state.followUps.find((m) => m.id === messageId);
    if (!current) return record({ status: 404, body: unknownMessage() });

    switch (kind) {
      case 'fetch':
        return record({ status: 200, body: current });
      case 'delete':
        if (isOriginal) state.original = null;
        else state.followUps.splice(state.followUps.indexOf(current), 1);
        return record({ status: 204 });
      case 'edit': {
        const error = validateMessage(ctx.body, { isCreate: false, hasFiles: ctx.files.length > 0, path: [] });
        if (error) return record({ status: 400, body: error });
        const updated = this.#patchMessage(current, isRecord(ctx.body) ? ctx.body : {}, ctx.files, current.channel_id);
        if (isOriginal) state.original = updated;
        else state.followUps.splice(state.followUps.indexOf(current), 1, updated);
        return record({ status: 200, body: updated });
      }
    }
  }

  #messageFrom(state: FakeInteraction, data: Record<string, unknown>, files: RecordedFile[], channelId: string): APIMessage {
    const payload = state.payload;
    const user = payload.member?.user ?? payload.user ?? BOT_USER;
    return makeBotMessage({
      channelId,
      guildId: payload.guild_id,
      content: typeof data.content === 'string' ? data.content : '',
      embeds: Array.isArray(data.embeds) ? (data.embeds as APIMessage['embeds']) : [],
      components: Array.isArray(data.components) ? (data.components as APIMessage['components']) : [],
      attachments: this.#attachmentsFrom(files, channelId),
      flags: Number(data.flags ?? 0) & (SETTABLE_MESSAGE_FLAGS | MessageFlags.Loading),
      interaction: { id: state.id, type: payload.type, user },
    });
  }

  /** Apply an edit body: given fields replace the old ones; the loading flag is cleared. */
  #patchMessage(message: APIMessage, data: Record<string, unknown>, files: RecordedFile[], channelId: string): APIMessage {
    const flags = ((message.flags ?? 0) & ~MessageFlags.Loading) | (Number(data.flags ?? 0) & SETTABLE_MESSAGE_FLAGS);
    return {
      ...message,
      ...(typeof data.content === 'string' || data.content === null ? { content: data.content ?? '' } : {}),
      ...(Array.isArray(data.embeds) ? { embeds: data.embeds as APIMessage['embeds'] } : {}),
      ...(Array.isArray(data.components) ? { components: data.components as APIMessage['components'] } : {}),
      ...(files.length > 0 ? { attachments: this.#attachmentsFrom(files, channelId) } : {}),
      flags,
      edited_timestamp: new Date().toISOString(),
    };
  }

  #attachmentsFrom(files: RecordedFile[], channelId: string): APIAttachment[] {
    return files.map((file) =>
      this.#hostAttachment(channelId, { filename: file.name, content: file.content, contentType: file.contentType }),
    );
  }
}

// ---------------------------------------------------------------------------------------------
// Helpers

function matches(matcher: RequestMatcher, request: RecordedRequest): boolean {
  if (matcher.method && matcher.method.toUpperCase() !== request.method) return false;
  if (matcher.path instanceof RegExp) return matcher.path.test(request.path);
  return matcher.path === request.path || request.route?.endsWith(` ${matcher.path}`) === true;
}

function decodePathSegment(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}

function readBody(req: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

/** JSON bodies are parsed; multipart bodies give `payload_json` as the body plus the uploaded files. */
async function parseBody(headers: IncomingHttpHeaders, raw: Buffer): Promise<{ body: unknown; files: RecordedFile[] }> {
  const contentType = headers['content-type'] ?? '';
  if (raw.length === 0) return { body: undefined, files: [] };
  if (contentType.startsWith('multipart/form-data')) {
    const form = await new Response(raw, { headers: { 'content-type': contentType } }).formData();
    const files: RecordedFile[] = [];
    let body: unknown;
    for (const [field, value] of form.entries()) {
      if (typeof value === 'string') {
        if (field === 'payload_json') body = JSON.parse(value) as unknown;
        continue;
      }
      const content = Buffer.from(await value.arrayBuffer());
      files.push({ field, name: value.name, contentType: value.type, size: content.length, content });
    }
    return { body, files };
  }
  if (contentType.startsWith('application/json')) return { body: JSON.parse(raw.toString('utf8')) as unknown, files: [] };
  return { body: raw.toString('utf8'), files: [] };
}

/** Start the fake on 127.0.0.1 (random port). Remember `await fake.close()`. */
export async function startFakeDiscord(options: FakeDiscordOptions = {}): Promise<FakeDiscord> {
  const server = http.createServer();
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      server.off('error', reject);
      resolve();
    });
  });
  return new FakeDiscord(server, options);
}
