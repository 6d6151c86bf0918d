import { mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runAsk } from '../support/askProcess.js';
import { writeSampleCorpus } from '../support/sampleCorpus.js';

const ask = runAsk;

describe('the ask command', () => {
  let corpusDir: string;
  beforeAll(async () => {
    corpusDir = await writeSampleCorpus({
      'broken.md': '---\ntitle: [unclosed\n---\nSome text.\n',
      'empty.txt': '',
    });
  });
  afterAll(async () => {
    await rm(corpusDir, { recursive: true, force: true });
  });

  it('answers one question given as arguments and prints the reply as Discord would show it', async () => {
    const run = await ask(['when', 'summit', 'with', 'Xi']);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/^\*\*Monday\*\*/);
    expect(run.stdout).toContain('A summit with Xi is planned for **Monday**');
    expect(run.stdout).toMatch(/sentence \d+/);
  });

  it('speaks the JSON contract on stdin: one object a line, in order, errors inline', async () => {
    const run = await ask(['--json'], { stdin: '/who spokesperson\n\n/bogus thing\n/when\n/who Elon Musk\n' });
    expect(run.code).toBe(0);
    const lines = run.stdout
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(lines).toHaveLength(4);
    expect(lines[0]).toMatchObject({ command: 'who', query: 'spokesperson', answer: 'Kang Yu-jung' });
    const excerpts = lines[0]!.excerpts as Array<Record<string, unknown>>;
    expect(excerpts[0]).toMatchObject({ context: null, article: '000_c04b76726293f929', sentence: expect.any(Number) });
    expect(lines[1]!.error).toMatch(/unknown command/);
    expect(lines[2]!.error).toMatch(/needs a query/);
    expect(lines[3]).toMatchObject({ answer: null, excerpts: [] });
  });

  it('gives in `reply` what the Discord reply shows: the short answer, each excerpt and each citation once, articles by label', async () => {
    const run = await ask(['--json'], { stdin: '/who spokesperson\n/where APEC Summit\n' });
    for (const line of run.stdout.trim().split('\n')) {
      const json = JSON.parse(line) as {
        answer: string;
        reply: string;
        excerpts: Array<{ text: string; article: string; sentence: number }>;
      };
      expect(json.reply.startsWith(`**${json.answer}**`)).toBe(true);
      const withoutBold = json.reply.replace(/\*\*/g, '');
      for (const excerpt of json.excerpts) {
        expect(withoutBold.split(excerpt.text).length - 1, excerpt.text).toBe(1);
        // The seed's untitled article is cited by its first words and its inferred date, not its file id.
        expect(json.reply).not.toContain(excerpt.article);
      }
      expect(json.reply).toMatch(
        /^1\. “South Korean President Lee Jae Myung will visit…” · 30 December 2025 \(inferred\) · sentence \d+$/m,
      );
    }
  });

  it('starts from the saved index while the corpus is unchanged, and rebuilds it once a file changes', async () => {
    const cacheDir = await mkdtemp(path.join(tmpdir(), 'ask-cache-'));
    try {
      const first = await ask(['who', 'port director'], { corpusDir, cacheDir, logLevel: 'debug' });
      expect(first.stdout).toContain('Magnus Eide');
      expect(first.stderr).not.toContain('loaded from its snapshot');
      expect((await readdir(cacheDir)).filter((f) => f.startsWith('index-'))).toHaveLength(1);
      const second = await ask(['who', 'port director'], { corpusDir, cacheDir, logLevel: 'debug' });
      expect(second.stdout).toBe(first.stdout);
      expect(second.stderr).toContain('loaded from its snapshot');
      await writeFile(path.join(corpusDir, 'ferry.txt'), 'Port director Magnus Eide said a ferry line to Svalbard opens in June.\n');
      const third = await ask(['when', 'ferry line to Svalbard'], { corpusDir, cacheDir, logLevel: 'debug' });
      expect(third.stderr).not.toContain('loaded from its snapshot');
      expect(third.stdout).toMatch(/^\*\*June\*\*/);
    } finally {
      await rm(cacheDir, { recursive: true, force: true });
      await rm(path.join(corpusDir, 'ferry.txt'), { force: true });
    }
  });

  it('keeps answering from the good articles when a corpus file is broken, and names the bad files on stderr', async () => {
    const run = await ask(['--json'], { stdin: '/who port director\n', corpusDir });
    expect(run.code).toBe(0);
    expect(JSON.parse(run.stdout.trim())).toMatchObject({ answer: 'Magnus Eide' });
    expect(run.stderr).toContain('broken.md');
    expect(run.stderr).toContain('empty.txt');
  });
});
