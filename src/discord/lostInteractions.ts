import { DiscordAPIError, SnowflakeUtil } from 'discord.js';
import type { Logger } from '../logger.js';
import type { RestTarget } from './restTarget.js';

/**
 * Discord's error code for an interaction it no longer knows: it was not acknowledged within its
 * 3 seconds (or its token expired). Nothing sent for it afterwards can succeed.
 */
export const UNKNOWN_INTERACTION = 10062;

/** Discord's time to acknowledge an interaction, from its creation. */
export const ACKNOWLEDGE_WITHIN_MS = 3_000;

/** An interaction's token works for 15 minutes; a lost one is forgotten after that. */
const TOKEN_LIFETIME_MS = 15 * 60_000;

/** Whether `error` is Discord's (or our REST guard's) 10062 Unknown interaction. */
export function isUnknownInteraction(error: unknown): boolean {
  return error instanceof DiscordAPIError && error.code === UNKNOWN_INTERACTION;
}

/** Losses logged one line each, per second; beyond that they are listed in one line at the end of the second. */
const LOGGED_ONE_BY_ONE = 5;
const LOG_WINDOW_MS = 1_000;

/**
 * The interactions Discord answered 10062 Unknown interaction for, by token. Once one is lost, the
 * REST guard (restGuard.ts) sends no further request for it (no follow-up, no edit, no error
 * report): each would fail too, and under overload each one adds to the load that lost it. Each
 * lost interaction is logged once, as a warning with its route and how old it was; when many are
 * lost at once (an overload), the first few of each second get a line each and the others are
 * listed together in one line at the end of the second, rather than a line each that would add to
 * the overload.
 */
export class LostInteractions {
  /** Lost tokens, oldest first, with when each was lost (Date.now()). */
  readonly #lostAt = new Map<string, number>();
  readonly #logger: Logger;
  readonly #now: () => number;
  /** The current second of logging: since when, how many had a line, the ones still to list. */
  #windowStart = Number.NEGATIVE_INFINITY;
  #loggedInWindow = 0;
  #unlogged: Array<{ interactionId: string | undefined; route: string; ageMs: number | undefined }> = [];
  #flushTimer: NodeJS.Timeout | null = null;

  constructor(logger: Logger, now: () => number = Date.now) {
    this.#logger = logger;
    this.#now = now;
  }

  /** Whether Discord answered 10062 for the interaction with this token. */
  isLost(token: string): boolean {
    return this.#lostAt.has(token);
  }

  /** How many lost interactions are remembered (those of the last 15 minutes). */
  get size(): number {
    return this.#lostAt.size;
  }

  /**
   * Nothing more can be sent for the interaction with this token: Discord answered 10062 to a
   * request about it (or, `because`, something else made it certain). Logged the first time.
   */
  markLost(
    target: RestTarget & { token: string },
    because = 'Discord answered 10062 Unknown interaction (not acknowledged within its 3 s)',
  ): void {
    if (this.#lostAt.has(target.token)) return;
    const now = this.#now();
    this.#forgetBefore(now - TOKEN_LIFETIME_MS);
    this.#lostAt.set(target.token, now);
    const interactionId = target.interactionId ?? undefined;
    const ageMs = target.interactionId === null ? undefined : Math.round(now - SnowflakeUtil.timestampFrom(target.interactionId));
    if (now - this.#windowStart >= LOG_WINDOW_MS) {
      this.flush();
      this.#windowStart = now;
      this.#loggedInWindow = 0;
    }
    if (this.#loggedInWindow < LOGGED_ONE_BY_ONE) {
      this.#loggedInWindow++;
      this.#logger.warn({ interactionId, route: target.route, ageMs }, `interaction lost: ${because}; nothing more is sent for it`);
      return;
    }
    this.#unlogged.push({ interactionId, route: target.route, ageMs });
    this.#flushTimer ??= setTimeout(() => this.flush(), LOG_WINDOW_MS - (now - this.#windowStart)).unref();
  }

  /** Logs the losses not logged yet, in one line. */
  flush(): void {
    if (this.#flushTimer !== null) clearTimeout(this.#flushTimer);
    this.#flushTimer = null;
    if (this.#unlogged.length === 0) return;
    const lost = this.#unlogged;
    this.#unlogged = [];
    this.#logger.warn(
      {
        count: lost.length,
        interactionIds: lost.map((entry) => entry.interactionId ?? entry.route),
        oldestMs: Math.max(...lost.map((entry) => entry.ageMs ?? 0)),
      },
      `interactions lost: ${lost.length} more in the same second (Discord answered 10062 Unknown interaction, or an acknowledgement got no answer in time); nothing more is sent for them`,
    );
  }

  #forgetBefore(time: number): void {
    for (const [token, lostAt] of this.#lostAt) {
      if (lostAt >= time) return;
      this.#lostAt.delete(token);
    }
  }
}
