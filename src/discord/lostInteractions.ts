import { DiscordAPIError, SnowflakeUtil } from 'discord.js';
import type { Logger } from '../logger.js';
import type { RestTarget } from './restTarget.js';

/**
 * Discord's error code for an interaction it no longer knows: it was not acknowledged within its
 * 3 seconds (or its token expired). Nothing sent for it afterwards can succeed.
 */
export const UNKNOWN_INTERACTION = 10062;

/** An interaction's token works for 15 minutes; a lost one is forgotten after that. */
const TOKEN_LIFETIME_MS = 15 * 60_000;

/** Whether `error` is Discord's (or our REST guard's) 10062 Unknown interaction. */
export function isUnknownInteraction(error: unknown): boolean {
  return error instanceof DiscordAPIError && error.code === UNKNOWN_INTERACTION;
}

/**
 * The interactions Discord answered 10062 Unknown interaction for, by token. Once one is lost, the
 * REST guard (restGuard.ts) sends no further request for it (no follow-up, no edit, no error
 * report): each would fail too, and under overload each one adds to the load that lost it. A lost
 * interaction is logged once, here, with its route and how old it was.
 */
export class LostInteractions {
  /** Lost tokens, oldest first, with when each was lost (Date.now()). */
  readonly #lostAt = new Map<string, number>();
  readonly #logger: Logger;
  readonly #now: () => number;

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

  /** Discord answered 10062 to a request about the interaction with this token: logged the first time. */
  markLost(target: RestTarget & { token: string }): void {
    if (this.#lostAt.has(target.token)) return;
    const now = this.#now();
    this.#forgetBefore(now - TOKEN_LIFETIME_MS);
    this.#lostAt.set(target.token, now);
    const ageMs = target.interactionId === null ? undefined : Math.round(now - SnowflakeUtil.timestampFrom(target.interactionId));
    this.#logger.warn(
      { interactionId: target.interactionId ?? undefined, route: target.route, ageMs },
      'interaction lost: Discord answered 10062 Unknown interaction (not acknowledged within its 3 s); nothing more is sent for it',
    );
  }

  #forgetBefore(time: number): void {
    for (const [token, lostAt] of this.#lostAt) {
      if (lostAt >= time) return;
      this.#lostAt.delete(token);
    }
  }
}
