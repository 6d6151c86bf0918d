/**
 * The results table: each figure for ours and for plain MiniSearch, their ratio, the target of
 * issue 4 and whether it is met, as Markdown (printed, and written to bench/results.md).
 */
import os from 'node:os';
import type { MiniSearchFigures, OursFigures, ReloadFigures, RepeatedTiming } from './figures.js';
import { formatBytes, formatCount, formatMs, formatRatio } from './format.js';
import type { GeneratedCorpus } from './generateCorpus.js';

export type Outcome<T> = { ok: true; value: T } | { ok: false; reason: string; notApplicable?: boolean };

export interface SnapshotStart {
  timing: RepeatedTiming;
  bytes: number;
  path: string;
}

export interface BenchRun {
  sentences: number;
  questions: number;
  warmups: number;
  seed: number;
  repeat: number;
  corpus: GeneratedCorpus;
  reloadSentences: number;
  minisearch: Outcome<MiniSearchFigures>;
  ours: Outcome<OursFigures>;
  reload: Outcome<ReloadFigures>;
  askCold: Outcome<RepeatedTiming>;
  askSnapshot: Outcome<SnapshotStart>;
  askSeed: Outcome<RepeatedTiming>;
  startedAt: Date;
  durationMs: number;
}

/** The row labels, in table order (the test checks that each is printed). */
export const ROW_LABELS = {
  buildIndex: 'Build: indexing (engine construction vs addAll)',
  buildTotal: 'Build: reading + indexing (loadCorpus + engine vs reading the list + addAll)',
  heap: 'Heap after build (heapUsed + array buffers, whole process)',
  heapIndex: 'Heap added by the texts + index (after build − before loading)',
  queryP50: 'Query p50 (ours: full answer; MiniSearch: search)',
  queryP99: 'Query p99 (ours: full answer; MiniSearch: search)',
  queryP99First: 'Query p99, first pass only (cold caches)',
  savedSize: 'Saved index size (ours: snapshot; MiniSearch: toJSON)',
  startCold: 'Start to first answer, no snapshot (ours: ask; MiniSearch: loadJSON)',
  startSnapshot: 'Start to first answer, from snapshot (ours: ask; MiniSearch: loadJSON)',
  reloadWait: 'Reload: longest wait of a question asked every 10 ms',
  reloadLoopDelay: 'Reload: event-loop delay p99 / max',
  reloadDuration: 'Reload: duration',
  seedStart: 'Seed corpus: start to first answer (ask)',
  answered: 'Answered: questions about the corpus / absent ones refused',
} as const;

interface Row {
  figure: string;
  ours: string;
  plain: string;
  ratio: string;
  target: string;
  met: string;
  runs: string;
}

/** A figure, or why there is none. */
type Cell = { value: number; runs: number } | { missing: string };

interface Target {
  text: string;
  /** The corpus size the target is set for; null when it holds at any size. */
  atSentences: number | null;
  /** The size this run measured the figure at. */
  measuredAt: number;
  met(value: number, ratio: number): boolean;
}

function cellOf<T>(outcome: Outcome<T>, pick: (value: T) => number, runs: (value: T) => number = () => 1): Cell {
  if (!outcome.ok) return { missing: outcome.notApplicable === true ? 'n/a' : 'failed' };
  return { value: pick(outcome.value), runs: runs(outcome.value) };
}

function shown(cell: Cell, format: (n: number) => string): string {
  return 'missing' in cell ? cell.missing : format(cell.value);
}

function runsOf(cell: Cell): string {
  return 'missing' in cell ? '–' : String(cell.runs);
}

function compare(figure: string, ours: Cell, plain: Cell, format: (n: number) => string, target?: Target): Row {
  const ratio = 'missing' in ours || 'missing' in plain || plain.value === 0 ? Number.NaN : ours.value / plain.value;
  let met = '';
  if (target !== undefined) {
    if ('missing' in ours || (Number.isNaN(ratio) && !('missing' in plain))) met = '—';
    else {
      const value = ours.value;
      met = target.met(value, ratio) ? 'yes' : 'no';
      if (target.atSentences !== null && target.atSentences !== target.measuredAt) met += '*';
    }
  }
  return {
    figure,
    ours: shown(ours, format),
    plain: shown(plain, format),
    ratio: formatRatio(ratio),
    target: target?.text ?? '',
    met,
    runs: `${runsOf(ours)} · ${runsOf(plain)}`,
  };
}

function oursOnly(figure: string, ours: Cell, format: (n: number) => string, target?: Target): Row {
  return compare(figure, ours, { missing: '—' }, format, target);
}

function timingCell<T>(outcome: Outcome<T>, pick: (value: T) => RepeatedTiming): Cell {
  return cellOf(outcome, (v) => pick(v).median, (v) => pick(v).runs.length);
}

const ONE_MILLION = 1_000_000;
const HUNDRED_K = 100_000;

