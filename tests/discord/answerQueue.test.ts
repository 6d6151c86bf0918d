// The queue that answers interactions one per turn of the event loop and acknowledges first those
// that might not be answered in time: a task is answered directly only when nothing waits ahead
// of it and it is young; the others are acknowledged at once, on arrival, and their answers wait
// while acknowledgements are in flight; order kept, other work let through between answers, a
// failure passed to its own caller only.

import { setImmediate as nextTurn } from 'node:timers/promises';
import { describe, expect, it } from 'vitest';
import { AnswerQueue, type BacklogReport, type PacedTask } from '../../src/discord/answerQueue.js';

function task(overrides: Partial<PacedTask> & Pick<PacedTask, 'run'>): PacedTask {
  return { createdAt: performance.now(), acknowledged: false, acknowledge: () => Promise.resolve(false), ...overrides };
}

/** A promise and the function that resolves it. */
function deferred<T>(): { promise: Promise<T>; resolve: (value: T) => void } {
  let resolve!: (value: T) => void;
  const promise = new Promise<T>((r) => {
    resolve = r;
  });
  return { promise, resolve };
}

/** A task that records its acknowledgement and its run in `events`, named `name`. */
function recorded(events: string[], name: string, overrides: Partial<PacedTask> = {}): PacedTask {
  return task({
    acknowledge: () => {
      events.push(`acknowledge ${name}`);
      return Promise.resolve(false);
    },
    run: () => {
      events.push(`run ${name}`);
      return Promise.resolve();
    },
    ...overrides,
  });
}

