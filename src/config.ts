import { z } from 'zod';
import { isAddressOrRange } from './ingest/addressPolicy.js';
import { tokenCore } from './logger.js';

/**
 * The bot's configuration, read once from the environment (and `.env`, loaded by the entry point)
 * and validated here. Everything else receives a Config; nothing reads process.env deep inside.
 */

const snowflake = z.string().regex(/^\d{17,20}$/, 'must be a Discord id (17 to 20 digits)');
const optional = <T extends z.ZodType>(schema: T) =>
  z.preprocess((value) => (typeof value === 'string' && value.trim() === '' ? undefined : value), schema.optional());

/** A whole number written in an environment variable, between `min` and `max`. */
function wholeNumber(min: number, max: number, note: string) {
  const message = `must be a whole number from ${min} to ${max}${note === '' ? '' : ` ${note}`}`;
  return z.string().trim().regex(/^\d+$/, message).transform(Number).pipe(z.number().min(min, message).max(max, message));
}

/** How many questions each user may ask per how many seconds (RATE_LIMIT_QUESTIONS, RATE_LIMIT_WINDOW_SECONDS). */
export interface QuestionRateLimit {
  questions: number;
  windowSeconds: number;
}

/** The per-user question limit unless configured: 5 questions in any 30 seconds. */
export const DEFAULT_QUESTION_RATE_LIMIT: QuestionRateLimit = { questions: 5, windowSeconds: 30 };

