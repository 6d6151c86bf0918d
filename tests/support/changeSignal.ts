// A tiny "something changed" notifier that lets tests wait for a condition on recorded state
// without polling: producers call notify() after every mutation, waiters re-check their probe.

import { EventEmitter } from 'node:events';

export interface WaitOptions {
  /** Give up after this many milliseconds (default 5000). */
  timeoutMs?: number;
  /** Added to the timeout error: how far the wait got (e.g. "1200 of 2000 answered"). */
  progress?: () => string;
}

export const DEFAULT_WAIT_TIMEOUT_MS = 5_000;

const CHANGE_EVENT = 'change';
const CANCEL_EVENT = 'cancel';

export class ChangeSignal {
  readonly #emitter = new EventEmitter();

  constructor() {
    this.#emitter.setMaxListeners(0);
  }

  /** Tell waiters that recorded state changed. */
  notify(): void {
    this.#emitter.emit(CHANGE_EVENT);
  }

  /** Reject every pending waitFor (used when the fake shuts down). */
  cancelAll(reason: string): void {
    this.#emitter.emit(CANCEL_EVENT, new Error(reason));
  }

  /**
   * Resolves with the first value other than `undefined` returned by `probe`, which is evaluated now
   * and again after every notify(). Rejects after `timeoutMs`, naming `description` in the error.
   */
  waitFor<T>(probe: () => T | undefined, description: string, options: WaitOptions = {}): Promise<T> {
    const timeoutMs = options.timeoutMs ?? DEFAULT_WAIT_TIMEOUT_MS;
    const immediate = probe();
    if (immediate !== undefined) return Promise.resolve(immediate);

    return new Promise<T>((resolve, reject) => {
      const cleanup = (): void => {
        clearTimeout(timer);
        this.#emitter.off(CHANGE_EVENT, onChange);
        this.#emitter.off(CANCEL_EVENT, onCancel);
      };
      const onChange = (): void => {
        let value: T | undefined;
        try {
          value = probe();
        } catch (error) {
          cleanup();
          reject(error instanceof Error ? error : new Error(String(error)));
          return;
        }
        if (value !== undefined) {
          cleanup();
          resolve(value);
        }
      };
      const onCancel = (error: Error): void => {
        cleanup();
        reject(new Error(`${error.message} while waiting for ${description}`));
      };
      const timer = setTimeout(() => {
        cleanup();
        const progress = options.progress === undefined ? '' : ` (${options.progress()})`;
        reject(new Error(`Timed out after ${timeoutMs} ms waiting for ${description}${progress}`));
      }, timeoutMs);
      this.#emitter.on(CHANGE_EVENT, onChange);
      this.#emitter.on(CANCEL_EVENT, onCancel);
    });
  }
}
