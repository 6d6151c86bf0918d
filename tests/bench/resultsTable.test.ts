import { describe, expect, it } from 'vitest';
import type { ChangeFigures, MiniSearchFigures, OpenFigures, OursFigures, ReloadFigures, RepeatedTiming } from '../../bench/figures.js';
import type { GeneratedCorpus } from '../../bench/generateCorpus.js';
import { renderResults, ROW_LABELS, type BenchRun } from '../../bench/resultsTable.js';
import { PREVIOUS_ENGINE_HEADING } from '../../bench/rowLabels.js';

const timed = (ms: number): RepeatedTiming => ({ median: ms, runs: [ms] });
const latency = (p99: number) => ({ p50: p99 / 4, p99, max: p99 * 2, mean: p99 / 3 });

/** A run's figures at `sentences`, ours as given, plain MiniSearch fixed. */
function runAt(sentences: number, ours: { p99: number; reloadWait: number; openWait: number; addWait: number }): BenchRun {
  const memory = { baseline: 10e6, afterBuild: 100e6, afterBuildHeapUsed: 90e6, afterBuildArrayBuffers: 10e6 };
  const minisearch: MiniSearchFigures = {
    system: 'minisearch',
    sentences,
    readMs: 10,
    build: timed(1000),
    memory: { ...memory, afterBuild: 200e6 },
    query: latency(100),
    firstPass: latency(100),
    passes: 3,
    hits: 1,
    toJsonChars: 1e6,
    toJsonMs: 10,
    loadJson: timed(500),
  };
  const oursFigures: OursFigures = {
    system: 'ours',
    sentences,
    articles: 10,
    loadErrors: 0,
    build: timed(900),
    engine: timed(800),
    memory,
    query: latency(ours.p99),
    firstPass: latency(ours.p99),
    passes: 3,
    answeredPresent: 9,
    present: 10,
    refusedAbsent: 1,
    absent: 1,
  };
  const reload: ReloadFigures = {
    system: 'reload',
    sentences,
    reload: timed(3000),
    maxWait: timed(ours.reloadWait),
    maxResponse: timed(ours.reloadWait),
    loopDelayP99: timed(5),
    loopDelayMax: timed(ours.reloadWait),
    questionsDuringReload: 100,
  };
  const open: OpenFigures = {
    system: 'open',
    sentences,
    open: timed(400),
    maxWait: timed(ours.openWait),
    maxResponse: timed(ours.openWait),
    snapshotBytes: 1e6,
    questionsDuringOpen: 40,
  };
  const change = { visible: timed(300), total: timed(600), maxWait: timed(ours.addWait), maxResponse: timed(ours.addWait) };
  const changes: ChangeFigures = {
    system: 'changes',
    sentences,
    addedSentences: 40,
    removedSentences: 45,
    openedFrom: 'snapshot',
    add: change,
    remove: change,
  };
  const corpus: GeneratedCorpus = {
    root: '/tmp/c',
    articlesDir: '/tmp/c/articles',
    sentencesFile: '/tmp/c/sentences.txt',
    reused: true,
    manifest: { version: 2, seed: 1, sentences, articles: 10, headlines: 4, bytes: 1e6, generatedIn: 100 },
  };
  return {
    sentences,
    questions: 100,
    warmups: 20,
    seed: 1,
    repeat: 3,
    corpus,
    reloadSentences: sentences,
    minisearch: { ok: true, value: minisearch },
    ours: { ok: true, value: oursFigures },
    reload: { ok: true, value: reload },
    open: { ok: true, value: open },
    changes: { ok: true, value: changes },
    askCold: { ok: true, value: timed(2000) },
    askSnapshot: { ok: true, value: { timing: timed(700), bytes: 1e6, path: '/tmp/s' } },
    askSeed: { ok: true, value: timed(600) },
    startedAt: new Date(0),
    durationMs: 1000,
  };
}

/** The Met cell of a row. */
function met(results: string, label: string): string {
  const line = results.split('\n').find((l) => l.startsWith(`| ${label} |`));
  if (line === undefined) throw new Error(`no row ${label}`);
  return line.split(' | ')[5]!;
}

describe('the results table', () => {
  it('holds a question waiting 80 ms during a load to 100 ms at 1M but to 50 ms at 100k', () => {
    const figures = { p99: 20, reloadWait: 80, openWait: 80, addWait: 10 };
    const at1M = renderResults(runAt(1_000_000, figures));
    expect(met(at1M, ROW_LABELS.reloadWait)).toBe('yes');
    expect(met(at1M, ROW_LABELS.openWait)).toBe('yes');
    const at100k = renderResults(runAt(100_000, figures));
    expect(met(at100k, ROW_LABELS.reloadWait)).toBe('no');
    expect(met(at100k, ROW_LABELS.openWait)).toBe('no');
  });

  it('reports the p99 moonshot beside the target, and marks a figure measured at another size as indicative', () => {
    expect(met(renderResults(runAt(1_000_000, { p99: 40, reloadWait: 10, openWait: 10, addWait: 10 })), ROW_LABELS.queryP99)).toBe(
      'yes (moonshot: no)',
    );
    expect(met(renderResults(runAt(1_000_000, { p99: 5, reloadWait: 10, openWait: 10, addWait: 10 })), ROW_LABELS.queryP99)).toBe(
      'yes (moonshot: yes)',
    );
    const small = renderResults(runAt(10_000, { p99: 60, reloadWait: 10, openWait: 10, addWait: 30 }));
    expect(met(small, ROW_LABELS.queryP99)).toBe('no* (moonshot: no)');
    expect(met(small, ROW_LABELS.addWait)).toBe('no*');
  });

  it('names issue 11 in the target heading and lists the previous engine apart, as not re-measured', () => {
    const results = renderResults(runAt(1_000_000, { p99: 20, reloadWait: 10, openWait: 10, addWait: 10 }));
    expect(results).toContain('| Target (issue 11) |');
    expect(results).not.toContain('issue 4');
    const [current, previous] = results.split(PREVIOUS_ENGINE_HEADING);
    expect(previous).toContain('| Previous engine |');
    expect(previous).toContain(`| ${ROW_LABELS.queryP99} | 20.8 ms | 642 ms | 0.032× |`);
    expect(current).not.toContain('20.8 ms');
  });
});
