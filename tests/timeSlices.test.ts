// Long work cut into slices of time (src/timeSlices.ts): the event loop turns only once a slice
// has run its time, and each turn starts a new slice.

import { describe, expect, it } from 'vitest';
import { TimeSlices } from '../src/timeSlices.js';

describe('slices of time', () => {
  it('are not spent before their time, and the work goes on without turning the event loop', () => {
    let turns = 0;
    const slices = new TimeSlices(async () => void turns++, 60_000);
    expect(slices.spent).toBe(false);
    expect(turns).toBe(0);
  });

  it('turn the event loop once spent, and start again after it', async () => {
    let turns = 0;
    const slices = new TimeSlices(async () => void turns++, 0);
    expect(slices.spent).toBe(true);
    await slices.next();
    expect(turns).toBe(1);
  });
});
