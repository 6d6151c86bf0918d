import { describe, expect, it } from 'vitest';
import { findEntities } from '../../src/language/entities.js';
import { tokenize } from '../../src/language/tokenize.js';

const entitiesOf = (text: string) => findEntities(text, tokenize(text)).map((e) => `${e.type}: ${e.text}`);

describe('names of people, places and organisations in a sentence', () => {
  it('reads an institution named by its country or city as an organisation', () => {
    expect(entitiesOf('Seoul’s military reported a launch on Sunday.')).toContain('organisation: Seoul’s military');
    expect(entitiesOf("Later, Japan's foreign ministry protested.")).toContain("organisation: Japan's foreign ministry");
  });

  it('keeps the place itself, and does not make an organisation of any word after a possessive', () => {
    const found = entitiesOf('Seoul’s military reported a launch.');
    expect(found).toContain('place: Seoul');
    expect(entitiesOf('Beijing’s skyline was grey.').filter((e) => e.startsWith('organisation'))).toEqual([]);
  });
});
