/**
 * The order and pace in which interactions are answered, so that no interaction misses Discord's
 * 3 seconds to be acknowledged, however many arrive and however busy the machine is.
 *
 * Answering is synchronous work on the one thread that also reads the gateway and sends the
 * replies. Done inline, a burst of 2,000 interactions is read and answered in one go before any
 * reply leaves, and the last ones miss their 3 seconds. Here:
 * - a task is answered directly (its answer is its acknowledgement) only when nothing waits ahead of
 *   it and it is still young (`acknowledgeAfterMs` since the interaction was created). Otherwise it
 *   is acknowledged first, as it arrives (a deferred reply, or autocomplete with no choices): an
 *   acknowledgement is one small request, sent before any answer is computed;
 * - at most `maxAcknowledging` acknowledgements are in flight at once, the others wait their turn,
 *   oldest first: thousands of requests at once would only be thousands of connections, each
 *   slower than the last (and the event loop busy with them instead of reading the gateway);
 * - acknowledgements come before answers: the answers of acknowledged tasks (the edits of deferred
 *   replies) run only while no acknowledgement is waiting or in flight, or one every
 *   `answerHoldMs` if acknowledgements never stop; at most `maxAnswering` are being sent at once;
 * - one task runs per turn of the event loop, so replies go out and new interactions come in
 *   between two answers.
 */

/** A task this old (since its interaction was created) is acknowledged before it is answered. */
export const DEFAULT_ACKNOWLEDGE_AFTER_MS = 500;
/** While acknowledgements are waiting or in flight, answers still run, one at least this often. */
export const DEFAULT_ANSWER_HOLD_MS = 250;
/** Acknowledgements in flight at once. */
export const DEFAULT_MAX_ACKNOWLEDGING = 50;
/** Answers (of acknowledged tasks) being sent at once. */
export const DEFAULT_MAX_ANSWERING = 10;

export interface PacedTask {
  /**
   * performance.now() when the interaction was created (by its snowflake; its receipt if that is
   * later): the 3 seconds count from then.
   */
  createdAt: number;
  /** Already acknowledged (a reply deferred before it was submitted): its run() edits the reply. */
  acknowledged: boolean;
  /**
   * Called at most once, to acknowledge the task before its answer. Resolves to true when that
   * finished the task (nothing left to run: autocomplete answered, or the interaction is lost),
   * false to run it once the acknowledgement is done. Should not reject (a rejection counts as false).
   */
  acknowledge(): Promise<boolean>;
  /** The work. Its synchronous part runs in the task's turn; what it awaits afterwards (HTTP) does not hold the queue. */
  run(): Promise<void>;
}

interface Entry {
  task: PacedTask;
  resolve: () => void;
  reject: (error: unknown) => void;
}

/** How a backlog went, reported once the queue is idle again. */
export interface BacklogReport {
  /** Tasks acknowledged before they were answered. */
  acknowledgedFirst: number;
  /** The oldest a task was (since its interaction was created) when its acknowledgement was sent (ms). */
  oldestMs: number;
}

export interface AnswerQueueOptions {
  acknowledgeAfterMs?: number;
  answerHoldMs?: number;
  maxAcknowledging?: number;
  maxAnswering?: number;
  /** The clock (performance.now by default). */
  now?: () => number;
  /** Called when the queue is idle again after tasks were acknowledged first. */
  onBacklogCleared?: (report: BacklogReport) => void;
}

/** First in, first out, without shifting the whole array at every take. */
class Fifo<T> {
  private items: T[] = [];
  private head = 0;

  get length(): number {
    return this.items.length - this.head;
  }

  push(item: T): void {
    this.items.push(item);
  }

  shift(): T | undefined {
    if (this.head >= this.items.length) return undefined;
    const item = this.items[this.head++];
    if (this.head > 1_024 && this.head * 2 > this.items.length) {
      this.items = this.items.slice(this.head);
      this.head = 0;
    }
    return item;
  }
}

export class AnswerQueue {
  private readonly acknowledgeAfterMs: number;
  private readonly answerHoldMs: number;
  private readonly maxAcknowledging: number;
  private readonly maxAnswering: number;
  private readonly now: () => number;
  private readonly onBacklogCleared: ((report: BacklogReport) => void) | undefined;
  /** Tasks to be answered directly (not acknowledged first), in arrival order: rarely more than one. */
  private readonly direct = new Fifo<Entry>();
  /** Tasks waiting for their acknowledgement to be sent, oldest first. */
  private readonly toAcknowledge = new Fifo<Entry>();
  /** Acknowledged tasks waiting for their answer, in order. */
  private readonly answers = new Fifo<Entry>();
  /** Acknowledgements in flight (deferrals, and direct answers being sent); since when there have been some. */
  private acknowledging = 0;
  private acknowledgingSince = 0;
  /** Answers of acknowledged tasks being sent. */
  private answering = 0;
  /** Tasks submitted and not finished. */
  private pending = 0;
  private lastAnswerAt = Number.NEGATIVE_INFINITY;
  private scheduled = false;
  private holdTimer: NodeJS.Timeout | null = null;
  private backlog: BacklogReport = { acknowledgedFirst: 0, oldestMs: 0 };

