import { createHash, randomBytes } from 'node:crypto';
import { mkdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { setImmediate as nextTurn } from 'node:timers/promises';
import Database from 'better-sqlite3';
import type { Command } from '../answer/question.js';
import { DEFAULT_FEEDBACK_RETENTION_DAYS } from '../config.js';
import { normalizeQuery } from './normalizeQuery.js';

/**
 * The bot's small local memory of how its answers went, in one SQLite file shared by every bot
 * process (shards) on the machine: the questions it could not answer (knowledge gaps), the answers
 * it gave (so that their buttons can page them and be voted on), and the Helpful / Not helpful
 * votes. WAL mode, a busy timeout and short transactions let several processes write at once.
 *
 * Members are stored as a salted hash of their id (the salt is made once and kept in the file), so
 * that votes are counted once per member and only the asker can page an answer, without keeping who
 * asked what; with `recordMemberIds`, as their ids.
 *
 * Nothing is kept for ever: an answer's record goes when its buttons expire (7 days), unanswered
 * questions and votes once older than the retention (FEEDBACK_RETENTION_DAYS, 90 days by default),
 * pruned in small batches when the bot starts and daily after (startPruning).
 */

/** How long an answer's buttons keep working (its record is then deleted). */
export const ANSWER_BUTTON_TTL_MS = 7 * 24 * 60 * 60 * 1000;
/** Rows of each table deleted per pruning step: each step is one short write, so other writers wait little. */
export const PRUNE_BATCH_ROWS = 500;
/** How often a running bot prunes what is past the retention. */
export const PRUNE_INTERVAL_MS = 24 * 60 * 60 * 1000;
/** How long a write waits for another process's write to finish before failing. */
const BUSY_TIMEOUT_MS = 5_000;
/** Expired answer records are deleted once every this many new ones. */
const PRUNE_EVERY = 256;
const DAY_MS = 24 * 60 * 60 * 1000;
const SCHEMA_VERSION = '1';

export interface FeedbackStoreOptions {
  /** The SQLite file (created, with its folder, when missing). */
  file: string;
  /** Store members' Discord ids instead of a salted hash of them. */
  recordMemberIds: boolean;
  /** How many days unanswered questions and votes are kept (default DEFAULT_FEEDBACK_RETENTION_DAYS). */
  retentionDays?: number;
  /** The clock (tests move it). */
  now?: () => number;
}

/** What a running store reports of its pruning (startPruning). */
export interface PruningReport {
  /** Told how many rows each pruning deleted (unanswered questions and votes). */
  onPruned?: (rows: number) => void;
  /** Told when a pruning failed; the next one tries again. */
  onError?: (error: unknown) => void;
  /** How often to prune (default PRUNE_INTERVAL_MS: daily). */
  everyMs?: number;
}

/** An answer the bot gave, as its buttons find it. */
export interface AnswerRecord {
  id: string;
  command: Command;
  query: string;
  /** The short answer shown, if any. */
  shortAnswer: string | null;
  createdAt: number;
}

/** The commands whose unanswered questions are recorded: the questions, and /timeline with a topic. */
export type GapCommand = Command | 'timeline';

/** Unanswered questions asked alike (same command, same normalized query). */
export interface GapGroup {
  command: GapCommand;
  normalized: string;
  /** The wording it was last asked in. */
  query: string;
  count: number;
  lastAskedAt: number;
}

/** The votes on one question's answers. */
export interface VoteTally {
  command: Command;
  normalized: string;
  query: string;
  shortAnswer: string | null;
  helpful: number;
  notHelpful: number;
  lastVotedAt: number;
}

/** What a vote did: counted for the first time, the same as this member's earlier vote, or changed it. */
export type VoteOutcome = 'recorded' | 'unchanged' | 'changed';

/** The feedback store could not be opened or used; the message names the file and says why. */
export class FeedbackStoreError extends Error {
  constructor(
    readonly file: string,
    cause: unknown,
  ) {
    super(
      `cannot open the feedback store ${file}: ${cause instanceof Error ? cause.message : String(cause)} (FEEDBACK_DB names this file; it must be a writable SQLite file)`,
      {
        cause,
      },
    );
    this.name = 'FeedbackStoreError';
  }
}

const SCHEMA = `
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS unanswered (
  id INTEGER PRIMARY KEY,
  command TEXT NOT NULL,
  query TEXT NOT NULL,
  normalized TEXT NOT NULL,
  asked_at INTEGER NOT NULL,
  member TEXT
);
CREATE INDEX IF NOT EXISTS unanswered_by_time ON unanswered (asked_at);
CREATE TABLE IF NOT EXISTS answers (
  id TEXT PRIMARY KEY,
  command TEXT NOT NULL,
  query TEXT NOT NULL,
  asker TEXT NOT NULL,
  short_answer TEXT,
  created_at INTEGER NOT NULL
);
CREATE INDEX IF NOT EXISTS answers_by_time ON answers (created_at);
CREATE TABLE IF NOT EXISTS votes (
  command TEXT NOT NULL,
  normalized TEXT NOT NULL,
  member TEXT NOT NULL,
  helpful INTEGER NOT NULL,
  query TEXT NOT NULL,
  short_answer TEXT,
  voted_at INTEGER NOT NULL,
  PRIMARY KEY (command, normalized, member)
);
CREATE INDEX IF NOT EXISTS votes_by_time ON votes (voted_at);
`;

interface AnswerRow {
  id: string;
  command: string;
  query: string;
  asker: string;
  short_answer: string | null;
  created_at: number;
}

export class FeedbackStore {
  readonly file: string;
  private readonly db: Database.Database;
  private readonly salt: string;
  private readonly recordMemberIds: boolean;
  private readonly now: () => number;
  private readonly retentionMs: number;
  private answersSincePrune = 0;
  private pruneTimer: NodeJS.Timeout | null = null;
  /** The statements every question runs, prepared once. */
  private readonly insertUnanswered: Database.Statement;
  private readonly insertAnswer: Database.Statement;

  private constructor(db: Database.Database, options: FeedbackStoreOptions, salt: string) {
    this.db = db;
    this.insertUnanswered = db.prepare('INSERT INTO unanswered (command, query, normalized, asked_at, member) VALUES (?, ?, ?, ?, ?)');
    this.insertAnswer = db.prepare('INSERT INTO answers (id, command, query, asker, short_answer, created_at) VALUES (?, ?, ?, ?, ?, ?)');
    this.file = options.file;
    this.salt = salt;
    this.recordMemberIds = options.recordMemberIds;
    this.now = options.now ?? Date.now;
    this.retentionMs = (options.retentionDays ?? DEFAULT_FEEDBACK_RETENTION_DAYS) * DAY_MS;
  }

  /**
   * Opens (creating when missing) the store.
   * @throws FeedbackStoreError when the file cannot be created, opened or read as this store.
   */
  static open(options: FeedbackStoreOptions): FeedbackStore {
    let db: Database.Database | null = null;
    try {
      if (options.file !== ':memory:') ensureFolderSync(path.dirname(path.resolve(options.file)));
      db = new Database(options.file, { timeout: BUSY_TIMEOUT_MS });
      db.pragma(`busy_timeout = ${BUSY_TIMEOUT_MS}`);
      db.pragma('journal_mode = WAL');
      // In WAL mode NORMAL is safe against corruption; a power cut may lose the last writes only.
      db.pragma('synchronous = NORMAL');
      const opened = db;
      const salt = opened
        .transaction(() => {
          opened.exec(SCHEMA);
          const insert = opened.prepare('INSERT OR IGNORE INTO meta (key, value) VALUES (?, ?)');
          insert.run('schema', SCHEMA_VERSION);
          insert.run('salt', randomBytes(16).toString('hex'));
          const version = opened.prepare<[string], { value: string }>('SELECT value FROM meta WHERE key = ?').get('schema')?.value;
          if (version !== SCHEMA_VERSION)
            throw new Error(`it has schema version ${version ?? 'none'}, this bot reads version ${SCHEMA_VERSION}`);
          return opened.prepare<[string], { value: string }>('SELECT value FROM meta WHERE key = ?').get('salt')!.value;
        })
        .immediate();
      const store = new FeedbackStore(opened, options, salt);
      store.pruneAnswers();
      return store;
    } catch (error) {
      db?.close();
      throw new FeedbackStoreError(options.file, error);
    }
  }

  /** How a member is stored: their id when configured, else a salted hash of it. */
  memberKey(memberId: string): string {
    if (this.recordMemberIds) return memberId;
    return createHash('sha256').update(this.salt).update(memberId).digest('hex').slice(0, 32);
  }

  /** Records a question the bot could not answer. */
  recordUnanswered(question: { command: GapCommand; query: string; memberId: string | null }): void {
    this.insertUnanswered.run(
      question.command,
      question.query,
      normalizeQuery(question.query),
      this.now(),
      this.recordMemberIds ? question.memberId : null,
    );
  }

  /**
   * The unanswered questions asked in the last `days` days, grouped by command and normalized
   * query, most asked first (then most recent), at most `limit` groups.
   */
  unansweredGroups(options: { days: number; limit: number }): GapGroup[] {
    const rows = this.db
      .prepare<[number, number], { command: string; normalized: string; query: string; count: number; last_asked_at: number }>(
        `SELECT command, normalized, COUNT(*) AS count, MAX(asked_at) AS last_asked_at,
                (SELECT u2.query FROM unanswered u2 WHERE u2.command = u.command AND u2.normalized = u.normalized
                 ORDER BY u2.asked_at DESC, u2.id DESC LIMIT 1) AS query
         FROM unanswered u WHERE asked_at >= ?
         GROUP BY command, normalized
         ORDER BY count DESC, last_asked_at DESC
         LIMIT ?`,
      )
      .all(this.since(options.days), options.limit);
    return rows.map((r) => ({
      command: r.command as GapCommand,
      normalized: r.normalized,
      query: r.query,
      count: r.count,
      lastAskedAt: r.last_asked_at,
    }));
  }

  /** Keeps an answer the bot is about to send, so that its buttons can find it; returns its id. */
  rememberAnswer(answer: { command: Command; query: string; askerId: string; shortAnswer: string | null }): string {
    const id = randomBytes(8).toString('hex');
    this.insertAnswer.run(id, answer.command, answer.query, this.memberKey(answer.askerId), answer.shortAnswer, this.now());
    if (++this.answersSincePrune >= PRUNE_EVERY) this.pruneAnswers();
    return id;
  }

  /** The answer with this id, or null when there is none (any more: it expired). */
  answer(id: string): (AnswerRecord & { askedBy(memberId: string): boolean }) | null {
    const row = this.db.prepare<[string], AnswerRow>('SELECT * FROM answers WHERE id = ?').get(id);
    if (row === undefined || row.created_at < this.now() - ANSWER_BUTTON_TTL_MS) return null;
    return {
      id: row.id,
      command: row.command as Command,
      query: row.query,
      shortAnswer: row.short_answer,
      createdAt: row.created_at,
      askedBy: (memberId) => this.memberKey(memberId) === row.asker,
    };
  }

  /**
   * A member's Helpful / Not helpful vote on an answer. Each member has one vote per question
   * (command and normalized query); voting again replaces it.
   */
  vote(answer: AnswerRecord, memberId: string, helpful: boolean): VoteOutcome {
    const member = this.memberKey(memberId);
    const normalized = normalizeQuery(answer.query);
    return this.db
      .transaction((): VoteOutcome => {
        const before = this.db
          .prepare<[string, string, string], { helpful: number }>(
            'SELECT helpful FROM votes WHERE command = ? AND normalized = ? AND member = ?',
          )
          .get(answer.command, normalized, member);
        if (before !== undefined && before.helpful === Number(helpful)) return 'unchanged';
        this.db
          .prepare(
            `INSERT INTO votes (command, normalized, member, helpful, query, short_answer, voted_at) VALUES (?, ?, ?, ?, ?, ?, ?)
             ON CONFLICT (command, normalized, member) DO UPDATE SET helpful = excluded.helpful, query = excluded.query,
               short_answer = excluded.short_answer, voted_at = excluded.voted_at`,
          )
          .run(answer.command, normalized, member, Number(helpful), answer.query, answer.shortAnswer, this.now());
        return before === undefined ? 'recorded' : 'changed';
      })
      .immediate();
  }

  /**
   * The votes cast in the last `days` days, by question: the most "not helpful" first (then the
   * fewest "helpful"), at most `limit`.
   */
  voteTallies(options: { days: number; limit: number }): VoteTally[] {
    const rows = this.db
      .prepare<
        [number, number],
        {
          command: string;
          normalized: string;
          query: string;
          short_answer: string | null;
          helpful: number;
          not_helpful: number;
          last_voted_at: number;
        }
      >(
        `SELECT command, normalized, SUM(helpful) AS helpful, SUM(1 - helpful) AS not_helpful, MAX(voted_at) AS last_voted_at,
                (SELECT v2.query FROM votes v2 WHERE v2.command = v.command AND v2.normalized = v.normalized ORDER BY v2.voted_at DESC LIMIT 1) AS query,
                (SELECT v2.short_answer FROM votes v2 WHERE v2.command = v.command AND v2.normalized = v.normalized ORDER BY v2.voted_at DESC LIMIT 1) AS short_answer
         FROM votes v WHERE voted_at >= ?
         GROUP BY command, normalized
         ORDER BY not_helpful DESC, helpful ASC, last_voted_at DESC
         LIMIT ?`,
      )
      .all(this.since(options.days), options.limit);
    return rows.map((r) => ({
      command: r.command as Command,
      normalized: r.normalized,
      query: r.query,
      shortAnswer: r.short_answer,
      helpful: r.helpful,
      notHelpful: r.not_helpful,
      lastVotedAt: r.last_voted_at,
    }));
  }

  /**
   * Deletes at most `limit` unanswered questions and `limit` votes older than the retention, in one
   * short transaction; returns how many rows it deleted (fewer than asked: nothing older is left).
   */
  pruneBatch(limit = PRUNE_BATCH_ROWS): number {
    const cutoff = this.now() - this.retentionMs;
    return this.db
      .transaction(() => {
        const unanswered = this.db
          .prepare('DELETE FROM unanswered WHERE id IN (SELECT id FROM unanswered WHERE asked_at < ? ORDER BY asked_at LIMIT ?)')
          .run(cutoff, limit).changes;
        const votes = this.db
          .prepare('DELETE FROM votes WHERE rowid IN (SELECT rowid FROM votes WHERE voted_at < ? ORDER BY voted_at LIMIT ?)')
          .run(cutoff, limit).changes;
        return unanswered + votes;
      })
      .immediate();
  }

  /**
   * Deletes every unanswered question and vote older than the retention, a batch at a time with a
   * turn of the event loop between batches (questions keep being answered, other processes keep
   * writing); returns how many rows it deleted. Stops early when the store is closed meanwhile.
   */
  async pruneExpired(limit = PRUNE_BATCH_ROWS): Promise<number> {
    let deleted = 0;
    while (this.db.open) {
      const rows = this.pruneBatch(limit);
      if (rows === 0) break;
      deleted += rows;
      await nextTurn();
    }
    return deleted;
  }

  /**
   * Prunes now and then every `everyMs` (daily by default) while the store is open; the timer does
   * not keep the process alive and close() stops it.
   */
  startPruning(report: PruningReport = {}): void {
    if (this.pruneTimer !== null) return;
    const prune = () => {
      this.pruneExpired().then(
        (rows) => report.onPruned?.(rows),
        (error: unknown) => report.onError?.(error),
      );
    };
    this.pruneTimer = setInterval(prune, report.everyMs ?? PRUNE_INTERVAL_MS);
    this.pruneTimer.unref();
    prune();
  }

  close(): void {
    if (this.pruneTimer !== null) clearInterval(this.pruneTimer);
    this.pruneTimer = null;
    this.db.close();
  }

  private since(days: number): number {
    return this.now() - days * DAY_MS;
  }

  private pruneAnswers(): void {
    this.answersSincePrune = 0;
    this.db.prepare('DELETE FROM answers WHERE created_at < ?').run(this.now() - ANSWER_BUTTON_TTL_MS);
  }
}

/**
 * Makes sure `dir` is a folder, creating missing parents one level at a time: mkdir's `recursive`
 * loops for ever on a path under /proc (where mkdir of a missing child answers ENOENT although its
 * parent exists); here each level is tried once and the error thrown names it.
 */
function ensureFolderSync(dir: string): void {
  const info = statSync(dir, { throwIfNoEntry: false });
  if (info !== undefined) {
    if (!info.isDirectory()) throw new Error(`${dir} is not a folder`);
    return;
  }
  const parent = path.dirname(dir);
  if (parent !== dir) ensureFolderSync(parent);
  mkdirSync(dir);
}
