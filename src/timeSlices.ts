/**
 * Long work on the main thread cut into slices of time, so that questions asked meanwhile are
 * answered between them: check `spent` as the work goes, and await `next()` when it is.
 */
export class TimeSlices {
  private ends: number;

  constructor(
    private readonly nextTurn: () => Promise<unknown>,
    private readonly sliceMs: number,
  ) {
    this.ends = performance.now() + sliceMs;
  }

  /** Whether the current slice has run its time. */
  get spent(): boolean {
    return performance.now() >= this.ends;
  }

  /** Lets the event loop turn, then starts a new slice. */
  async next(): Promise<void> {
    await this.nextTurn();
    this.ends = performance.now() + this.sliceMs;
  }
}
