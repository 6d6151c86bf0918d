// Starts the real bot (src/discord/bot.ts, real discord.js client) against the fake Discord, over
// a temporary copy of a corpus folder, with a logger that records every line. Tests then send
// interactions and read what the bot answered.
//
//   const h = await startBotHarness();
//   const reply = await h.command({ name: 'when', options: { query: 'summit with Xi' } });
//   expect(reply.message.content).toContain('**');
//   await h.close();

import { cp, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect } from 'vitest';
import type { RESTOptions } from 'discord.js';
import { InteractionResponseType, MessageFlags } from 'discord-api-types/v10';
import type { APIEmbed } from 'discord-api-types/v10';
import { COMMANDS } from '../../commands/index.js';
import { startBot, type Bot } from '../../src/discord/bot.js';
import type { SlashCommand } from '../../src/discord/commandTypes.js';
import { DEFAULT_FEEDBACK_RETENTION_DAYS, DEFAULT_URL_INGEST, type Config } from '../../src/config.js';
import { createLogger, type Logger } from '../../src/logger.js';
import type { BuildRequest, BuiltCorpus } from '../../src/service/corpusBuild.js';
import { AnswerService } from '../../src/service/answerService.js';
import { CorpusStore } from '../../src/service/corpusStore.js';
import { FeedbackStore } from '../../src/feedback/feedbackStore.js';
import { makeRole, startFakeDiscord } from './fakeDiscord.js';
import type {
  FakeDiscordOptions,
  AutocompleteInteractionInit,
  ButtonInteractionInit,
  FakeCommandInteractionInit,
  FakeDiscord,
  InteractionCallbackRecord,
  RecordedFile,
  SentInteraction,
  WebhookCallRecord,
} from './fakeDiscord.js';

/** The seed corpus of the repository. */
export const SEED_CORPUS_DIR = fileURLToPath(new URL('../../corpus', import.meta.url));
/** A role listed in MODERATOR_ROLE_IDS (it exists in the fake guild). */
export const MODERATOR_ROLE_ID = '1300000000000000050';
/** Another guild the bot is used in (not the home guild). */
export const OTHER_GUILD_ID = '1300000000000000060';
/** Manage Server, as Discord sends it in member.permissions. */
export const MANAGE_GUILD = 1n << 5n;

export interface LogRecord {
  level: number;
  msg?: string;
  [key: string]: unknown;
}

/** A message the bot sent: the body of a reply (callback data) or of an edit/follow-up. */
export interface SentMessage {
  content?: string;
  embeds?: APIEmbed[];
  /** Rows of buttons. */
  components?: Array<{ type: number; components: Array<{ type: number; custom_id?: string; label?: string }> }>;
  flags?: number;
  allowed_mentions?: { parse?: string[] };
  /** The metadata of uploaded files (ids, descriptions). */
  attachments?: Array<{ id: string | number; description?: string; filename?: string }>;
}

export interface BotReply {
  sent: SentInteraction;
  /** The first callback: 4 (reply) or 5 (deferred). */
  first: InteractionCallbackRecord;
  /** The edit of the deferred reply, when there was one. */
  edit: WebhookCallRecord | null;
  /** What the user ends up seeing: the reply's data, or the edit's body. */
  message: SentMessage;
  /** The files uploaded with that reply or edit (multipart), e.g. a picture. */
  files: RecordedFile[];
}

export interface HarnessOptions {
  /** Corpus folder to copy (default: the seed corpus). */
  corpusDir?: string;
  /** Replaces how a change reads and indexes the corpus (e.g. to hold a reload half-way). */
  build?: (request: BuildRequest) => Promise<BuiltCorpus>;
  /** The commands to serve (default: every module of `commands/`, as the bot's entry points serve). */
  commands?: readonly SlashCommand[];
  config?: Partial<Config>;
  /** REST options for the bot's client (default: 5 s timeout, 1 retry); fault tests shorten the timeout. */
  rest?: Partial<RESTOptions>;
  /** Options of the fake Discord (e.g. a short heartbeat interval); the moderator role is always added. */
  fake?: Omit<FakeDiscordOptions, 'guild'>;
  /** The feedback store's clock (default: the real one). */
  now?: () => number;
}

export interface BotHarness {
  fake: FakeDiscord;
  bot: Bot;
  service: AnswerService;
  store: CorpusStore;
  /** The feedback store (unanswered questions, answers' buttons, votes), in a temporary folder. */
  feedback: FeedbackStore;
  config: Config;
  /** The temporary corpus folder the bot serves. */
  corpusDir: string;
  logs: LogRecord[];
  logger: Logger;
  /** Sends a slash command and waits for the reply (or the deferred reply and its edit). */
  command(init: FakeCommandInteractionInit, options?: { timeoutMs?: number }): Promise<BotReply>;
  /** Presses a button and waits for the bot's first callback (update 7, reply 4, deferred update 6). */
  press(
    init: ButtonInteractionInit,
    options?: { timeoutMs?: number },
  ): Promise<{ sent: SentInteraction; first: InteractionCallbackRecord }>;
  /** Sends an autocomplete request and returns the choices. */
  autocomplete(init: AutocompleteInteractionInit): Promise<Array<{ name: string; value: string }>>;
  close(): Promise<void>;
}

/**
 * The bot's own logger (src/logger.ts, with its redaction of `secrets`), keeping every line as an
 * object instead of writing it (no output).
 */
export function memoryLogger(options: { secrets?: readonly string[] } = {}): { logger: Logger; logs: LogRecord[] } {
  const logs: LogRecord[] = [];
  const destination = { write: (line: string) => void logs.push(JSON.parse(line) as LogRecord) };
  const logger = createLogger({ level: 'debug', pretty: false, secrets: options.secrets, destination });
  return { logger, logs };
}

