import { spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PREVIOUS_ENGINE_FIGURES } from '../../bench/previousEngine.js';
import { ROW_LABELS } from '../../bench/resultsTable.js';
import { PREVIOUS_ENGINE_HEADING } from '../../bench/rowLabels.js';

const root = path.resolve(import.meta.dirname, '../..');

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Runs `npm run bench -- <args>` as a child process. */
function bench(args: string[]): Promise<Run> {
  return new Promise((resolve, reject) => {
    const child = spawn('npm', ['run', '--silent', 'bench', '--', ...args], { cwd: root, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

// The benchmark at a tiny size, each figure measured once: it must run end to end and report every
// figure. No time is asserted.
describe('npm run bench', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'bench-test-'));
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('generates a small corpus, measures both systems, prints the table and writes the results file', async () => {
    const out = path.join(dir, 'results.md');
    const run = await bench([
      '--sentences',
      '1000',
      '--questions',
      '20',
      '--repeat',
      '1',
      '--out',
      out,
      '--work-dir',
      path.join(dir, 'work'),
    ]);
    expect(run.code, run.stderr.slice(-3000)).toBe(0);

    expect(run.stdout).toContain('| Figure | Ours | Plain MiniSearch | Ours ÷ MiniSearch | Target (issue 11) |');
    for (const label of Object.values(ROW_LABELS)) expect(run.stdout).toContain(`| ${label} |`);
    expect(run.stdout).toContain('1,000 sentences');
    expect(run.stdout).not.toMatch(/\| failed \|/);
    // The in-process open and the in-place changes report a figure, not "n/a" or "failed".
    for (const label of [
      ROW_LABELS.openSnapshot,
      ROW_LABELS.openWait,
      ROW_LABELS.addVisible,
      ROW_LABELS.addWait,
      ROW_LABELS.addTotal,
      ROW_LABELS.removeVisible,
      ROW_LABELS.removeWait,
      ROW_LABELS.removeTotal,
    ]) {
      expect(run.stdout).toMatch(new RegExp(`\\| ${escapeRegExp(label)} \\| [\\d.]+ m?s \\|`));
    }
    // For the record: the previous engine's figures, labelled as such.
    expect(run.stdout).toContain(PREVIOUS_ENGINE_HEADING);
    for (const row of PREVIOUS_ENGINE_FIGURES) expect(run.stdout).toContain(`| ${row.figure} | ${row.previous} |`);

    expect(existsSync(out)).toBe(true);
    const written = readFileSync(out, 'utf8');
    expect(written).toContain('| Figure | Ours | Plain MiniSearch |');
    for (const label of Object.values(ROW_LABELS)) expect(written).toContain(`| ${label} |`);
    expect(written).toMatch(/Machine: \d+ cores/);
    // The corpus went to the work folder, not to the bot's corpus.
    expect(existsSync(path.join(dir, 'work'))).toBe(true);
  }, 300_000);
});

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
