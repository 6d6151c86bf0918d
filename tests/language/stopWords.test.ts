import { describe, expect, it } from 'vitest';
import { isMisspeltStopWord, isStopWordAsTyped } from '../../src/language/stopWords.js';

describe('misspelt function words', () => {
  it.each(['befor', 'becuase', 'abuot', 'thier', 'wiht', 'whcih', 'shoudl'])('"%s" is one slip from a function word', (word) => {
    expect(isMisspeltStopWord(word)).toBe(true);
  });

  it.each(['worth', 'kang', 'seoul', 'samsung', 'ferry', 'a', 'xi'])('"%s" is not', (word) => {
    expect(isMisspeltStopWord(word)).toBe(false);
  });
});

describe('a function word as typed', () => {
  it('is "US" the country in capitals, "us" the pronoun otherwise', () => {
    expect(isStopWordAsTyped('US', 'us', 'the US president')).toBe(false);
    expect(isStopWordAsTyped('us', 'us', 'tell us')).toBe(true);
    expect(isStopWordAsTyped('Us', 'us', 'Us and them')).toBe(true);
    expect(isStopWordAsTyped('THE', 'the', 'THE US')).toBe(true);
    // A question typed all in capitals says nothing by its capitals.
    expect(isStopWordAsTyped('US', 'us', 'WHAT DID LIND TELL US?')).toBe(true);
  });
});
