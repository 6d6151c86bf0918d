// The feedback store (SQLite): unanswered questions grouped over a window of days, answers kept for
// their buttons until they expire, votes counted once per member, no member ids unless configured,
// everything still there after reopening, unanswered questions and votes deleted once past the
// retention (in batches, at start and daily, against a fixed clock), several processes writing the
// same file at once, and the gap report leaving out what a corpus change has since answered.

import { spawn } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { loadConfig } from '../../src/config.js';
import { ANSWER_BUTTON_TTL_MS, FeedbackStore, FeedbackStoreError, PRUNE_INTERVAL_MS } from '../../src/feedback/feedbackStore.js';
import { answersNowWith, gapReport } from '../../src/feedback/gapReport.js';
import { normalizeQuery } from '../../src/feedback/normalizeQuery.js';
import { AnswerService } from '../../src/service/answerService.js';
import { openFeedbackStore } from '../../src/startup.js';
import { memoryLogger } from '../support/botHarness.js';
import { PAGING_ARTICLE } from '../support/pagingCorpus.js';
import { writeSampleCorpus } from '../support/sampleCorpus.js';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const DAY = 24 * 60 * 60 * 1000;
const MEMBER = '1300000000000000123';
const OTHER_MEMBER = '1300000000000000456';

describe('feedback store', () => {
  let dir: string;
  let file: string;
  let clock: number;
  const open = (options: { recordMemberIds?: boolean } = {}) =>
    FeedbackStore.open({ file, recordMemberIds: options.recordMemberIds ?? false, now: () => clock });
  const opened: FeedbackStore[] = [];
  const track = (store: FeedbackStore) => {
    opened.push(store);
    return store;
  };

  beforeEach(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'feedback-store-'));
    file = path.join(dir, 'nested', 'feedback.sqlite');
    clock = Date.UTC(2026, 0, 10, 12);
  });

  afterEach(async () => {
    for (const store of opened.splice(0)) store.close();
    await rm(dir, { recursive: true, force: true });
  });

  it('groups unanswered questions by normalized query, most asked first, with the last wording and time', () => {
    const store = track(open());
    store.recordUnanswered({ command: 'who', query: 'Elon Musk', memberId: MEMBER });
    clock += 1000;
    store.recordUnanswered({ command: 'who', query: 'elon  musk?', memberId: OTHER_MEMBER });
    clock += 1000;
    store.recordUnanswered({ command: 'when', query: 'Olympic games', memberId: MEMBER });
    clock += 1000;
    store.recordUnanswered({ command: 'who', query: 'ELON MUSK', memberId: MEMBER });

    const groups = store.unansweredGroups({ days: 7, limit: 10 });
    expect(groups.map((g) => [g.command, g.normalized, g.count])).toEqual([
      ['who', 'elon musk', 3],
      ['when', 'olympic games', 1],
    ]);
    expect(groups[0]?.query).toBe('ELON MUSK');
    expect(groups[0]?.lastAskedAt).toBe(clock);
    expect(store.unansweredGroups({ days: 7, limit: 1 })).toHaveLength(1);
  });

  it('normalizes case, punctuation, quotes and spacing, not letters of other scripts', () => {
    expect(normalizeQuery('  Who is “Lee Jae-myung”?! ')).toBe('who is lee jae myung');
    expect(normalizeQuery('이재명 대통령')).toBe('이재명 대통령');
    expect(normalizeQuery('Ｘｉ')).toBe('xi');
  });

  it('lists only the questions asked within the window of days', () => {
    const store = track(open());
    store.recordUnanswered({ command: 'who', query: 'old question', memberId: null });
    clock += 10 * DAY;
    store.recordUnanswered({ command: 'who', query: 'new question', memberId: null });
    expect(store.unansweredGroups({ days: 7, limit: 10 }).map((g) => g.normalized)).toEqual(['new question']);
    expect(
      store
        .unansweredGroups({ days: 11, limit: 10 })
        .map((g) => g.normalized)
        .sort(),
    ).toEqual(['new question', 'old question']);
  });

  it('stores no member ids unless configured', () => {
    const hashed = track(open());
    hashed.recordUnanswered({ command: 'who', query: 'Elon Musk', memberId: MEMBER });
    const answer = hashed.answer(hashed.rememberAnswer({ command: 'when', query: 'summit', askerId: MEMBER, shortAnswer: 'Monday' }))!;
    hashed.vote(answer, MEMBER, true);
    const raw = new Database(file, { readonly: true });
    const dump = JSON.stringify([
      raw.prepare('SELECT * FROM unanswered').all(),
      raw.prepare('SELECT * FROM answers').all(),
      raw.prepare('SELECT * FROM votes').all(),
    ]);
    raw.close();
    expect(dump).not.toContain(MEMBER);
    expect(dump).toContain('Elon Musk');

    const withIds = track(FeedbackStore.open({ file: path.join(dir, 'ids.sqlite'), recordMemberIds: true }));
    withIds.recordUnanswered({ command: 'who', query: 'Elon Musk', memberId: MEMBER });
    const rawWithIds = new Database(path.join(dir, 'ids.sqlite'), { readonly: true });
    expect(rawWithIds.prepare('SELECT member FROM unanswered').all()).toEqual([{ member: MEMBER }]);
    rawWithIds.close();
  });

  it('finds an answer by its id for its asker only, until it expires', () => {
    const store = track(open());
    const id = store.rememberAnswer({ command: 'when', query: 'summit with Xi', askerId: MEMBER, shortAnswer: 'Monday' });
    expect(id.length).toBeLessThanOrEqual(16);
    const answer = store.answer(id);
    expect(answer).toMatchObject({ command: 'when', query: 'summit with Xi', shortAnswer: 'Monday' });
    expect(answer?.askedBy(MEMBER)).toBe(true);
    expect(answer?.askedBy(OTHER_MEMBER)).toBe(false);
    expect(store.answer('0000000000000000')).toBeNull();
    clock += ANSWER_BUTTON_TTL_MS + 1;
    expect(store.answer(id)).toBeNull();
  });

  it('counts one vote per member per question; voting again changes it', () => {
    const store = track(open());
    const first = store.answer(store.rememberAnswer({ command: 'when', query: 'summit with Xi', askerId: MEMBER, shortAnswer: 'Monday' }))!;
    // The same question asked again, in other words' case: the same answer to vote on.
    const again = store.answer(
      store.rememberAnswer({ command: 'when', query: 'Summit with XI', askerId: OTHER_MEMBER, shortAnswer: 'Monday' }),
    )!;
    expect(store.vote(first, MEMBER, true)).toBe('recorded');
    expect(store.vote(first, MEMBER, true)).toBe('unchanged');
    expect(store.vote(again, MEMBER, true)).toBe('unchanged');
    expect(store.vote(first, OTHER_MEMBER, true)).toBe('recorded');
    expect(store.voteTallies({ days: 7, limit: 10 })).toMatchObject([
      { command: 'when', helpful: 2, notHelpful: 0, shortAnswer: 'Monday' },
    ]);
    expect(store.vote(first, OTHER_MEMBER, false)).toBe('changed');
    expect(store.voteTallies({ days: 7, limit: 10 })).toMatchObject([{ helpful: 1, notHelpful: 1 }]);
  });

  it('lists the answers most often voted not helpful first', () => {
    const store = track(open());
    const good = store.answer(store.rememberAnswer({ command: 'who', query: 'spokesperson', askerId: MEMBER, shortAnswer: 'Kang' }))!;
    const bad = store.answer(store.rememberAnswer({ command: 'why', query: 'visit', askerId: MEMBER, shortAnswer: null }))!;
    store.vote(good, MEMBER, true);
    store.vote(bad, MEMBER, false);
    store.vote(bad, OTHER_MEMBER, false);
    expect(store.voteTallies({ days: 7, limit: 10 }).map((t) => [t.command, t.notHelpful, t.helpful])).toEqual([
      ['why', 2, 0],
      ['who', 0, 1],
    ]);
  });

  it('keeps everything, and the same member hashes, after being closed and reopened', () => {
    const store = open();
    store.recordUnanswered({ command: 'who', query: 'Elon Musk', memberId: MEMBER });
    const id = store.rememberAnswer({ command: 'when', query: 'summit', askerId: MEMBER, shortAnswer: null });
    store.vote(store.answer(id)!, MEMBER, false);
    store.close();

    const reopened = track(open());
    expect(reopened.unansweredGroups({ days: 7, limit: 10 })).toMatchObject([{ normalized: 'elon musk', count: 1 }]);
    const answer = reopened.answer(id);
    expect(answer?.askedBy(MEMBER)).toBe(true);
    expect(reopened.vote(answer!, MEMBER, false)).toBe('unchanged');
  });

  it('refuses to open a file that is not a feedback store, naming it', async () => {
    const bogus = path.join(dir, 'not-a-database.sqlite');
    await writeFile(bogus, 'this is a text file, not SQLite '.repeat(100));
    expect(() => FeedbackStore.open({ file: bogus, recordMemberIds: false })).toThrow(FeedbackStoreError);
    expect(() => FeedbackStore.open({ file: bogus, recordMemberIds: false })).toThrow(bogus);
  });

  it('refuses a path it cannot create, naming the file', async () => {
    const notAFolder = path.join(dir, 'plain-file');
    await writeFile(notAFolder, '');
    const target = path.join(notAFolder, 'feedback.sqlite');
    expect(() => FeedbackStore.open({ file: target, recordMemberIds: false })).toThrow(
      /cannot open the feedback store .*plain-file.*feedback\.sqlite/,
    );
  });

  it('deletes unanswered questions and votes older than the retention, and nothing younger', async () => {
    const store = track(FeedbackStore.open({ file, recordMemberIds: false, retentionDays: 30, now: () => clock }));
    const answerFor = (query: string) =>
      store.answer(store.rememberAnswer({ command: 'when', query, askerId: MEMBER, shortAnswer: null }))!;
    store.recordUnanswered({ command: 'who', query: 'old question', memberId: MEMBER });
    store.vote(answerFor('old vote'), MEMBER, false);
    clock += 20 * DAY;
    store.recordUnanswered({ command: 'who', query: 'recent question', memberId: MEMBER });
    store.vote(answerFor('recent vote'), MEMBER, true);
    // 31 days after the first ones, 11 after the others.
    clock += 11 * DAY;
    expect(await store.pruneExpired()).toBe(2);
    expect(store.unansweredGroups({ days: 365, limit: 10 }).map((g) => g.query)).toEqual(['recent question']);
    expect(store.voteTallies({ days: 365, limit: 10 }).map((t) => t.query)).toEqual(['recent vote']);
    expect(await store.pruneExpired()).toBe(0);
  });

  it('prunes in batches of at most the given rows per table', async () => {
    const store = track(FeedbackStore.open({ file, recordMemberIds: false, retentionDays: 1, now: () => clock }));
    for (let i = 0; i < 25; i++) store.recordUnanswered({ command: 'what', query: `question ${i}`, memberId: null });
    clock += 2 * DAY;
    expect(store.pruneBatch(10)).toBe(10);
    expect(store.pruneBatch(10)).toBe(10);
    expect(await store.pruneExpired(10)).toBe(5);
    expect(store.unansweredGroups({ days: 365, limit: 100 })).toEqual([]);
  });

  it('prunes when started and then every day, until closed', async () => {
    vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval'] });
    try {
      const store = FeedbackStore.open({ file, recordMemberIds: false, retentionDays: 90, now: () => clock });
      const pruned: number[] = [];
      store.recordUnanswered({ command: 'who', query: 'asked long ago', memberId: null });
      clock += 91 * DAY;
      store.startPruning({ onPruned: (rows) => pruned.push(rows) });
      await vi.waitFor(() => expect(pruned).toEqual([1]));
      store.recordUnanswered({ command: 'who', query: 'asked today', memberId: null });
      clock += 91 * DAY;
      vi.advanceTimersByTime(PRUNE_INTERVAL_MS);
      await vi.waitFor(() => expect(pruned).toEqual([1, 1]));
      store.close();
      vi.advanceTimersByTime(PRUNE_INTERVAL_MS);
      expect(vi.getTimerCount()).toBe(0);
      expect(pruned).toEqual([1, 1]);
    } finally {
      vi.useRealTimers();
    }
  });

  it('is pruned at start by the entry points, with FEEDBACK_RETENTION_DAYS from the configuration', async () => {
    const old = track(FeedbackStore.open({ file, recordMemberIds: false, now: () => Date.now() - 40 * DAY }));
    old.recordUnanswered({ command: 'who', query: 'asked 40 days ago', memberId: null });
    const { logger, logs } = memoryLogger();
    const config = { ...loadConfig({ FEEDBACK_DB: file, FEEDBACK_RETENTION_DAYS: '30' }) };
    const started = track(openFeedbackStore(config, logger));
    await vi.waitFor(() => expect(logs.some((l) => l.msg?.startsWith('feedback store: pruned') === true && l.rows === 1)).toBe(true));
    expect(started.unansweredGroups({ days: 365, limit: 10 })).toEqual([]);
  });

  it('takes writes from several processes at once without losing any', async () => {
    const count = 400;
    const outputs = await runWriters(file, ['a', 'b', 'c'], count);
    expect(outputs.map((o) => o.trim())).toEqual(['done a', 'done b', 'done c']);
    const store = track(open());
    const groups = store.unansweredGroups({ days: 1, limit: 100 });
    expect(groups.reduce((sum, g) => sum + g.count, 0)).toBe(3 * count);
    // Every writer's member voted once on the shared question.
    const [tally] = store.voteTallies({ days: 1, limit: 10 });
    expect((tally?.helpful ?? 0) + (tally?.notHelpful ?? 0)).toBe(3 * count);
    const raw = new Database(file, { readonly: true });
    expect(raw.prepare('SELECT COUNT(*) AS n FROM answers').get()).toEqual({ n: 3 * count });
    expect(raw.pragma('journal_mode', { simple: true })).toBe('wal');
    raw.close();
  }, 120_000);
});

