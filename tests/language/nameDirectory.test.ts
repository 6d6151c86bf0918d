import { describe, expect, it } from 'vitest';
import { NameDirectory } from '../../src/language/nameDirectory.js';

describe('the directory of people named in full', () => {
  const people: Array<[string, number]> = [
    ['lee jae myung', 5],
    ['lee hae-chan', 1],
    ['xi jinping', 4],
    ['wang yi', 2],
  ];

  it('links a surname or a given name to the full name the corpus gives most often', () => {
    const names = NameDirectory.fromPeople(people);
    expect(names.fullNamesFor('lee')).toEqual(['lee jae myung']);
    expect(names.fullNamesFor('xi')).toEqual(['xi jinping']);
    expect(names.fullNamesFor('jinping')).toEqual(['xi jinping']);
    expect(names.fullNamesFor('zhang')).toEqual([]);
    expect(names.canonical('wang')).toBe('wang yi');
  });

  it('finds a full name written with other spaces or hyphens', () => {
    const names = NameDirectory.fromPeople(people);
    expect(names.fullNameByCompactForm('leehaechan')).toBe('lee hae-chan');
    expect(names.fullNameByCompactForm('leejaemyung')).toBe('lee jae myung');
    expect(names.fullNameByCompactForm('leejae')).toBeUndefined();
  });

  it('takes people back when the articles that named them leave', () => {
    const names = NameDirectory.fromPeople(people);
    names.removePeople([['lee jae myung', 5]]);
    expect(names.fullNamesFor('lee')).toEqual(['lee hae-chan']);
    expect(names.fullNamesFor('myung')).toEqual([]);
    expect(names.knownPeople.has('myung')).toBe(false);
    expect(names.fullNameByCompactForm('leejaemyung')).toBeUndefined();
    // Named less often than they are taken back: still known while some mention is left.
    names.removePeople([['xi jinping', 1]]);
    expect(names.fullNamesFor('xi')).toEqual(['xi jinping']);
    expect(names.people()).toContainEqual(['xi jinping', 3]);
  });
});
