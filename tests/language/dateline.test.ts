// A wire story's dateline (src/language/dateline.ts): where, when and by whom it was filed, which
// no answer is taken from.

import { describe, expect, it } from 'vitest';
import { datelineLength } from '../../src/language/dateline.js';

describe('a dateline at the start of a sentence', () => {
  it.each([
    ['BEIJING (Reuters) - China said on Tuesday ...', 'BEIJING (Reuters) - '],
    ['TORSAND, March 11 (Test Wire) - Velmora grounded its rockets.', 'TORSAND, March 11 (Test Wire) - '],
    ['NEW YORK, Jan. 5, 2026 (AP) — Stocks fell.', 'NEW YORK, Jan. 5, 2026 (AP) — '],
    ['SEOUL, Jan. 4 (Yonhap) -- Samsung will build a plant.', 'SEOUL, Jan. 4 (Yonhap) -- '],
    ['KYIV, Ukraine (AP) — The ministry said ...', 'KYIV, Ukraine (AP) — '],
    ['SPRINGFIELD, Ill. (AP) — The mayor said ...', 'SPRINGFIELD, Ill. (AP) — '],
    ['Paris (AFP) - The minister said ...', 'Paris (AFP) - '],
    ['BRUSSELS, 4 January (Reuters) - The Commission said ...', 'BRUSSELS, 4 January (Reuters) - '],
    ['(Bloomberg) -- Stocks rose.', '(Bloomberg) -- '],
    ['OSLO, March 2 - The premier said ...', 'OSLO, March 2 - '],
    ['NEW YORK, Sept. 12, 2025 /PRNewswire/ -- Acme said ...', 'NEW YORK, Sept. 12, 2025 /PRNewswire/ -- '],
  ])('is found in %j', (sentence, dateline) => {
    expect(datelineLength(sentence)).toBe(dateline.length);
  });

  it.each([
    ['The premier arrived in Oslo on Sunday.'],
    ['US officials said: the talks went well.'],
    ['NATO - Rutte said the alliance would send more troops.'],
    ['UN — Guterres warned of famine.'],
    ['MACRON: We will send troops to the border.'],
    ['NASA LAUNCHES ARTEMIS II: the crew is safe.'],
    ['SEOUL: South Korean President Lee heads to China.'],
    ['Asked this month - he declined.'],
  ])('is not read into %j', (sentence) => {
    expect(datelineLength(sentence)).toBe(0);
  });
});