describe('gap report', () => {
  it('leaves out the questions a corpus change has since answered', async () => {
    const dir = await writeSampleCorpus();
    const storeDir = await mkdtemp(path.join(tmpdir(), 'feedback-gaps-'));
    const store = FeedbackStore.open({ file: path.join(storeDir, 'feedback.sqlite'), recordMemberIds: false });
    const service = new AnswerService(dir, memoryLogger().logger);
    try {
      await service.open();
      const answersNow = answersNowWith(service);
      const gaps = [
        { command: 'what' as const, query: 'Lofoten wall' },
        { command: 'who' as const, query: 'Zyxwv Qwerty' },
      ];
      for (const gap of gaps) {
        expect(answersNow(gap.command, gap.query), `${gap.query} is unanswered before the change`).toBe(false);
        store.recordUnanswered({ ...gap, memberId: null });
      }
      expect(
        gapReport(store, answersNow, { days: 7, limit: 10 })
          .gaps.map((g) => g.query)
          .sort(),
      ).toEqual(['Lofoten wall', 'Zyxwv Qwerty']);

      await writeFile(path.join(dir, PAGING_ARTICLE.file), PAGING_ARTICLE.content);
      await service.reload();
      expect(answersNow('what', 'Lofoten wall'), 'the new article answers it').toBe(true);
      expect(gapReport(store, answersNow, { days: 7, limit: 10 }).gaps.map((g) => g.query)).toEqual(['Zyxwv Qwerty']);
      // Still recorded: it comes back if the answer goes away again.
      expect(store.unansweredGroups({ days: 7, limit: 10 })).toHaveLength(2);
    } finally {
      store.close();
      await rm(dir, { recursive: true, force: true });
      await rm(storeDir, { recursive: true, force: true });
    }
  }, 60_000);
});

/**
 * Runs tests/support/feedbackWriter.ts in one process per label; once every one has opened the
 * store, tells them all to write at once. Resolves with their outputs.
 */
async function runWriters(file: string, labels: readonly string[], count: number): Promise<string[]> {
  const children = labels.map((label) => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'tests/support/feedbackWriter.ts', file, label, String(count)], {
      cwd: ROOT,
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    let markReady!: () => void;
    const ready = new Promise<void>((resolve) => (markReady = resolve));
    child.stdout.on('data', (chunk: Buffer) => {
      stdout += chunk.toString();
      if (stdout.includes('ready\n')) markReady();
    });
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const exited = new Promise<string>((resolve, reject) => {
      child.on('error', reject);
      child.on('exit', (code) =>
        code === 0 ? resolve(stdout.replace('ready\n', '')) : reject(new Error(`writer ${label} exited ${code}: ${stderr}`)),
      );
    });
    // A writer that fails before it is ready must not leave the others waiting.
    return { child, ready: Promise.race([ready, exited.then(() => undefined)]), exited };
  });
  await Promise.all(children.map((c) => c.ready));
  for (const { child } of children) child.stdin.end('go\n');
  return Promise.all(children.map((c) => c.exited));
}