const schema = z.object({
  // The token alone: a "Bot "/"Bearer " prefix (any case) and surrounding whitespace are dropped here,
  // once, so that the value logged in with is the value the logger redacts.
  DISCORD_TOKEN: optional(
    z
      .string()
      .transform(tokenCore)
      .pipe(
        z
          .string()
          .min(20, 'looks too short to be a bot token')
          .regex(/^[\x21-\x7e]+$/, 'must be the token alone, without spaces or control characters inside it'),
      ),
  ),
  DISCORD_APPLICATION_ID: optional(snowflake),
  DISCORD_GUILD_ID: optional(snowflake),
  DISCORD_API_URL: optional(z.url({ protocol: /^https?$/, error: 'must be an http(s) URL' })),
  CORPUS_DIR: optional(z.string()),
  INDEX_CACHE_DIR: optional(z.string()),
  LOG_LEVEL: optional(z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'])),
  MODERATOR_ROLE_IDS: optional(
    z
      .string()
      .transform((list) =>
        list
          .split(',')
          .map((id) => id.trim())
          .filter(Boolean),
      )
      .pipe(z.array(snowflake)),
  ),
  NODE_ENV: optional(z.string()),
  RATE_LIMIT_QUESTIONS: optional(wholeNumber(0, 1_000, '(0 turns the limit off)')),
  RATE_LIMIT_WINDOW_SECONDS: optional(wholeNumber(1, 86_400, '')),
  URL_FETCH_MAX_BYTES: optional(wholeNumber(1_024, 50 * 1024 * 1024, '(bytes)')),
  URL_FETCH_TIMEOUT_SECONDS: optional(wholeNumber(1, 300, '')),
  URL_FETCH_ALLOW: optional(
    z
      .string()
      .transform((list) =>
        list
          .split(',')
          .map((entry) => entry.trim())
          .filter(Boolean),
      )
      .pipe(z.array(z.string().refine(isAddressOrRange, 'must list IP addresses or CIDR ranges, e.g. 127.0.0.1 or 10.0.0.0/8'))),
  ),
  URL_PREVIEW_TIMEOUT_SECONDS: optional(wholeNumber(5, 840, '(Discord keeps an interaction for 15 minutes)')),
  FEEDBACK_DB: optional(z.string()),
  FEEDBACK_RECORD_MEMBER_IDS: optional(z.enum(['true', 'false'], { error: 'must be true or false' })),
  FEEDBACK_RETENTION_DAYS: optional(wholeNumber(1, 3_650, '(days)')),
});

export interface Config {
  discordToken: string | null;
  applicationId: string | null;
  guildId: string | null;
  /** REST base URL, e.g. https://discord.com/api (a proxy or the tests' fake Discord). */
  apiUrl: string;
  corpusDir: string;
  /** Folder for the saved index snapshot; null when snapshots are turned off. */
  indexCacheDir: string | null;
  logLevel: 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent';
  moderatorRoleIds: string[];
  production: boolean;
  /** Questions (and /sources) each user may ask per window; null: no limit. */
  questionRateLimit: QuestionRateLimit | null;
  /** /corpus add url:<link>: how pages are fetched, and how long the preview's buttons wait. */
  urlIngest: UrlIngestConfig;
  /** The SQLite file of unanswered questions, answers' buttons and votes (src/feedback). */
  feedbackDb: string;
  /** Keep members' Discord ids in the feedback store instead of a salted hash of them. */
  feedbackRecordMemberIds: boolean;
  /** How many days the feedback store keeps unanswered questions and votes. */
  feedbackRetentionDays: number;
}

/** Limits of `/corpus add url:<link>` (URL_FETCH_*, URL_PREVIEW_TIMEOUT_SECONDS). */
export interface UrlIngestConfig {
  /** The most bytes a page may have (counted while it arrives, after decompression). */
  maxBytes: number;
  /** How long fetching a page may take in all (every redirect and the whole body). */
  timeoutMs: number;
  /** Addresses or CIDR ranges allowed even though private, loopback…; empty: public addresses only. */
  allow: string[];
  /** How long the preview's Confirm and Cancel buttons wait before they are disabled. */
  previewTimeoutMs: number;
}

/** 5 MB pages, 15 s to fetch, no private address allowed, 5 minutes to confirm. */
export const DEFAULT_URL_INGEST: UrlIngestConfig = { maxBytes: 5 * 1024 * 1024, timeoutMs: 15_000, allow: [], previewTimeoutMs: 300_000 };

export const DEFAULT_FEEDBACK_DB = 'data/feedback.sqlite';
/** Unanswered questions and votes are kept 90 days unless FEEDBACK_RETENTION_DAYS says otherwise. */
export const DEFAULT_FEEDBACK_RETENTION_DAYS = 90;

export const DEFAULT_API_URL = 'https://discord.com/api';

/** A configuration value that is not valid; the message names the variable. */
export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

/** Validates the environment and returns the configuration, or throws a ConfigError. */
export function loadConfig(env: Readonly<Record<string, string | undefined>>): Config {
  const parsed = schema.safeParse(env);
  if (!parsed.success) {
    throw new ConfigError(parsed.error.issues.map((issue) => `${issue.path.join('.') || '(environment)'}: ${issue.message}`));
  }
  const e = parsed.data;
  return {
    discordToken: e.DISCORD_TOKEN ?? null,
    applicationId: e.DISCORD_APPLICATION_ID ?? null,
    guildId: e.DISCORD_GUILD_ID ?? null,
    apiUrl: (e.DISCORD_API_URL ?? DEFAULT_API_URL).replace(/\/+$/, ''),
    corpusDir: e.CORPUS_DIR ?? 'corpus',
    indexCacheDir: e.INDEX_CACHE_DIR === 'off' ? null : (e.INDEX_CACHE_DIR ?? '.cache'),
    logLevel: e.LOG_LEVEL ?? 'info',
    moderatorRoleIds: e.MODERATOR_ROLE_IDS ?? [],
    production: e.NODE_ENV === 'production',
    questionRateLimit: questionRateLimitOf(e.RATE_LIMIT_QUESTIONS, e.RATE_LIMIT_WINDOW_SECONDS),
    urlIngest: {
      maxBytes: e.URL_FETCH_MAX_BYTES ?? DEFAULT_URL_INGEST.maxBytes,
      timeoutMs: (e.URL_FETCH_TIMEOUT_SECONDS ?? DEFAULT_URL_INGEST.timeoutMs / 1000) * 1000,
      allow: e.URL_FETCH_ALLOW ?? DEFAULT_URL_INGEST.allow,
      previewTimeoutMs: (e.URL_PREVIEW_TIMEOUT_SECONDS ?? DEFAULT_URL_INGEST.previewTimeoutMs / 1000) * 1000,
    },
    feedbackDb: e.FEEDBACK_DB ?? DEFAULT_FEEDBACK_DB,
    feedbackRecordMemberIds: e.FEEDBACK_RECORD_MEMBER_IDS === 'true',
    feedbackRetentionDays: e.FEEDBACK_RETENTION_DAYS ?? DEFAULT_FEEDBACK_RETENTION_DAYS,
  };
}

/** The configured question limit: the defaults for what is not set, null when RATE_LIMIT_QUESTIONS is 0. */
function questionRateLimitOf(questions: number | undefined, windowSeconds: number | undefined): QuestionRateLimit | null {
  const limit = {
    questions: questions ?? DEFAULT_QUESTION_RATE_LIMIT.questions,
    windowSeconds: windowSeconds ?? DEFAULT_QUESTION_RATE_LIMIT.windowSeconds,
  };
  return limit.questions === 0 ? null : limit;
}