  constructor(options: AnswerQueueOptions = {}) {
    this.acknowledgeAfterMs = options.acknowledgeAfterMs ?? DEFAULT_ACKNOWLEDGE_AFTER_MS;
    this.answerHoldMs = options.answerHoldMs ?? DEFAULT_ANSWER_HOLD_MS;
    this.maxAcknowledging = options.maxAcknowledging ?? DEFAULT_MAX_ACKNOWLEDGING;
    this.maxAnswering = options.maxAnswering ?? DEFAULT_MAX_ANSWERING;
    this.now = options.now ?? (() => performance.now());
    this.onBacklogCleared = options.onBacklogCleared;
  }

  /** Tasks submitted and not finished (waiting for their turn, or for their acknowledgement). */
  get length(): number {
    return this.pending;
  }

  /**
   * Runs the task in its turn, acknowledging it first (now, or as soon as fewer acknowledgements
   * are in flight) unless it is the next to be answered and young. Resolves once its work has
   * finished; rejects with the work's error.
   */
  submit(task: PacedTask): Promise<void> {
    return new Promise<void>((resolve, reject) => {
      const entry: Entry = { task, resolve, reject };
      this.pending++;
      if (task.acknowledged) {
        this.answers.push(entry);
      } else if (this.direct.length > 0 || this.toAcknowledge.length > 0 || this.now() - task.createdAt >= this.acknowledgeAfterMs) {
        this.backlog.acknowledgedFirst++;
        this.toAcknowledge.push(entry);
        this.acknowledgeWaiting();
      } else {
        this.direct.push(entry);
      }
      this.schedule();
    });
  }

  /** Sends the waiting acknowledgements, oldest first, while fewer than `maxAcknowledging` are in flight. */
  private acknowledgeWaiting(): void {
    while (this.acknowledging < this.maxAcknowledging) {
      const entry = this.toAcknowledge.shift();
      if (entry === undefined) return;
      this.acknowledge(entry);
    }
  }

  private acknowledge(entry: Entry): void {
    this.backlog.oldestMs = Math.max(this.backlog.oldestMs, this.now() - entry.task.createdAt);
    this.startAcknowledging();
    let acknowledged: Promise<boolean>;
    try {
      acknowledged = entry.task.acknowledge();
    } catch {
      acknowledged = Promise.resolve(false);
    }
    acknowledged
      .catch(() => false)
      .then((finished) => {
        this.acknowledging--;
        if (finished) {
          this.pending--;
          entry.resolve();
        } else {
          this.answers.push(entry);
        }
        this.acknowledgeWaiting();
        this.schedule();
      });
  }

  private startAcknowledging(): void {
    if (this.acknowledging === 0) this.acknowledgingSince = this.now();
    this.acknowledging++;
  }

  /** Whether the next answer may run now: not too many being sent, and no acknowledgement waiting or in flight, or answers held for `answerHoldMs`. */
  private answerMayRun(): boolean {
    if (this.answers.length === 0 || this.answering >= this.maxAnswering) return false;
    if (this.acknowledging === 0 && this.toAcknowledge.length === 0) return true;
    return this.now() - this.heldSince >= this.answerHoldMs;
  }

  /** Since when answers have been held back: the last answer, or the start of the acknowledgements in flight. */
  private get heldSince(): number {
    return Math.max(this.lastAnswerAt, this.acknowledgingSince);
  }

  private schedule(): void {
    if (this.scheduled) return;
    if (this.direct.length > 0 || this.answerMayRun()) {
      this.scheduled = true;
      setImmediate(() => {
        this.scheduled = false;
        this.step();
        this.schedule();
      });
    } else if (this.answers.length > 0 && this.answering < this.maxAnswering) {
      // Answers held by acknowledgements: look again when one settles, or when the hold is over.
      this.holdTimer ??= setTimeout(
        () => {
          this.holdTimer = null;
          this.schedule();
        },
        Math.max(1, this.answerHoldMs - (this.now() - this.heldSince)),
      );
    } else {
      this.reportIfIdle();
    }
  }

  /** One turn: the next direct answer; else, when acknowledgements allow, the next acknowledged task's answer. */
  private step(): void {
    const direct = this.direct.shift();
    if (direct !== undefined) {
      this.run(direct, 'acknowledges');
      return;
    }
    if (!this.answerMayRun()) return;
    const entry = this.answers.shift()!;
    this.lastAnswerAt = this.now();
    this.run(entry, 'answers');
  }

  private run(entry: Entry, kind: 'acknowledges' | 'answers'): void {
    if (kind === 'acknowledges') this.startAcknowledging();
    else this.answering++;
    const settled = (): void => {
      this.pending--;
      if (kind === 'acknowledges') this.acknowledging--;
      else this.answering--;
      this.acknowledgeWaiting();
      this.schedule();
    };
    let work: Promise<void>;
    try {
      work = entry.task.run();
    } catch (error) {
      settled();
      entry.reject(error);
      return;
    }
    work.then(
      () => {
        settled();
        entry.resolve();
      },
      (error: unknown) => {
        settled();
        entry.reject(error);
      },
    );
  }

  private reportIfIdle(): void {
    if (this.pending > 0 || this.backlog.acknowledgedFirst === 0) return;
    const report = this.backlog;
    this.backlog = { acknowledgedFirst: 0, oldestMs: 0 };
    this.onBacklogCleared?.(report);
  }
}
