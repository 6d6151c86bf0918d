import { describe, expect, it } from 'vitest';
import { indexTerms, stemsOf, tokenize } from '../../src/language/tokenize.js';

describe('splitting text into words', () => {
  it('keeps a word whole across invisible characters that web pages leave inside it', () => {
    const text = 'A sum\u00ADmit with Xi\u200BJinping in Bei\u200Djing.';
    const tokens = tokenize(text);
    expect(tokens.map((t) => t.lower)).toEqual(['a', 'summit', 'with', 'xijinping', 'in', 'beijing']);
    // Offsets still point into the original text, invisible characters included.
    const summit = tokens[1]!;
    expect(text.slice(summit.start, summit.end)).toBe('sum\u00ADmit');
    expect(indexTerms(tokenize('sum\u00ADmit'))).toEqual(indexTerms(tokenize('summit')));
  });

  it('still splits at spaces, punctuation and dashes between words', () => {
    expect(tokenize('Seoul—Beijing ties, “reset” now.').map((t) => t.lower)).toEqual(['seoul', 'beijing', 'ties', 'reset', 'now']);
  });

  it('folds a possessive and keeps the parts of a hyphenated name', () => {
    const [lee, name] = tokenize('Lee’s Yu-jung');
    expect(lee!.lower).toBe('lee');
    expect(name!.stems).toEqual(expect.arrayContaining(['yujung', 'yu', 'jung']));
  });

  it('reads "US" in capitals as the country, "us" as the pronoun it is', () => {
    expect(indexTerms(tokenize('The US and China'))).toEqual(['us', 'china']);
    expect(indexTerms(tokenize('They told us about China'))).toEqual(['china']);
  });

  it('stems irregular verb forms as their verb, but not those that are as often another word', () => {
    expect(stemsOf('sank')).toEqual(stemsOf('sink'));
    expect(stemsOf('paid')).toEqual(stemsOf('pay'));
    expect(stemsOf('fed')).not.toEqual(stemsOf('feed'));
    expect(stemsOf('lay')).not.toEqual(stemsOf('lie'));
    expect(stemsOf('found')).not.toEqual(stemsOf('find'));
  });
});
