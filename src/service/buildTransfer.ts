import { transferList, type EngineDataBuffers } from '../answer/engineData.js';
import type { BuiltCorpus } from './corpusBuild.js';

/**
 * A built corpus as the build worker posts it to the thread answering questions. The typed arrays
 * travel as they are (moved, not copied); the plain data (articles, people, suggestions) travels as
 * JSON bytes, moved too, and is decoded on arrival one part per turn of the event loop. Posted as
 * objects instead, all of it would be copied into the receiving thread in one block before the
 * message is even delivered (tens of milliseconds for a large corpus, while questions wait).
 */
export interface PackedBuild {
  fingerprint: string;
  errors: BuiltCorpus['errors'];
  notes: string[];
  snapshotProblem?: string;
  fileNotes: BuiltCorpus['fileNotes'];
  store: EngineDataBuffers['store'];
  index: EngineDataBuffers['index'];
  json: { articles: Uint8Array; people: Uint8Array; suggestions: Uint8Array };
}

export function packBuild(built: BuiltCorpus): { packed: PackedBuild; transfer: ArrayBuffer[] } {
  const encoder = new TextEncoder();
  const { articles, people, suggestions, store, index } = built.data;
  const json = {
    articles: encoder.encode(JSON.stringify(articles)),
    people: encoder.encode(JSON.stringify(people)),
    suggestions: encoder.encode(JSON.stringify(suggestions)),
  };
  const transfer = [...transferList(built.data), ...Object.values(json).map((bytes) => bytes.buffer as ArrayBuffer)];
  const packed: PackedBuild = { fingerprint: built.fingerprint, errors: built.errors, notes: built.notes, fileNotes: built.fileNotes, store, index, json };
  if (built.snapshotProblem !== undefined) packed.snapshotProblem = built.snapshotProblem;
  return { packed, transfer };
}

/** The built corpus back from its packed form, decoding one part per call of `nextTurn`. */
export async function unpackBuild(packed: PackedBuild, nextTurn: () => Promise<void>): Promise<BuiltCorpus> {
  const decoder = new TextDecoder();
  const parse = async <T>(bytes: Uint8Array): Promise<T> => {
    await nextTurn();
    return JSON.parse(decoder.decode(bytes)) as T;
  };
  const articles = await parse<EngineDataBuffers['articles']>(packed.json.articles);
  const people = await parse<EngineDataBuffers['people']>(packed.json.people);
  const suggestions = await parse<EngineDataBuffers['suggestions']>(packed.json.suggestions);
  const built: BuiltCorpus = {
    fingerprint: packed.fingerprint,
    errors: packed.errors,
    notes: packed.notes,
    fileNotes: packed.fileNotes,
    data: { articles, people, suggestions, store: packed.store, index: packed.index },
  };
  if (packed.snapshotProblem !== undefined) built.snapshotProblem = packed.snapshotProblem;
  return built;
}