describe('AnswerQueue', () => {
  it('answers a task directly when nothing waits ahead of it and it is young', async () => {
    const queue = new AnswerQueue();
    const events: string[] = [];
    await queue.submit(recorded(events, 'only'));
    expect(events).toEqual(['run only']);
  });

  it('acknowledges at once, before any answer is computed, every task that arrives while another waits', async () => {
    const queue = new AnswerQueue();
    const events: string[] = [];
    const done = ['a', 'b', 'c'].map((name) => queue.submit(recorded(events, name)));
    // On arrival, in the same turn: the first waits for its direct answer, the others are acknowledged.
    expect(events).toEqual(['acknowledge b', 'acknowledge c']);
    await Promise.all(done);
    // The direct answer first, then the acknowledged ones, in order.
    expect(events).toEqual(['acknowledge b', 'acknowledge c', 'run a', 'run b', 'run c']);
    expect(queue.length).toBe(0);
  });

  it('acknowledges first a task already old when it arrives, even with nothing ahead of it', async () => {
    let now = 10_000;
    const queue = new AnswerQueue({ acknowledgeAfterMs: 500, now: () => now });
    const events: string[] = [];
    const old = queue.submit(recorded(events, 'old', { createdAt: now - 600 }));
    expect(events).toEqual(['acknowledge old']);
    await old;
    expect(events).toEqual(['acknowledge old', 'run old']);
    now += 1;
    await queue.submit(recorded(events, 'young', { createdAt: now - 100 }));
    expect(events).toEqual(['acknowledge old', 'run old', 'run young']);
  });

  it('runs one task per turn of the event loop, letting the work a task scheduled go first', async () => {
    const queue = new AnswerQueue();
    const events: string[] = [];
    const done = [1, 2, 3].map((n) =>
      queue.submit(
        task({
          run: () => {
            events.push(`run ${n}`);
            setImmediate(() => events.push(`after ${n}`));
            return Promise.resolve();
          },
        }),
      ),
    );
    expect(queue.length).toBe(3);
    await Promise.all(done);
    expect(events).toEqual(['run 1', 'after 1', 'run 2', 'after 2', 'run 3']);
    expect(queue.length).toBe(0);
  });

  it('holds the answers of acknowledged tasks while an acknowledgement is in flight; a direct answer goes first', async () => {
    const queue = new AnswerQueue({ answerHoldMs: 60_000 });
    const events: string[] = [];
    const slowAck = deferred<boolean>();
    const first = queue.submit(recorded(events, 'first'));
    const quick = queue.submit(recorded(events, 'quick'));
    const slow = queue.submit(
      recorded(events, 'slow', {
        acknowledge: () => {
          events.push('acknowledge slow');
          return slowAck.promise;
        },
      }),
    );
    await first;
    // 'quick' was acknowledged, but its answer waits: the acknowledgement of 'slow' is still in flight.
    for (let i = 0; i < 5; i++) await nextTurn();
    expect(events).toEqual(['acknowledge quick', 'acknowledge slow', 'run first']);
    // A newcomer with nothing ahead of it is answered directly, before the held answers.
    await queue.submit(recorded(events, 'newcomer'));
    expect(events.at(-1)).toBe('run newcomer');
    expect(events).not.toContain('run quick');
    slowAck.resolve(false);
    await Promise.all([quick, slow]);
    expect(events.slice(-2)).toEqual(['run quick', 'run slow']);
  });

  it('still runs held answers, one per hold period, when an acknowledgement never settles', async () => {
    const queue = new AnswerQueue({ answerHoldMs: 5 });
    const events: string[] = [];
    const first = queue.submit(recorded(events, 'first'));
    const stuck = queue.submit(recorded(events, 'stuck', { acknowledge: () => new Promise<boolean>(() => undefined) }));
    const held = queue.submit(recorded(events, 'held'));
    await Promise.all([first, held]);
    expect(events).toContain('run held');
    expect(events).not.toContain('run stuck');
    expect(queue.length).toBe(1);
    void stuck;
  });

  it('sends at most maxAcknowledging acknowledgements at once, the others oldest first as those settle; a newcomer does not jump ahead', async () => {
    const queue = new AnswerQueue({ maxAcknowledging: 2 });
    const events: string[] = [];
    const acks = new Map<string, (finished: boolean) => void>();
    const held = (name: string) =>
      recorded(events, name, {
        acknowledge: () => {
          events.push(`acknowledge ${name}`);
          return new Promise<boolean>((resolve) => acks.set(name, resolve));
        },
      });
    const direct = queue.submit(held('direct'));
    const waiting = ['b', 'c', 'd', 'e'].map((name) => queue.submit(held(name)));
    // 'direct' is answered in the next turn; of the others, two acknowledgements leave now, two wait.
    expect(events).toEqual(['acknowledge b', 'acknowledge c']);
    await direct;
    expect(events).toEqual(['acknowledge b', 'acknowledge c', 'run direct']);
    // Acknowledgements are waiting: a newcomer is acknowledged first too, after them.
    const newcomer = queue.submit(held('newcomer'));
    acks.get('b')!(false);
    await nextTurn();
    expect(events.slice(3)).toEqual(['acknowledge d']);
    acks.get('c')!(false);
    acks.get('d')!(false);
    await nextTurn();
    expect(events.slice(3)).toEqual(['acknowledge d', 'acknowledge e', 'acknowledge newcomer']);
    acks.get('e')!(false);
    acks.get('newcomer')!(false);
    await Promise.all([...waiting, newcomer]);
    expect(events.slice(6)).toEqual(['run b', 'run c', 'run d', 'run e', 'run newcomer']);
  });

  it('sends at most maxAnswering answers at once', async () => {
    const queue = new AnswerQueue({ maxAnswering: 1 });
    const events: string[] = [];
    let finishFirst!: () => void;
    const first = queue.submit(
      task({
        acknowledged: true,
        run: () => {
          events.push('run first');
          return new Promise<void>((resolve) => {
            finishFirst = resolve;
          });
        },
      }),
    );
    const second = queue.submit(recorded(events, 'second', { acknowledged: true }));
    for (let i = 0; i < 5; i++) await nextTurn();
    expect(events).toEqual(['run first']);
    finishFirst();
    await Promise.all([first, second]);
    expect(events).toEqual(['run first', 'run second']);
  });

  it('never acknowledges again a task submitted already acknowledged; it runs as an answer', async () => {
    const queue = new AnswerQueue();
    const events: string[] = [];
    await Promise.all([
      queue.submit(recorded(events, 'direct')),
      queue.submit(recorded(events, 'deferred before', { acknowledged: true })),
    ]);
    expect(events).toEqual(['run direct', 'run deferred before']);
  });

  it('skips a task its acknowledgement finished (autocomplete answered with no choices, a lost interaction)', async () => {
    const queue = new AnswerQueue();
    let ran = 0;
    const blocker = queue.submit(task({ run: () => Promise.resolve() }));
    const finished = queue.submit(task({ acknowledge: () => Promise.resolve(true), run: () => Promise.resolve(void ran++) }));
    await Promise.all([blocker, finished]);
    expect(ran).toBe(0);
    expect(queue.length).toBe(0);
  });

  it('treats a rejected or throwing acknowledgement as not finished: the task still runs', async () => {
    const queue = new AnswerQueue();
    let ran = 0;
    const blocker = queue.submit(task({ run: () => Promise.resolve() }));
    const rejected = queue.submit(task({ acknowledge: () => Promise.reject(new Error('404')), run: () => Promise.resolve(void ran++) }));
    const throwing = queue.submit(
      task({
        acknowledge: () => {
          throw new Error('no');
        },
        run: () => Promise.resolve(void ran++),
      }),
    );
    await Promise.all([blocker, rejected, throwing]);
    expect(ran).toBe(2);
  });

  it("passes a task's failure to its caller only; the tasks after it still run", async () => {
    const queue = new AnswerQueue();
    const failing = queue.submit(task({ run: () => Promise.reject(new Error('reply failed')) }));
    const throwing = queue.submit(
      task({
        run: () => {
          throw new Error('render failed');
        },
      }),
    );
    const next = queue.submit(task({ run: () => Promise.resolve() }));
    await expect(failing).rejects.toThrow('reply failed');
    await expect(throwing).rejects.toThrow('render failed');
    await expect(next).resolves.toBeUndefined();
    expect(queue.length).toBe(0);
  });

  it('reports a backlog once it is answered: how many were acknowledged first, and the oldest', async () => {
    let now = 1_000;
    const reports: BacklogReport[] = [];
    const queue = new AnswerQueue({ now: () => now, onBacklogCleared: (report) => reports.push(report) });
    await queue.submit(task({ createdAt: now, run: () => Promise.resolve() }));
    expect(reports).toEqual([]);
    await Promise.all([
      queue.submit(task({ createdAt: now, run: () => Promise.resolve() })),
      queue.submit(task({ createdAt: now - 200, run: () => Promise.resolve() })),
      queue.submit(task({ createdAt: now - 900, run: () => Promise.resolve() })),
    ]);
    await nextTurn();
    expect(reports).toEqual([{ acknowledgedFirst: 2, oldestMs: 900 }]);
    now += 10;
    await queue.submit(task({ createdAt: now, run: () => Promise.resolve() }));
    await nextTurn();
    expect(reports).toHaveLength(1);
  });
});
