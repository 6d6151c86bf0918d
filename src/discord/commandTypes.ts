import type {
  AutocompleteInteraction,
  ButtonInteraction,
  ChatInputCommandInteraction,
  RESTPostAPIChatInputApplicationCommandsJSONBody,
} from 'discord.js';
import type { Config } from '../config.js';
import type { FeedbackStore } from '../feedback/feedbackStore.js';
import type { Logger } from '../logger.js';
import type { AnswerService } from '../service/answerService.js';
import type { CorpusStore } from '../service/corpusStore.js';

/**
 * Where a command is registered: `everywhere` (globally, or in the one guild of a guild deployment),
 * or `home` (only in the home guild, DISCORD_GUILD_ID, when one is set; it changes what every
 * server is told, so no other server's moderators may use it).
 */
export type CommandScope = 'everywhere' | 'home';

/**
 * How a reply read from the corpus shows while it waits for a corpus change: to the channel
 * ('public') or to the member only ('private'). See waitForSettledCorpus.
 */
export type CorpusReply = 'public' | 'private';

/** What a command handler may use: the answering core, the corpus store, the config, the log. */
export interface CommandContext {
  service: AnswerService;
  store: CorpusStore;
  config: Pick<Config, 'guildId' | 'moderatorRoleIds' | 'urlIngest'>;
  /** Unanswered questions, the answers' buttons and votes. */
  feedback: FeedbackStore;
  /** A child logger for this interaction (it carries the interaction's id, user and command). */
  logger: Logger;
}

/** A slash command definition as Discord needs it: a builder (or anything with its name and JSON). */
export interface CommandDefinition {
  readonly name: string;
  toJSON(): RESTPostAPIChatInputApplicationCommandsJSONBody;
}

/** One module of `commands/`: its definition, where it is registered, and its handlers. */
export interface SlashCommand {
  readonly definition: CommandDefinition;
  readonly scope: CommandScope;
  /**
   * Counted against the per-user question limit (RATE_LIMIT_QUESTIONS): the question commands and
   * /sources. Autocomplete never is, nor are the moderators' commands.
   */
  readonly rateLimited?: boolean;
  /**
   * Whether (and how) the reply is read from the corpus, for this interaction: while a corpus change
   * runs, the router defers such a reply (publicly or privately) and runs the command once the
   * corpus has settled. None (or null) for a command that does not read it, or that makes the change.
   */
  readonly readsCorpus?: CorpusReply | ((interaction: ChatInputCommandInteraction) => CorpusReply | null);
  /** Answers the command. May throw: the router turns errors into an ephemeral message with an error id. */
  execute(interaction: ChatInputCommandInteraction, context: CommandContext): Promise<void>;
  /** Answers an autocomplete request for one of its options. */
  autocomplete?(interaction: AutocompleteInteraction, context: CommandContext): Promise<void>;
}

/**
 * What a button press does, for the buttons whose custom id starts with `prefix` and a colon
 * (`answer-more:…`). Presses of buttons no handler claims are left to whoever sent them.
 */
export interface ButtonHandler {
  readonly prefix: string;
  /** Whether the press is answered from the corpus: while a corpus change runs, the router defers its update and waits. */
  readonly readsCorpus?: boolean;
  /** Answers the press. May throw: the router turns errors into an ephemeral message with an error id. */
  handle(interaction: ButtonInteraction, context: CommandContext): Promise<void>;
}