export function buildRows(run: BenchRun): Row[] {
  const { ours, minisearch: ms, reload } = run;
  const at1M = (text: string, maxRatio: number): Target => ({
    text: `≤ ${maxRatio}× at 1M`,
    atSentences: ONE_MILLION,
    measuredAt: run.corpus.manifest.sentences,
    met: (_value, ratio) => ratio <= maxRatio,
  });
  const plainStart = timingCell(ms, (v) => v.loadJson);
  const loopDelay = (pick: (r: ReloadFigures) => RepeatedTiming): string => shown(timingCell(reload, pick), formatMs);
  const answeredRow: Row = {
    figure: ROW_LABELS.answered,
    ours: ours.ok
      ? `${formatCount(ours.value.answeredPresent)}/${formatCount(ours.value.present)} · ${formatCount(ours.value.refusedAbsent)}/${formatCount(ours.value.absent)}`
      : 'failed',
    plain: '—',
    ratio: '—',
    target: '',
    met: '',
    runs: ours.ok ? `${ours.value.passes} · –` : '– · –',
  };
  return [
    compare(ROW_LABELS.buildIndex, timingCell(ours, (v) => v.engine), timingCell(ms, (v) => v.build), formatMs, at1M('build', 1.5)),
    compare(
      ROW_LABELS.buildTotal,
      timingCell(ours, (v) => v.build),
      cellOf(ms, (v) => v.readMs + v.build.median, (v) => v.build.runs.length),
      formatMs,
    ),
    compare(ROW_LABELS.heap, cellOf(ours, (v) => v.memory.afterBuild), cellOf(ms, (v) => v.memory.afterBuild), formatBytes, at1M('heap', 1.2)),
    compare(
      ROW_LABELS.heapIndex,
      cellOf(ours, (v) => v.memory.afterBuild - v.memory.baseline),
      cellOf(ms, (v) => v.memory.afterBuild - v.memory.baseline),
      formatBytes,
    ),
    compare(ROW_LABELS.queryP50, cellOf(ours, (v) => v.query.p50, (v) => v.passes), cellOf(ms, (v) => v.query.p50, (v) => v.passes), formatMs),
    compare(
      ROW_LABELS.queryP99,
      cellOf(ours, (v) => v.query.p99, (v) => v.passes),
      cellOf(ms, (v) => v.query.p99, (v) => v.passes),
      formatMs,
      at1M('p99', 0.25),
    ),
    compare(ROW_LABELS.queryP99First, cellOf(ours, (v) => v.firstPass.p99), cellOf(ms, (v) => v.firstPass.p99), formatMs),
    compare(ROW_LABELS.savedSize, cellOf(run.askSnapshot, (v) => v.bytes), cellOf(ms, (v) => v.toJsonChars), formatBytes),
    compare(ROW_LABELS.startCold, timingCell(run.askCold, (v) => v), plainStart, formatMs),
    compare(ROW_LABELS.startSnapshot, timingCell(run.askSnapshot, (v) => v.timing), plainStart, formatMs, at1M('start', 0.3)),
    oursOnly(ROW_LABELS.reloadWait, timingCell(reload, (v) => v.maxWait), formatMs, {
      text: '≤ 50 ms at 100k',
      atSentences: HUNDRED_K,
      measuredAt: run.reloadSentences,
      met: (value) => value <= 50,
    }),
    {
      figure: ROW_LABELS.reloadLoopDelay,
      ours: `${loopDelay((v) => v.loopDelayP99)} / ${loopDelay((v) => v.loopDelayMax)}`,
      plain: '—',
      ratio: '—',
      target: '',
      met: '',
      runs: `${runsOf(timingCell(reload, (v) => v.reload))} · –`,
    },
    oursOnly(ROW_LABELS.reloadDuration, timingCell(reload, (v) => v.reload), formatMs),
    oursOnly(ROW_LABELS.seedStart, timingCell(run.askSeed, (v) => v), formatMs, {
      text: '≤ 1 s',
      atSentences: null,
      measuredAt: 0,
      met: (value) => value <= 1000,
    }),
    answeredRow,
  ];
}

function markdownTable(rows: Row[]): string {
  const header = ['Figure', 'Ours', 'Plain MiniSearch', 'Ours ÷ MiniSearch', 'Target (issue 4)', 'Met', 'Runs (ours · MS)'];
  const lines = [header, header.map(() => '---')];
  for (const row of rows) lines.push([row.figure, row.ours, row.plain, row.ratio, row.target, row.met, row.runs]);
  return lines.map((cells) => `| ${cells.join(' | ')} |`).join('\n');
}

