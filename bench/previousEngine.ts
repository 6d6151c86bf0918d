/**
 * For the record: the previous engine's figures (the hand-written inverted index that answered
 * before issue 11 moved the search onto MiniSearch), copied from the last bench/results.md it
 * produced (commit e65f94d, a run of 2026-11-23 at 1,000,000 sentences). Not re-measured: that
 * engine is gone. The reload rows were measured on a 100,000-sentence corpus in that run.
 */
import { ROW_LABELS } from './rowLabels.js';

export const PREVIOUS_ENGINE_SOURCE = { commit: 'e65f94d', file: 'bench/results.md', date: '2026-11-23', sentences: 1_000_000 } as const;

export interface PreviousFigure {
  figure: string;
  previous: string;
  /** Plain MiniSearch in that run; '—' when the figure is ours only. */
  plain: string;
  ratio: string;
}

export const PREVIOUS_ENGINE_FIGURES: readonly PreviousFigure[] = [
  { figure: ROW_LABELS.buildIndex, previous: '33.3 s', plain: '31.1 s', ratio: '1.1×' },
  { figure: ROW_LABELS.buildTotal, previous: '43.3 s', plain: '31.7 s', ratio: '1.4×' },
  { figure: ROW_LABELS.heap, previous: '561 MB', plain: '1.27 GB', ratio: '0.44×' },
  { figure: ROW_LABELS.heapIndex, previous: '548 MB', plain: '1.27 GB', ratio: '0.43×' },
  { figure: ROW_LABELS.queryP50, previous: '5.44 ms', plain: '31.3 ms', ratio: '0.17×' },
  { figure: ROW_LABELS.queryP99, previous: '20.8 ms', plain: '642 ms', ratio: '0.032×' },
  { figure: ROW_LABELS.queryP99First, previous: '22.5 ms', plain: '642 ms', ratio: '0.035×' },
  { figure: ROW_LABELS.savedSize, previous: '192 MB', plain: '216 MB', ratio: '0.89×' },
  { figure: ROW_LABELS.startCold, previous: '47.5 s', plain: '7.8 s', ratio: '6.1×' },
  { figure: ROW_LABELS.startSnapshot, previous: '1.1 s', plain: '7.8 s', ratio: '0.14×' },
  { figure: `${ROW_LABELS.reloadWait} (at 100k)`, previous: '31.1 ms', plain: '—', ratio: '—' },
  { figure: `${ROW_LABELS.reloadLoopDelay} (at 100k)`, previous: '9.67 ms / 41.1 ms', plain: '—', ratio: '—' },
  { figure: `${ROW_LABELS.reloadDuration} (at 100k)`, previous: '6.0 s', plain: '—', ratio: '—' },
  { figure: ROW_LABELS.seedStart, previous: '651 ms', plain: '—', ratio: '—' },
  { figure: ROW_LABELS.answered, previous: '1,789/1,807 · 162/193', plain: '—', ratio: '—' },
];