/** A temporary copy of a corpus folder (without its `.removed/`). */
export async function copyCorpus(from: string = SEED_CORPUS_DIR): Promise<string> {
  const dir = await mkdtemp(path.join(tmpdir(), 'bot-corpus-'));
  await cp(from, dir, {
    recursive: true,
    filter: (source) => !source.split(path.sep).some((part) => part === '.removed' || part.startsWith('.tmp-')),
  });
  return dir;
}

export async function startBotHarness(options: HarnessOptions = {}): Promise<BotHarness> {
  const fake = await startFakeDiscord({
    ...options.fake,
    guild: { roles: [makeRole({ id: MODERATOR_ROLE_ID, name: 'Corpus moderators' })] },
  });
  const corpusDir = await copyCorpus(options.corpusDir);
  const feedbackDir = await mkdtemp(path.join(tmpdir(), 'bot-feedback-'));
  const { logger, logs } = memoryLogger({ secrets: [fake.token] });
  const config: Config = {
    discordToken: fake.token,
    applicationId: fake.applicationId,
    guildId: fake.guildId,
    apiUrl: fake.apiUrl,
    corpusDir,
    indexCacheDir: null,
    logLevel: 'debug',
    moderatorRoleIds: [MODERATOR_ROLE_ID],
    production: false,
    // Off unless a test turns it on: tests ask many questions as the same member.
    questionRateLimit: null,
    // The tests' web pages are served on 127.0.0.1; short waits so refusals and time-outs come quickly.
    urlIngest: { ...DEFAULT_URL_INGEST, allow: ['127.0.0.1'], timeoutMs: 10_000 },
    feedbackDb: path.join(feedbackDir, 'feedback.sqlite'),
    feedbackRecordMemberIds: false,
    feedbackRetentionDays: DEFAULT_FEEDBACK_RETENTION_DAYS,
    ...options.config,
  };
  const feedback = FeedbackStore.open({
    file: config.feedbackDb,
    recordMemberIds: config.feedbackRecordMemberIds,
    retentionDays: config.feedbackRetentionDays,
    now: options.now,
  });
  const service = new AnswerService(corpusDir, logger, { build: options.build });
  await service.open();
  const store = new CorpusStore(service, logger);
  const bot = await startBot({
    config,
    logger,
    service,
    store,
    feedback,
    commands: options.commands ?? COMMANDS,
    rest: { timeout: 5_000, retries: 1, ...options.rest },
  });

  const command = async (init: FakeCommandInteractionInit, waitOptions: { timeoutMs?: number } = {}): Promise<BotReply> => {
    const sent = await fake.sendInteraction(fake.commandInteraction(init));
    const first = await fake.waitForResponse(sent.id, waitOptions);
    if (first.type === InteractionResponseType.DeferredChannelMessageWithSource) {
      const edit = await fake.waitForEdit(sent.token, waitOptions);
      return { sent, first, edit, message: edit.body as SentMessage, files: edit.files };
    }
    const data = 'data' in first.body ? (first.body.data as SentMessage) : {};
    return { sent, first, edit: null, message: data, files: first.files };
  };

  const press = async (init: ButtonInteractionInit, waitOptions: { timeoutMs?: number } = {}) => {
    const sent = await fake.sendInteraction(fake.buttonInteraction(init));
    return { sent, first: await fake.waitForResponse(sent.id, waitOptions) };
  };

  const autocomplete = async (init: AutocompleteInteractionInit) => {
    const sent = await fake.sendInteraction(fake.autocompleteInteraction(init));
    const response = await fake.waitForResponse(sent.id);
    const body = response.body as { data?: { choices?: Array<{ name: string; value: string }> } };
    return body.data?.choices ?? [];
  };

  return {
    fake,
    bot,
    service,
    store,
    feedback,
    config,
    corpusDir,
    logs,
    logger,
    command,
    press,
    autocomplete,
    async close() {
      await bot.stop();
      await fake.close();
      await service.whenSettled();
      feedback.close();
      await rm(corpusDir, { recursive: true, force: true });
      await rm(feedbackDir, { recursive: true, force: true });
    },
  };
}

/** Every message body the bot sent: replies and updates (callbacks 4 and 7), edits and follow-ups. */
export function sentMessages(fake: FakeDiscord): Array<{ route: string; body: SentMessage }> {
  const messages: Array<{ route: string; body: SentMessage }> = [];
  for (const request of fake.requests) {
    if (request.route === null || typeof request.body !== 'object' || request.body === null) continue;
    if (request.route.endsWith('/callback')) {
      const body = request.body as { type?: number; data?: SentMessage };
      if (body.type === InteractionResponseType.ChannelMessageWithSource || body.type === InteractionResponseType.UpdateMessage) {
        messages.push({ route: request.route, body: body.data ?? {} });
      }
    } else if (request.route.startsWith('PATCH /webhooks/') || request.route === 'POST /webhooks/:applicationId/:token') {
      messages.push({ route: request.route, body: request.body as SentMessage });
    }
  }
  return messages;
}

/**
 * What every end-to-end test checks after each case: no message the bot sent can ping anyone
 * (allowed_mentions parses nothing), and it made no request the fake Discord does not know.
 */
export function expectSafeTraffic(fake: FakeDiscord): void {
  for (const { route, body } of sentMessages(fake)) {
    expect(body.allowed_mentions, `${route}: ${JSON.stringify(body).slice(0, 200)}`).toEqual({ parse: [] });
  }
  expect(fake.unexpectedRequests()).toEqual([]);
}

/** True when a message is ephemeral (flags 64). */
export function isEphemeral(message: { flags?: number }): boolean {
  return ((message.flags ?? 0) & MessageFlags.Ephemeral) !== 0;
}
