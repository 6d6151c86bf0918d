/**
 * A per-user limit on questions, so that one member cannot flood a channel: at most `questions`
 * in any `windowSeconds` (a sliding window over the times of each user's accepted questions).
 * A refused question does not count, so someone who waits until the time they are told is
 * answered. Pure: the clock is passed in.
 *
 * Memory is bounded: users are kept in order of their last question, those with no question in
 * the window are forgotten as soon as they reach the front, and beyond `maxTrackedUsers` the
 * least recently active are forgotten even if not idle (they get a fresh window: a burst from that
 * many members at once is not one member flooding).
 */

import type { QuestionRateLimit } from '../config.js';

export type { QuestionRateLimit };

export type RateDecision =
  | { allowed: true }
  /** `retryAt`: when (epoch ms) the oldest question in the window leaves it, so one more is allowed. */
  | { allowed: false; retryAt: number; retryAfterMs: number };

/** Users remembered at most (each costs one array of at most `questions` numbers). */
export const DEFAULT_MAX_TRACKED_USERS = 10_000;

export interface RateLimiterOptions {
  /** The clock, in epoch milliseconds (tests move it by hand). */
  now?: () => number;
  maxTrackedUsers?: number;
}

export class QuestionRateLimiter {
  /** Each user's accepted question times, oldest first; the map is ordered by last activity. */
  private readonly hits = new Map<string, number[]>();
  private readonly windowMs: number;
  private readonly now: () => number;
  private readonly maxTrackedUsers: number;

  constructor(
    readonly limit: QuestionRateLimit,
    options: RateLimiterOptions = {},
  ) {
    if (!Number.isInteger(limit.questions) || limit.questions < 1) {
      throw new Error(`a question rate limit needs at least 1 question per window, not ${limit.questions}`);
    }
    if (!(limit.windowSeconds > 0))
      throw new Error(`a question rate limit needs a window of more than 0 seconds, not ${limit.windowSeconds}`);
    this.windowMs = limit.windowSeconds * 1000;
    this.now = options.now ?? Date.now;
    this.maxTrackedUsers = Math.max(1, options.maxTrackedUsers ?? DEFAULT_MAX_TRACKED_USERS);
  }

  /** Counts a question by `userId` if the limit allows it; otherwise says when it will. */
  take(userId: string): RateDecision {
    const now = this.now();
    const since = now - this.windowMs;
    const times = (this.hits.get(userId) ?? []).filter((time) => time > since);
    // Re-inserted at the end: the map stays ordered by last activity.
    this.hits.delete(userId);
    let decision: RateDecision;
    if (times.length < this.limit.questions) {
      times.push(now);
      decision = { allowed: true };
    } else {
      const retryAt = times[0]! + this.windowMs;
      decision = { allowed: false, retryAt, retryAfterMs: retryAt - now };
    }
    this.hits.set(userId, times);
    this.forgetIdle(since);
    return decision;
  }

  /** How many users are remembered now. */
  get trackedUsers(): number {
    return this.hits.size;
  }

  /**
   * Forgets users from the front (least recently active) while they have no question in the window,
   * then any beyond the cap. A user at the front who is not idle means none behind is: they were
   * active later, and a refused user has a full window.
   */
  private forgetIdle(since: number): void {
    for (const [userId, times] of this.hits) {
      const last = times[times.length - 1];
      if (last !== undefined && last > since) break;
      this.hits.delete(userId);
    }
    for (const userId of this.hits.keys()) {
      if (this.hits.size <= this.maxTrackedUsers) break;
      this.hits.delete(userId);
    }
  }
}

/** The limiter for a configuration, or null when the limit is off. */
export function questionRateLimiter(limit: QuestionRateLimit | null, options?: RateLimiterOptions): QuestionRateLimiter | null {
  return limit === null ? null : new QuestionRateLimiter(limit, options);
}

/** "5 questions every 30 seconds", "1 question every minute". */
export function describeRateLimit(limit: QuestionRateLimit): string {
  const questions = `${limit.questions} question${limit.questions === 1 ? '' : 's'}`;
  const { windowSeconds: s } = limit;
  const window =
    s % 3600 === 0
      ? s === 3600
        ? 'hour'
        : `${s / 3600} hours`
      : s % 60 === 0
        ? s === 60
          ? 'minute'
          : `${s / 60} minutes`
        : s === 1
          ? 'second'
          : `${s} seconds`;
  return `${questions} every ${window}`;
}

/**
 * The private reply to a refused question: the limit, and when to ask again as a Discord relative
 * timestamp (`<t:…:R>` shows as "in 12 seconds" in the reader's own clock and language).
 */
export function rateLimitedMessage(limit: QuestionRateLimit, retryAt: number): string {
  const seconds = Math.ceil(retryAt / 1000);
  return `You’re asking quickly: each member can ask ${describeRateLimit(limit)}, so that answers don’t flood the channel. You can ask again <t:${seconds}:R>.`;
}
