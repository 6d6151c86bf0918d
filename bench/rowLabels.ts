/** The row labels of the results table, in table order (tests/bench checks that each is printed). */
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
  openSnapshot: 'Open from the saved index, in process (ours: service.open; MiniSearch: loadJSON)',
  openWait: 'Open from the saved index: longest wait of a question asked every 10 ms',
  reloadWait: 'Reload: longest wait of a question asked every 10 ms',
  reloadLoopDelay: 'Reload: event-loop delay p99 / max',
  reloadDuration: 'Reload: duration',
  addVisible: '/corpus add (40 sentences): answerable after',
  addWait: '/corpus add: longest wait of a question asked every 10 ms',
  addTotal: '/corpus add: whole change (indexing + saving the snapshot)',
  removeVisible: '/corpus remove: gone after',
  removeWait: '/corpus remove: longest wait of a question asked every 10 ms',
  removeTotal: '/corpus remove: whole change (unindexing + saving the snapshot)',
  seedStart: 'Seed corpus: start to first answer (ask)',
  answered: 'Answered: questions about the corpus / absent ones refused',
} as const;

/** The heading of the second table, the previous engine's figures (tests/bench checks it is printed). */
export const PREVIOUS_ENGINE_HEADING = 'For the record: the previous engine (hand-written inverted index), not re-measured';
