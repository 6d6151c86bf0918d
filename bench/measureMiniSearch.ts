/**
 * Child process: plain MiniSearch 7 with default options over one document per sentence (ids
 * only, `fields: ['text']`): build time, heap after build, search time per question (the
 * question's words as the search string), toJSON size and loadJSON time. Prints one JSON line.
 *
 *   node --expose-gc --import tsx bench/measureMiniSearch.ts --sentences-file F --questions-file Q [--repeat 3]
 */
import MiniSearch from 'minisearch';
import { readNumberFlag, readStringFlag } from './cliFlags.js';
import type { MiniSearchFigures } from './figures.js';
import { emit, progress, repeatTimed, round, runChild, settledMemory, timeQuestionPasses } from './measureSupport.js';
import { readQuestions, readSentences } from './questions.js';

interface SentenceDocument {
  id: number;
  text: string;
}

const OPTIONS = { fields: ['text'] };

function buildIndex(texts: readonly string[]): MiniSearch<SentenceDocument> {
  const index = new MiniSearch<SentenceDocument>(OPTIONS);
  index.addAll(texts.map((text, id) => ({ id, text })));
  return index;
}

async function main(): Promise<void> {
  const argv = process.argv.slice(2);
  const repeat = readNumberFlag(argv, '--repeat', 3);
  const questions = readQuestions(readStringFlag(argv, '--questions-file', ''));
  const baseline = settledMemory();
  const readStarted = performance.now();
  const texts = readSentences(readStringFlag(argv, '--sentences-file', ''));
  const readMs = performance.now() - readStarted;

  progress(`MiniSearch: indexing ${texts.length} sentences`);
  let index: MiniSearch<SentenceDocument> | null = null;
  const build = await repeatTimed(repeat, () => {
    index = null;
    index = buildIndex(texts);
  });
  const built: MiniSearch<SentenceDocument> = index ?? buildIndex(texts);
  // The index and the sentence texts (to quote a hit, a search service needs them) stay held.
  const afterBuild = settledMemory();

  progress('MiniSearch: searching');
  let hits = 0;
  const passes = timeQuestionPasses(questions, repeat, (question) => {
    hits += built.search(question.search).length;
  });

  progress('MiniSearch: toJSON and loadJSON');
  const toJsonStarted = performance.now();
  const json = JSON.stringify(built);
  const toJsonMs = performance.now() - toJsonStarted;
  const loadJson = await repeatTimed(repeat, () => MiniSearch.loadJSON<SentenceDocument>(json, OPTIONS));

  const figures: MiniSearchFigures = {
    system: 'minisearch',
    sentences: texts.length,
    readMs: round(readMs),
    build,
    memory: {
      baseline: baseline.total,
      afterBuild: afterBuild.total,
      afterBuildHeapUsed: afterBuild.heapUsed,
      afterBuildArrayBuffers: afterBuild.arrayBuffers,
    },
    query: passes.query,
    firstPass: passes.firstPass,
    passes: passes.passes,
    hits,
    toJsonChars: json.length,
    toJsonMs: round(toJsonMs),
    loadJson,
  };
  emit(figures);
}

runChild(main);
