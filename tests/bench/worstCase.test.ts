import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { longSentence, pathologicalCorpora, WORST_CASE_QUESTIONS } from '../../bench/pathologicalCorpus.js';
import { measureWorstCase, renderWorstCase } from '../../bench/worstCase.js';

// The worst-case benchmark at a tiny size: it must measure every command and render its table. No time is asserted.
describe('npm run bench:worst-case', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'worst-case-test-'));
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('times every command on the cut corpus and on the whole line, and what questions meanwhile wait', async () => {
    const files = pathologicalCorpora(3_000, 3_000)['long sentence']!;
    const figures = await measureWorstCase('long sentence', files, longSentence(3_000), { runs: 1, uncappedRuns: 1, workDir: dir });
    expect(figures.sentences).toBeGreaterThan(5);
    expect(figures.longestSentence).toBeLessThanOrEqual(600);
    expect(figures.commands.map((c) => c.question)).toEqual(WORST_CASE_QUESTIONS);
    expect(figures.uncapped).toHaveLength(WORST_CASE_QUESTIONS.length);
    for (const timing of [...figures.commands, ...figures.uncapped]) expect(timing.runs).toHaveLength(1);
    expect(Number.isFinite(figures.waitDuringTimeline) && Number.isFinite(figures.waitDuringReload)).toBe(true);

    const table = renderWorstCase([figures], 1);
    expect(table).toContain('| long sentence, 3,');
    for (const question of WORST_CASE_QUESTIONS)
      expect(table).toContain(`\`/${question.command}${question.query === null ? '' : ` ${question.query}`}\``);
  }, 120_000);
});
