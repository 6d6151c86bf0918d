import { existsSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { SLOW_TEST_FILES } from '../../vitest.config.js';

const root = path.resolve(import.meta.dirname, '../..');

describe('the slow test files started first (vitest.config.ts)', () => {
  it('names only test files that exist: a renamed one would silently fall back to the end of the run', () => {
    const missing = SLOW_TEST_FILES.filter((file) => !existsSync(path.join(root, file)));
    expect(missing).toEqual([]);
    expect(SLOW_TEST_FILES.every((file) => file.endsWith('.test.ts'))).toBe(true);
  });
});
