import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { AnswerEngine } from '../../src/answer/engine.js';
import { parseArticle } from '../../src/corpus/loadCorpus.js';

/**
 * A small made-up corpus for the timeline: two dated articles that give different days for the same
 * meeting (Thursday 5 March against Friday 6 March 2026), an undated article with an absolute date
 * that places its "Sunday", and an undated article with nothing to place its "Tuesday" by.
 */
export const TIMELINE_ARTICLES: Record<string, string> = {
  'geneva-preview.md': `---
title: Foreign ministers to meet in Geneva
source: Lakeside Wire
url: https://example.org/geneva-preview
published: 2026-03-02
---
The foreign ministers of Norway and Chile will meet in Geneva on Thursday to sign a fisheries accord.
The accord was first proposed on June 12, 2024 in Santiago.
Officials said the talks had stalled last month over quota rules.
`,
  'geneva-report.md': `---
title: Fisheries accord heads for signing
source: Harbour Post
published: 2026-03-03
---
The Norwegian and Chilean foreign ministers will meet in Geneva on Friday to sign the fisheries accord, a spokesperson said.
Negotiators last met in January in Oslo.
`,
  'harbour-notes.txt': `Harbour notes
The new ferry terminal in Bodø opened on 14 May 2025 after two years of work.
Its first cruise ship docked on Sunday.
`,
  'breakwater.txt': `Crews repaired the breakwater on Tuesday, the port authority said.
`,
};

export function timelineEngine(): AnswerEngine {
  return AnswerEngine.fromArticles(
    Object.entries(TIMELINE_ARTICLES).map(([file, content]) => parseArticle({ id: file.replace(/\.(md|txt)$/, ''), file, content })),
  );
}

/** Writes the timeline corpus to a new temporary folder. */
export async function writeTimelineCorpus(): Promise<string> {
  const dir = await mkdtemp(path.join(tmpdir(), 'timeline-corpus-'));
  for (const [file, content] of Object.entries(TIMELINE_ARTICLES)) await writeFile(path.join(dir, file), content);
  return dir;
}
