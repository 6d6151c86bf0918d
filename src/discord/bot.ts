import { Events, type Client, type Interaction, type RESTOptions } from 'discord.js';
import type { Config } from '../config.js';
import type { FeedbackStore } from '../feedback/feedbackStore.js';
import type { Logger } from '../logger.js';
import type { AnswerService } from '../service/answerService.js';
import { CorpusStore } from '../service/corpusStore.js';
import { BUTTON_HANDLERS } from './answerButtonHandlers.js';
import { createClient } from './client.js';
import { unreadableGatewayAnswer } from './gatewayAnswer.js';
import { DiscordLoginError } from './loginError.js';
import { LostInteractions } from './lostInteractions.js';
import type { SlashCommand } from './commandTypes.js';
import { questionRateLimiter } from './rateLimit.js';
import { createInteractionRouter } from './router.js';

/** How long stop() waits for interactions being answered before closing the connection. */
const STOP_GRACE_MS = 5_000;

export interface BotOptions {
  config: Config;
  logger: Logger;
  service: AnswerService;
  /** Where unanswered questions, the answers' buttons and votes are kept. */
  feedback: FeedbackStore;
  /** The commands to serve (the entry points pass every module of `commands/`). */
  commands: readonly SlashCommand[];
  /** The corpus store for the moderators' commands (default: one over the service's folder). */
  store?: CorpusStore;
  /** Extra REST options (tests shorten timeouts; the defaults are in client.ts). */
  rest?: Partial<RESTOptions>;
}

export interface Bot {
  client: Client;
  /** Waits briefly for interactions in progress, then closes the Discord connection. */
  stop(): Promise<void>;
}

/**
 * Connects to Discord and answers the slash commands. Resolves once the gateway is READY. Commands
 * are not registered here (see `npm run deploy-commands`): registering on every start is slow and
 * rate-limited, and Discord keeps them anyway.
 * @throws Error when no token is configured; DiscordLoginError when the login fails (the message
 * says where and why, never with the token).
 */
export async function startBot(options: BotOptions): Promise<Bot> {
  const { config, logger, service, feedback, commands } = options;
  if (config.discordToken === null) throw new Error('DISCORD_TOKEN is not set: the bot cannot log in to Discord');
  const store = options.store ?? new CorpusStore(service, logger);
  // The interactions Discord answered 10062 for: the REST guard sends nothing more for them.
  const lost = new LostInteractions(logger);
  const client = createClient(config, options.rest, { logger, lost });
  const rateLimiter = questionRateLimiter(config.questionRateLimit);
  const route = createInteractionRouter({
    commands,
    buttons: BUTTON_HANDLERS,
    context: { service, store, config, feedback },
    logger,
    rateLimiter,
    lost,
  });

  const inFlight = new Set<Promise<void>>();
  client.on(Events.InteractionCreate, (interaction: Interaction) => {
    const handling = route(interaction).finally(() => inFlight.delete(handling));
    inFlight.add(handling);
  });
  client.on(Events.Error, (error) => logger.error({ err: error }, 'discord client error'));
  client.on(Events.Warn, (message) => logger.warn({ message }, 'discord client warning'));
  client.on(Events.ShardDisconnect, (event, shard) => logger.warn({ code: event.code, shard }, 'gateway disconnected'));
  // Discord closes gateway connections now and then; discord.js resumes the session (events sent
  // meanwhile are replayed) or, when it cannot, identifies again. Logged so that an outage shows.
  client.on(Events.ShardReconnecting, (shard) => logger.warn({ shard }, 'gateway connection lost: reconnecting'));
  client.on(Events.ShardResume, (shard, replayed) => logger.info({ shard, replayed }, 'gateway resumed'));
  client.on(Events.ShardReady, (shard) => logger.info({ shard }, 'gateway session ready'));
  client.on(Events.ShardError, (error, shard) => logger.warn({ err: error, shard }, 'gateway connection error'));

  const ready = new Promise<Client<true>>((resolve) => client.once(Events.ClientReady, resolve));
  try {
    await client.login(config.discordToken);
    const readyClient = await ready;
    logger.info(
      {
        user: readyClient.user.tag,
        guilds: readyClient.guilds.cache.size,
        commands: commands.map((c) => c.definition.name),
        questionRateLimit: config.questionRateLimit ?? 'off',
      },
      'connected to Discord',
    );
  } catch (error) {
    // discord.js reading an answer that is not Discord's fails with a TypeError; say what came back instead.
    const unreadable = await unreadableGatewayAnswer(client.rest, config.discordToken, error);
    await client.destroy();
    throw new DiscordLoginError(config.apiUrl, unreadable === null ? error : new Error(unreadable, { cause: error }));
  }

  return {
    client,
    async stop() {
      client.removeAllListeners(Events.InteractionCreate);
      if (inFlight.size > 0) {
        logger.info({ interactions: inFlight.size }, 'waiting for interactions in progress');
        let timer: NodeJS.Timeout | undefined;
        const grace = new Promise<void>((resolve) => {
          timer = setTimeout(resolve, STOP_GRACE_MS);
        });
        await Promise.race([Promise.allSettled([...inFlight]), grace]);
        clearTimeout(timer);
      }
      await client.destroy();
      lost.flush();
      logger.info('disconnected from Discord');
    },
  };
}
