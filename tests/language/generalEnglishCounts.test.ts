import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { GENERATED_MODULE, countsModuleText, readPackageCounts } from '../../scripts/generalEnglishCounts.js';
import { generalRarity } from '../../src/language/generalEnglish.js';

describe('the everyday-English counts the bot reads', () => {
  it('are what scripts/generalEnglishCounts.ts makes from the installed SUBTLEX package', () => {
    expect(readFileSync(GENERATED_MODULE, 'utf8')).toBe(countsModuleText(readPackageCounts()));
  });

  it("give unknown words the most rarity, everyday words none, and an inflection its base form's", () => {
    expect(generalRarity('qzxvbnotaword')).toBe(1);
    expect(generalRarity('the')).toBe(0);
    expect(generalRarity('arrives')).toBe(generalRarity('arrive'));
  });

  it('keep a word whose count is just common enough', () => {
    const text = countsModuleText([
      { word: 'Common', count: 1_000_000_000 },
      { word: 'rare', count: 1 },
    ]);
    expect(text).toContain('common 1000000000');
    expect(text).not.toContain('rare 1');
  });
});
