/**
 * The order and pace in which interactions are answered, so that a burst never costs an
 * acknowledgement deadline.
 *
 * Answering is synchronous work on the one thread that also reads the gateway and sends the
 * replies. Done inline, a burst of 2,000 interactions is read and answered in one go before any
 * reply leaves, and the last ones miss Discord's 3 seconds. Here each task runs in its turn, in
 * arrival order, one per turn of the event loop (so replies go out and new interactions come in
 * between two answers), and a task still waiting `lateAfterMs` after it was received is
 * acknowledged at once by its `whenLate` (a deferred reply, or autocomplete with no choices).
 */

/** Waiting longer than this for its turn, a task is acknowledged first (Discord allows 3 s). */
export const DEFAULT_LATE_AFTER_MS = 1_000;

export interface PacedTask {
  /** performance.now() when the interaction was received. */
  receivedAt: number;
  /**
   * Called at most once, when the task is still waiting `lateAfterMs` after it was received:
   * acknowledge now. Resolves to true when that finished the task (nothing left to run), false to
   * run it in turn once the acknowledgement is done. Should not reject (a rejection counts as false).
   */
  whenLate(): Promise<boolean>;
  /** The work. Its synchronous part runs in the task's turn; what it awaits afterwards (HTTP) does not hold the queue. */
  run(): Promise<void>;
}

interface Entry {
  task: PacedTask;
  resolve: () => void;
  reject: (error: unknown) => void;
  /** The late acknowledgement, once started; `finished` once it settled. */
  late: Promise<void> | null;
  lateSettled: boolean;
  finished: boolean;
  /** Its turn came while the acknowledgement was in flight: it runs when that settles. */
  waiting: boolean;
}

export interface AnswerQueueOptions {
  lateAfterMs?: number;
  /** The clock (performance.now by default). */
  now?: () => number;
}

export class AnswerQueue {
  private readonly lateAfterMs: number;
  private readonly now: () => number;
  /** Tasks in arrival order; `head` is the next to run, `swept` the next to check for lateness. */
  private entries: Entry[] = [];
  private head = 0;
  private swept = 0;
  /** Tasks whose acknowledgement came back after their turn: they run before the others. */
  private readonly resumed: Entry[] = [];
  private scheduled = false;

  constructor(options: AnswerQueueOptions = {}) {
    this.lateAfterMs = options.lateAfterMs ?? DEFAULT_LATE_AFTER_MS;
    this.now = options.now ?? (() => performance.now());
  }

  /** Tasks waiting for their turn. */
  get length(): number {
    return this.entries.length - this.head + this.resumed.length;
  }

  /** Runs the task in its turn. Resolves once its work has finished; rejects with the work's error. */
  submit(task: PacedTask): Promise<void> {
    return new Promise<void>((resolve, reject) => {
      this.entries.push({ task, resolve, reject, late: null, lateSettled: false, finished: false, waiting: false });
      this.schedule();
    });
  }

  private schedule(): void {
    if (this.scheduled || this.length === 0) return;
    this.scheduled = true;
    setImmediate(() => {
      this.scheduled = false;
      this.step();
      this.schedule();
    });
  }

  /**
   * One turn: the next task that can run, runs (however long it waited: answering now is quicker
   * than acknowledging first); the tasks behind it that have waited too long are acknowledged.
   */
  private step(): void {
    const next = this.nextRunnable();
    this.sweepLate();
    if (next !== undefined) this.run(next);
  }

  private nextRunnable(): Entry | undefined {
    for (;;) {
      const entry = this.resumed.shift() ?? this.takeNext();
      if (entry === undefined) return undefined;
      if (entry.late !== null && !entry.lateSettled) {
        entry.waiting = true;
        continue;
      }
      if (entry.finished) {
        entry.resolve();
        continue;
      }
      return entry;
    }
  }

  private takeNext(): Entry | undefined {
    if (this.head >= this.entries.length) return undefined;
    const entry = this.entries[this.head++];
    if (this.head > 1_024 && this.head * 2 > this.entries.length) {
      this.entries = this.entries.slice(this.head);
      this.swept = Math.max(0, this.swept - this.head);
      this.head = 0;
    }
    return entry;
  }

  /** Entries are in arrival order, so the ones waiting too long are a prefix of those not yet checked. */
  private sweepLate(): void {
    const now = this.now();
    this.swept = Math.max(this.swept, this.head);
    while (this.swept < this.entries.length) {
      const entry = this.entries[this.swept]!;
      if (now - entry.task.receivedAt < this.lateAfterMs) return;
      this.startLate(entry);
      this.swept++;
    }
  }

  private startLate(entry: Entry): void {
    entry.late = entry.task
      .whenLate()
      .catch(() => false)
      .then((finished) => {
        entry.lateSettled = true;
        entry.finished = finished;
        if (!entry.waiting) return;
        entry.waiting = false;
        if (finished) {
          entry.resolve();
        } else {
          this.resumed.push(entry);
          this.schedule();
        }
      });
  }

  private run(entry: Entry): void {
    let work: Promise<void>;
    try {
      work = entry.task.run();
    } catch (error) {
      entry.reject(error);
      return;
    }
    work.then(entry.resolve, entry.reject);
  }
}
