// The queue that answers interactions one per turn of the event loop and acknowledges early those
// that wait too long: order kept, other work let through between answers, a late task acknowledged
// once and run only after its acknowledgement, a failure passed to its own caller only.

import { describe, expect, it } from 'vitest';
import { AnswerQueue, type PacedTask } from '../../src/discord/answerQueue.js';

function task(overrides: Partial<PacedTask> & Pick<PacedTask, 'run'>): PacedTask {
  return { receivedAt: performance.now(), whenLate: () => Promise.resolve(false), ...overrides };
}

describe('AnswerQueue', () => {
  it('runs tasks in arrival order, one per turn of the event loop', async () => {
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
    // Work scheduled by a task (a reply's I/O) gets its turn before the next task runs.
    expect(events).toEqual(['run 1', 'after 1', 'run 2', 'after 2', 'run 3']);
    expect(queue.length).toBe(0);
  });

  it('acknowledges a task waiting too long once, and runs it only after the acknowledgement', async () => {
    let now = 0;
    const queue = new AnswerQueue({ lateAfterMs: 1_000, now: () => now });
    const events: string[] = [];
    let acknowledge!: () => void;
    const first = queue.submit(task({ receivedAt: 0, run: () => Promise.resolve(void events.push('run first')) }));
    const late = queue.submit(
      task({
        receivedAt: 0,
        whenLate: () => {
          events.push('defer late');
          return new Promise<boolean>((resolve) => {
            acknowledge = () => resolve(false);
          });
        },
        run: () => Promise.resolve(void events.push('run late')),
      }),
    );
    now = 1_500;
    await first;
    await new Promise((resolve) => setImmediate(resolve));
    await new Promise((resolve) => setImmediate(resolve));
    // The acknowledgement goes out first, then the task whose turn it is runs.
    expect(events).toEqual(['defer late', 'run first']);
    acknowledge();
    await late;
    expect(events).toEqual(['defer late', 'run first', 'run late']);
  });

  it('does not acknowledge the task whose turn it is, however long it waited', async () => {
    const queue = new AnswerQueue({ lateAfterMs: 1_000, now: () => 5_000 });
    let late = 0;
    const whenLate = () => {
      late++;
      return Promise.resolve(false);
    };
    await queue.submit(task({ receivedAt: 0, whenLate, run: () => Promise.resolve() }));
    expect(late).toBe(0);
  });

  it('skips a task its late acknowledgement finished (autocomplete answered with no choices)', async () => {
    const queue = new AnswerQueue({ lateAfterMs: 1_000, now: () => 5_000 });
    let ran = 0;
    const blocker = queue.submit(task({ receivedAt: 5_000, run: () => Promise.resolve() }));
    const finished = queue.submit(task({ receivedAt: 0, whenLate: () => Promise.resolve(true), run: () => Promise.resolve(void ran++) }));
    await Promise.all([blocker, finished]);
    expect(ran).toBe(0);
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
  });

  it('treats a rejected acknowledgement as not finished: the task still runs', async () => {
    const queue = new AnswerQueue({ lateAfterMs: 1_000, now: () => 5_000 });
    let ran = 0;
    const blocker = queue.submit(task({ receivedAt: 5_000, run: () => Promise.resolve() }));
    const late = queue.submit(task({ receivedAt: 0, whenLate: () => Promise.reject(new Error('404')), run: () => Promise.resolve(void ran++) }));
    await Promise.all([blocker, late]);
    expect(ran).toBe(1);
  });
});
