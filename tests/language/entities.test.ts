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

  it('reads a role noun opening the sentence as a title, not as part of the name', () => {
    const found = entitiesOf('Geologist Mira Sandvik of the Polar Institute said the ice had thinned.');
    expect(found).toContain('person: Mira Sandvik');
    expect(found.some((e) => e.includes('Geologist'))).toBe(false);
  });

  it('keeps a sentence-opening word that is not a role as part of the name', () => {
    expect(entitiesOf('Rose Hallam said the ice had thinned.')).toContain('person: Rose Hallam');
  });
});
