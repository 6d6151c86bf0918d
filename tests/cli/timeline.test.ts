import { rm } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TimelineJson } from '../../src/answer/contract.js';
import { runAsk } from '../support/askProcess.js';
import { writeTimelineCorpus } from '../support/timelineCorpus.js';

/** The dates of a rendered timeline's event headings, in the order printed ("**4 January 2026 (“Sunday”)**"). */
function headings(out: string): string[] {
  return out.split('\n').filter((line) => /^\s*\*\*\d/.test(line));
}

describe('/timeline through the ask command (a child process)', () => {
  let corpusDir: string;
  beforeAll(async () => {
    corpusDir = await writeTimelineCorpus();
  });
  afterAll(async () => {
    await rm(corpusDir, { recursive: true, force: true });
  });

  it('prints a topic’s dated events on the seed corpus, each quoted and cited', async () => {
    const run = await runAsk(['/timeline', 'summit']);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/^\*\*Timeline: summit\*\* \(\d+ dated events?, in calendar order\)/);
    expect(headings(run.stdout).length).toBeGreaterThan(0);
    expect(run.stdout).toMatch(/sentence \d+/);
  }, 60_000);

  it('prints the whole corpus in calendar order, the differing datings together and marked', async () => {
    const run = await runAsk(['--json', 'timeline'], { corpusDir });
    expect(run.code).toBe(0);
    const json = JSON.parse(run.stdout) as TimelineJson;
    expect(json).toMatchObject({ command: 'timeline', query: null, status: 'answered' });
    const firstDates = json.entries.map((entry) => entry.events[0]!.date ?? entry.events[0]!.placedBy!.date);
    expect([...firstDates].sort()).toEqual(firstDates);
    const differing = json.entries.filter((entry) => entry.differing);
    expect(differing).toHaveLength(1);
    expect(new Set(differing[0]!.events.map((e) => e.article)).size).toBe(2);
    expect(differing[0]!.events.map((e) => e.date)).toEqual(['2026-03-05', '2026-03-06']);
    expect(json.undated.map((e) => e.wording)).toEqual(['Tuesday']);
    expect(json.reply).toContain('≠ The articles differ');
  }, 60_000);

  it('shows /when’s resolved date beside the wording, and keeps the short answer apart in JSON', async () => {
    const run = await runAsk(['--json'], { stdin: '/when summit with Xi\n/timeline\n/timeline Elon Musk\n' });
    expect(run.code).toBe(0);
    const [when, whole, unknown] = run.stdout
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line) as Record<string, unknown>);
    expect(when!.answerDate).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(String(when!.answer)).not.toContain('(');
    expect(when!.reply).toMatch(/^\*\*[^*]+\*\* \(\d{1,2} [A-Z][a-z]+ \d{4}\)/);
    expect(whole!.command).toBe('timeline');
    expect(unknown).toMatchObject({ command: 'timeline', status: 'not-found', entries: [] });
  }, 60_000);

  it('refuses a topic that is too long, with the reason', async () => {
    const run = await runAsk(['timeline', 'x'.repeat(600)]);
    expect(run.code).toBe(2);
    expect(run.stdout).toMatch(/error: the topic is 600 characters long/);
  }, 60_000);
});
