/**
 * What questions see while the service works: a question due every 10 ms (setTimeout), answered on
 * the main thread, until the work settles. Shared by the children that measure a reload, an open
 * from the saved index and an in-place corpus change.
 */

/** A question is due this long after the previous one was answered. */
export const QUESTION_EVERY_MS = 10;

export interface ProbeResult {
  /** Longest lateness of a question's timer: how long it waited for the event loop. */
  maxWait: number;
  /** Longest time from a question's due time to its answer (wait + answering). */
  maxResponse: number;
  /** Questions answered. */
  answered: number;
}

/**
 * Schedules a question every 10 ms until `work` settles: each is due 10 ms after the previous
 * one was answered; its wait is how late its timer fired, its response how late its answer was.
 * The question in flight when `work` settles is still waited for: after a long block of the
 * event loop it is the one that waited longest. `answer` gets the question's number (0, 1, …).
 */
export async function probeWhile(work: Promise<unknown>, answer: (n: number) => void): Promise<ProbeResult> {
  const result: ProbeResult = { maxWait: 0, maxResponse: 0, answered: 0 };
  let done = false;
  let inFlight: Promise<void> = Promise.resolve();
  const schedule = (): void => {
    const due = performance.now() + QUESTION_EVERY_MS;
    inFlight = new Promise((resolve) => {
      setTimeout(() => {
        const started = performance.now();
        answer(result.answered++);
        const finished = performance.now();
        result.maxWait = Math.max(result.maxWait, started - due);
        result.maxResponse = Math.max(result.maxResponse, finished - due);
        if (!done) schedule();
        resolve();
      }, QUESTION_EVERY_MS);
    });
  };
  schedule();
  try {
    await work;
  } finally {
    done = true;
    await inFlight;
  }
  return result;
}
