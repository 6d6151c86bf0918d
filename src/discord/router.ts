import { randomBytes } from 'node:crypto';
import {
  MessageFlags,
  type AutocompleteInteraction,
  type ButtonInteraction,
  type ChatInputCommandInteraction,
  type Interaction,
} from 'discord.js';
import type { Logger } from '../logger.js';
import { AnswerQueue } from './answerQueue.js';
import { isUnknownInteraction, type LostInteractions } from './lostInteractions.js';
import { answerInTurn, autocompleteInTurn, interactionCreatedAt } from './pacedAnswer.js';
import type { ButtonHandler, CommandContext, SlashCommand } from './commandTypes.js';
import { safeMessage } from './messageOptions.js';
import { sendEphemeral } from './respond.js';
import { corpusReplyOf, deferButtonUpdate, deferReplyAs, waitForSettledCorpus } from './settledCorpus.js';
import { rateLimitedMessage, type QuestionRateLimiter } from './rateLimit.js';

export interface RouterOptions {
  commands: readonly SlashCommand[];
  /**
   * The bot's buttons, by custom-id prefix (the part before the first colon). Presses of other
   * buttons are left alone: a message component collector may be waiting for them.
   */
  buttons?: readonly ButtonHandler[];
  /** What every handler gets, except the logger (each interaction gets its own child logger). */
  context: Omit<CommandContext, 'logger'>;
  logger: Logger;
  /** The per-user limit on the commands marked `rateLimited`; none when null or absent. */
  rateLimiter?: QuestionRateLimiter | null;
  /**
   * Where the questions (the `rateLimited` commands) and autocomplete wait for their turn to be
   * answered (default: a queue of its own, which logs a line after each backlog).
   */
  answerQueue?: AnswerQueue;
  /**
   * The interactions Discord answered 10062 Unknown interaction for (kept by the REST guard): a
   * failure on one of them is not reported to the user, who can no longer be told anything.
   */
  lost?: LostInteractions;
}

/** A short id for an error, shown to the user and written in the log next to the details. */
export function newErrorId(): string {
  return randomBytes(4).toString('hex');
}

/** The message a user sees when their command failed. */
export function errorMessageFor(errorId: string): string {
  return `Sorry, something went wrong while answering. Error id: \`${errorId}\` (the bot’s log has the details).`;
}

/**
 * Routes interactions to the command modules: slash commands to `execute` (those marked
 * `rateLimited` only while the user is within the question limit; beyond it they get a private
 * "ask again in…" instead), autocomplete to `autocomplete`, button presses to the button handler
 * registered for their custom id's prefix. Never rejects: a handler's error is logged with a fresh
 * error id, and the user is told that id in a short ephemeral message; anything else (unknown
 * commands, buttons of no registered prefix) is answered or ignored without failing. An
 * interaction Discord no longer knows (10062 Unknown interaction) is dropped without a word: it was
 * logged once where Discord said so, and nothing can be sent for it.
 */