function failures(run: BenchRun): string[] {
  const named: Array<[string, Outcome<unknown>]> = [
    ['plain MiniSearch', run.minisearch],
    ['ours', run.ours],
    ['reload', run.reload],
    ['start without snapshot', run.askCold],
    ['start from snapshot', run.askSnapshot],
    ['seed corpus start', run.askSeed],
  ];
  return named.flatMap(([name, outcome]) => (outcome.ok ? [] : [`- ${name}: ${outcome.notApplicable === true ? 'n/a — ' : 'FAILED — '}${outcome.reason}`]));
}

/** True when every measurement ran (a figure that does not apply yet, like the snapshot, is fine). */
export function allMeasured(run: BenchRun): boolean {
  return [run.minisearch, run.ours, run.reload, run.askCold, run.askSnapshot, run.askSeed].every((o) => o.ok || o.notApplicable === true);
}

export function machineDescription(): string {
  const cpus = os.cpus();
  const model = cpus[0]?.model.trim() ?? 'unknown CPU';
  return `${cpus.length} cores (${model}), ${(os.totalmem() / 2 ** 30).toFixed(1)} GiB RAM, ${os.type()} ${os.release()}, Node ${process.version}`;
}

/** "; heapUsed / arrayBuffers: ours 60 MB / 40 MB, MiniSearch 140 MB / 0.1 MB". */
function memoryDetail(run: BenchRun): string {
  const parts: string[] = [];
  if (run.ours.ok) parts.push(`ours ${formatBytes(run.ours.value.memory.afterBuildHeapUsed)} / ${formatBytes(run.ours.value.memory.afterBuildArrayBuffers)}`);
  if (run.minisearch.ok) {
    const { memory } = run.minisearch.value;
    parts.push(`MiniSearch ${formatBytes(memory.afterBuildHeapUsed)} / ${formatBytes(memory.afterBuildArrayBuffers)}`);
  }
  return parts.length === 0 ? '' : `; heapUsed / arrayBuffers after build: ${parts.join(', ')}`;
}

/** The whole results document: context, table, notes. */
export function renderResults(run: BenchRun): string {
  const { manifest } = run.corpus;
  const sentencesLoaded = run.ours.ok ? run.ours.value.sentences : null;
  const mismatch =
    sentencesLoaded !== null && sentencesLoaded !== manifest.sentences
      ? ` — NOTE: ours loaded ${formatCount(sentencesLoaded)} sentences from the files, the list MiniSearch indexes has ${formatCount(manifest.sentences)}`
      : '';
  const lines = [
    `# Benchmark: ours vs plain MiniSearch, ${formatCount(manifest.sentences)} sentences`,
    '',
    `- Date: ${run.startedAt.toISOString()}; the run took ${formatMs(run.durationMs)}.`,
    `- Machine: ${machineDescription()}.`,
    `- Corpus: ${formatCount(manifest.sentences)} sentences (headlines included) in ${formatCount(manifest.articles)} synthetic news articles, ` +
      `${formatBytes(manifest.bytes)}, seed ${manifest.seed} (${run.corpus.reused ? 'reused' : `generated in ${formatMs(manifest.generatedIn)}`})${mismatch}.`,
    `- Questions: ${formatCount(run.questions)} timed (after ${formatCount(run.warmups)} untimed warm-up ones), in the style of dev.jsonl; about 10% ask about things absent from the corpus.`,
    `- Reload measured on a corpus of ${formatCount(run.reloadSentences)} sentences.`,
    `- Repetitions: fast measurements are repeated up to ${run.repeat} times and the figures are medians (Runs column, ours · MiniSearch); ` +
      'a step over 12 s, or a pass over the questions over 15 s, is measured once.',
    '',
    markdownTable(buildRows(run)),
    '',
    'Notes:',
    '- Ours: `loadCorpus(dir)` + building the engine (bench/engineEntry.ts), then `engine.answer(command, query)` per question — the full answer: question typing, retrieval, ranking, span extraction, citation.',
    "- Plain MiniSearch: MiniSearch 7 with default options, `fields: ['text']`, one document per sentence (ids only); `search()` with the question's words.",
    '- Heap: `heapUsed + arrayBuffers` after `global.gc()` (typed arrays live outside the V8 heap), each system in its own process (`--expose-gc --max-old-space-size=16000`), ' +
      `holding what answering needs: MiniSearch its index and the sentence texts, ours its engine (the loaded corpus released)${memoryDetail(run)}.`,
    '- Start to first answer: from spawning `node --import tsx src/cli/ask.ts --json` (Node and tsx start-up included, npm not) to its first answer line on stdout; plain MiniSearch: `MiniSearch.loadJSON` of its `toJSON` string already in memory.',
    '- Reload: `service.reload()` of the answering service while a question is due every 10 ms (setTimeout) and answered on the main thread; the wait is how late a question starts.',
    '- Met: `*` marks a target set for another corpus size: at this size it is indicative only.',
  ];
  const failed = failures(run);
  if (failed.length > 0) lines.push('', 'Missing figures:', ...failed);
  return `${lines.join('\n')}\n`;
}
