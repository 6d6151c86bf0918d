import { describe, expect, it } from 'vitest';
import { AnswerEngine } from '../../src/answer/engine.js';
import { buildCorpus, buildPackedCorpus } from '../../src/service/corpusBuild.js';
import { transferList, unpackBuild } from '../../src/service/buildTransfer.js';

describe('a built corpus posted from the build worker', () => {
  it('arrives whole, moved and not copied, and answers as the one built here', async () => {
    const built = await buildCorpus({ corpusDir: 'corpus', snapshotFile: null });
    const { packed, transfer } = await buildPackedCorpus({ corpusDir: 'corpus', snapshotFile: null });
    packed.notes.push('a note');
    expect(transfer).toEqual(transferList(packed.corpus));
    // What the receiving thread gets: a structured clone with the listed buffers moved, not copied.
    const received = structuredClone(packed, { transfer });
    expect(transfer.every((buffer) => buffer.byteLength === 0)).toBe(true);
    let turns = 0;
    const unpacked = await unpackBuild(received, async () => {
      turns++;
    });
    // A turn of the event loop per shard and per slice of its new words, and one for the suggestions.
    expect(turns).toBeGreaterThanOrEqual(2 * received.corpus.shards.length + 1);
    expect(unpacked.fingerprint).toBe(built.fingerprint);
    expect(unpacked.notes).toEqual(['a note']);
    expect(unpacked.index.articles).toEqual(built.index.articles);
    expect(unpacked.index.names.people()).toEqual(built.index.names.people());
    expect(unpacked.index.suggestions.entries).toEqual(built.index.suggestions.entries);
    const here = new AnswerEngine(built.index);
    const there = new AnswerEngine(unpacked.index);
    for (const [command, query] of [
      ['when', 'summit with Xi'],
      ['who', 'spokesperson'],
      ['why', 'visit China'],
    ] as const) {
      expect(there.answer(command, query)).toEqual(here.answer(command, query));
    }
  });
});
