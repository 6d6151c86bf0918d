import { describe, expect, it } from 'vitest';
import { buildCorpus } from '../../src/service/corpusBuild.js';
import { packBuild, unpackBuild } from '../../src/service/buildTransfer.js';

describe('a built corpus posted from the build worker', () => {
  it('arrives whole: the same articles, people, suggestions, arrays and refusals', async () => {
    const built = await buildCorpus({ corpusDir: 'corpus', snapshotFile: null });
    built.notes.push('a note');
    const { packed, transfer } = packBuild(built);
    // What the receiving thread gets: a structured clone with the listed buffers moved, not copied.
    const received = structuredClone(packed, { transfer });
    expect(transfer.every((buffer) => buffer.byteLength === 0)).toBe(true);
    let turns = 0;
    const unpacked = await unpackBuild(received, async () => {
      turns++;
    });
    expect(turns).toBe(3);
    expect(unpacked.fingerprint).toBe(built.fingerprint);
    expect(unpacked.notes).toEqual(['a note']);
    expect(unpacked.data.articles).toEqual(built.data.articles);
    expect(unpacked.data.people).toEqual(built.data.people);
    expect(unpacked.data.suggestions).toEqual(built.data.suggestions);
    expect(unpacked.data.index.terms).toBe(built.data.index.terms);
    expect(unpacked.data.store.text.length).toBeGreaterThan(0);
  });
});
