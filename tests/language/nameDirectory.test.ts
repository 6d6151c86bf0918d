import { describe, expect, it } from 'vitest';
import { buildEngineData, fromBuffers, fromBuffersInSteps, toBuffers } from '../../src/answer/engineData.js';
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

  it('is the same when rebuilt in steps for a swap as when rebuilt at once', async () => {
    // Enough people to take several steps; the last one shares its letters with an earlier one.
    const many: Array<[string, number]> = Array.from({ length: 2500 }, (_, i) => [`given${i} family${i % 97}`, 1 + (i % 3)]);
    many.push(['given1 family-1', 9]);
    const buffers = { ...toBuffers(buildEngineData([])), people: many };
    const atOnce = fromBuffers(buffers).names;
    const inSteps = (await fromBuffersInSteps(buffers)).names;
    expect(inSteps.people()).toEqual(atOnce.people());
    for (const key of ['family5', 'given7', 'family1', 'given1']) expect(inSteps.fullNamesFor(key)).toEqual(atOnce.fullNamesFor(key));
    expect(inSteps.fullNameByCompactForm('given1family1')).toBe('given1 family1');
  });
});