export function createInteractionRouter(options: RouterOptions): (interaction: Interaction) => Promise<void> {
  const byName = new Map(options.commands.map((command) => [command.definition.name, command]));
  const { logger } = options;
  const queue =
    options.answerQueue ??
    new AnswerQueue({
      onBacklogCleared: (report) =>
        logger.info(
          { acknowledgedFirst: report.acknowledgedFirst, oldestMs: Math.round(report.oldestMs) },
          'backlog answered: interactions were acknowledged before their answers',
        ),
    });
  const buttonsByPrefix = new Map((options.buttons ?? []).map((handler) => [handler.prefix, handler]));
  /** Tells the user their command failed, unless Discord no longer knows the interaction. */
  const reportError = async (interaction: ChatInputCommandInteraction | ButtonInteraction, errorId: string, log: Logger): Promise<void> => {
    if (options.lost?.isLost(interaction.token) === true)
      log.debug({ errorId }, 'the user cannot be told about the error: the interaction is lost');
    else await tellError(interaction, errorId, log);
  };

  return async (interaction) => {
    try {
      if (interaction.isChatInputCommand()) await runCommand(interaction);
      else if (interaction.isAutocomplete()) await runAutocomplete(interaction);
      else if (interaction.isButton() && buttonsByPrefix.has(buttonPrefix(interaction.customId))) await runButton(interaction);
      else logger.debug({ interactionId: interaction.id, type: interaction.type }, 'interaction ignored');
    } catch (error) {
      // Only reachable if reporting an error itself failed in an unexpected way.
      logger.error({ err: error, interactionId: interaction.id }, 'interaction handling failed');
    }
  };

  async function runCommand(interaction: ChatInputCommandInteraction): Promise<void> {
    const log = logger.child({
      interactionId: interaction.id,
      command: interaction.commandName,
      subcommand: interaction.options.getSubcommand(false) ?? undefined,
      user: interaction.user.id,
      guild: interaction.guildId,
    });
    const started = performance.now();
    const createdAt = interactionCreatedAt(interaction, started);
    const command = byName.get(interaction.commandName);
    if (command === undefined) {
      log.warn('unknown command: were the commands deployed from another version?');
      await interaction.reply({
        ...safeMessage({ content: 'This bot does not know that command (any more). Try /sources or /ask.' }),
        flags: MessageFlags.Ephemeral,
      });
      return;
    }
    if (command.rateLimited === true && options.rateLimiter != null) {
      const decision = options.rateLimiter.take(interaction.user.id);
      if (!decision.allowed) {
        log.warn({ retryAfterMs: decision.retryAfterMs }, 'question refused: per-user rate limit');
        await sendEphemeral(interaction, rateLimitedMessage(options.rateLimiter.limit, decision.retryAt));
        return;
      }
    }
    try {
      const execute = () => command.execute(interaction, { ...options.context, logger: log });
      const { service } = options.context;
      // What is read from the corpus is read from a settled one: during a change, deferred, then answered.
      const reply = corpusReplyOf(command, interaction);
      // The questions and /sources (the commands under the question limit) are answered in turn.
      if (command.rateLimited === true) {
        await answerInTurn(queue, interaction, { service, logger: log, createdAt, reply }, execute);
      } else {
        if (reply !== null) await waitForSettledCorpus(service, () => deferReplyAs(interaction, reply));
        await execute();
      }
      log.debug({ ms: Math.round(performance.now() - started) }, 'command handled');
    } catch (error) {
      if (isUnknownInteraction(error)) {
        log.debug({ ms: Math.round(performance.now() - started) }, 'command dropped: the interaction is lost');
        return;
      }
      const errorId = newErrorId();
      log.error({ err: error, errorId, ms: Math.round(performance.now() - started) }, 'command failed');
      await reportError(interaction, errorId, log);
    }
  }

  async function runButton(interaction: ButtonInteraction): Promise<void> {
    const handler = buttonsByPrefix.get(buttonPrefix(interaction.customId));
    if (handler === undefined) return;
    const log = logger.child({
      interactionId: interaction.id,
      button: interaction.customId,
      user: interaction.user.id,
      guild: interaction.guildId,
    });
    const started = performance.now();
    try {
      if (handler.readsCorpus === true) await waitForSettledCorpus(options.context.service, () => deferButtonUpdate(interaction));
      await handler.handle(interaction, { ...options.context, logger: log });
      log.debug({ ms: Math.round(performance.now() - started) }, 'button handled');
    } catch (error) {
      if (isUnknownInteraction(error)) {
        log.debug({ ms: Math.round(performance.now() - started) }, 'button press dropped: the interaction is lost');
        return;
      }
      const errorId = newErrorId();
      log.error({ err: error, errorId, ms: Math.round(performance.now() - started) }, 'button failed');
      await reportError(interaction, errorId, log);
    }
  }

  async function runAutocomplete(interaction: AutocompleteInteraction): Promise<void> {
    const command = byName.get(interaction.commandName);
    const log = logger.child({
      interactionId: interaction.id,
      command: interaction.commandName,
      user: interaction.user.id,
      autocomplete: true,
    });
    const createdAt = interactionCreatedAt(interaction, performance.now());
    try {
      const complete = command?.autocomplete?.bind(command);
      if (complete === undefined) await interaction.respond([]);
      else
        await autocompleteInTurn(queue, interaction, { logger: log, createdAt }, () =>
          complete(interaction, { ...options.context, logger: log }),
        );
    } catch (error) {
      if (isUnknownInteraction(error)) {
        log.debug('autocomplete dropped: the interaction is lost');
        return;
      }
      const errorId = newErrorId();
      log.error({ err: error, errorId }, 'autocomplete failed');
      if (!interaction.responded && options.lost?.isLost(interaction.token) !== true) await interaction.respond([]).catch(() => undefined);
    }
  }
}

/** A button's custom-id prefix: what comes before the first colon. */
function buttonPrefix(customId: string): string {
  const colon = customId.indexOf(':');
  return colon === -1 ? customId : customId.slice(0, colon);
}

/**
 * Tells the user, ephemerally, that their command failed and with which error id. A public deferred
 * reply is deleted first, so the error is not shown to the whole channel (never the message a
 * button is on).
 */
async function tellError(interaction: ChatInputCommandInteraction | ButtonInteraction, errorId: string, log: Logger): Promise<void> {
  const message = safeMessage({ content: errorMessageFor(errorId) });
  try {
    if (interaction.isButton()) {
      // A deferred button press defers an edit of the answer's message, which must not be deleted.
      if (interaction.deferred || interaction.replied) await interaction.followUp({ ...message, flags: MessageFlags.Ephemeral });
      else await interaction.reply({ ...message, flags: MessageFlags.Ephemeral });
    } else if (interaction.deferred && !interaction.replied && interaction.ephemeral === true) {
      await interaction.editReply(message);
    } else if (interaction.deferred || interaction.replied) {
      if (interaction.deferred && !interaction.replied) await interaction.deleteReply().catch(() => undefined);
      await interaction.followUp({ ...message, flags: MessageFlags.Ephemeral });
    } else {
      await interaction.reply({ ...message, flags: MessageFlags.Ephemeral });
    }
  } catch (error) {
    // Lost meanwhile (10062): logged once where Discord said so; the user can no longer be told.
    if (isUnknownInteraction(error)) log.debug({ errorId }, 'could not tell the user about the error: the interaction is lost');
    else log.error({ err: error, errorId }, 'could not tell the user about the error');
  }
}
