// A wire story's dateline (src/language/dateline.ts): where, when and by whom it was filed, which
// no answer is taken from.

import { describe, expect, it } from 'vitest';
import { datelineLength } from '../../src/language/dateline.js';

describe('a dateline at the start of a sentence', () => {
  it.each([
    ['SEOUL: South Korean President Lee heads to China.', 'SEOUL: '],
    ['BEIJING (Reuters) - China said on Tuesday ...', 'BEIJING (Reuters) - '],
    ['TORSAND, March 11 (Test Wire) - Velmora grounded its rockets.', 'TORSAND, March 11 (Test Wire) - '],
    ['NEW YORK, Jan. 5, 2026 (AP) — Stocks fell.', 'NEW YORK, Jan. 5, 2026 (AP) — '],
  ])('is found in %j', (sentence, dateline) => {
    expect(datelineLength(sentence)).toBe(dateline.length);
  });

  it.each([
    ['The premier arrived in Oslo on Sunday.'],
    ['US officials said: the talks went well.'],
    ['Asked this month - he declined.'],
    ['NATO allies met in Brussels.'],
  ])('is not read into %j', (sentence) => {
    expect(datelineLength(sentence)).toBe(0);
  });
});
