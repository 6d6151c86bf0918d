// A moderator reloads a corpus grown by tens of thousands of sentences in the middle of a burst of
// questions (a quarter before the reload, a quarter while it runs, half the moment the new index
// serves, when the deferred questions are being answered and each answer costs more): every
// question is answered, each exactly as the old index or the new one answers it (never by an index
// half built), and each first response comes inside Discord's 3 seconds.
// `npm test`: 200 interactions and 20,000 new sentences; `npm run test:load`: 2,000 and 100,000
// (LOAD_COUNT, LOAD_RELOAD_SENTENCES). LOAD_BUSY=2 runs two CPU-bound processes beside the bot.

import { cp, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { InteractionResponseType } from 'discord-api-types/v10';
import { ensureCorpus } from '../../bench/generateCorpus.js';
import { DEFAULT_MEMBER_PERMISSIONS } from '../support/fakeDiscord.js';
import { MANAGE_GUILD } from '../support/botHarness.js';
import {
  BURST_QUESTIONS,
  burstItems,
  busyLoopsFromEnv,
  errorLines,
  formatBurstReport,
  runBurst,
  sampleBotMemory,
  startLoadRig,
  type BurstItem,
  type LoadRig,
} from '../support/loadBurst.js';

const COUNT = Number(process.env.LOAD_COUNT ?? 200);
const NEW_SENTENCES = Number(process.env.LOAD_RELOAD_SENTENCES ?? 20_000);

describe(`a reload of ${NEW_SENTENCES} more sentences during a burst of ${COUNT} interactions`, () => {
  let rig: LoadRig;
  let workDir: string;

  /** What the bot answers to each burst question and to /sources right now, asked one at a time. */
  async function answersNow(): Promise<Map<string, string>> {
    const answers = new Map<string, string>();
    for (const spec of BURST_QUESTIONS) answers.set(`/${spec.name} ${spec.query}`, await rig.ask(spec.name, { [spec.option]: spec.query }));
    answers.set('/sources', await rig.ask('sources'));
    return answers;
  }

  beforeAll(async () => {
    workDir = await mkdtemp(path.join(tmpdir(), 'bot-load-corpus-'));
    rig = await startLoadRig({ busyLoops: busyLoopsFromEnv() });
  }, 60_000);

  afterAll(async () => {
    await rig?.close();
    if (workDir !== undefined) await rm(workDir, { recursive: true, force: true });
  }, 30_000);

  it('answers every question from the old index or the new one, never a half-built one', async () => {
    const before = await answersNow();
    const generated = ensureCorpus({ sentences: NEW_SENTENCES, seed: 1, workDir });
    await cp(generated.articlesDir, rig.corpusDir, { recursive: true });

    // A quarter of the burst before the reload, a quarter while it runs, half as the new index serves.
    const items = burstItems(rig.fake, COUNT);
    const cut = [Math.floor(COUNT * 0.25), Math.floor(COUNT * 0.5)] as const;
    const waves = [items.slice(0, cut[0]), items.slice(cut[0], cut[1]), items.slice(cut[1])] as const;
    const timeoutMs = 120_000 + COUNT * 50;
    const memory = sampleBotMemory(rig.bot);

    const beforeReload = await runBurst(rig.fake, waves[0], { timeoutMs });
    const reload = await rig.fake.sendInteraction(
      rig.fake.commandInteraction({ name: 'corpus', subcommand: 'reload', permissions: DEFAULT_MEMBER_PERMISSIONS | MANAGE_GUILD }),
    );
    await rig.bot.waitForLog((line) => line.msg === 'corpus reload: started', 30_000);
    const duringReload = runBurst(rig.fake, waves[1], { timeoutMs });
    // The reload is over when its reply is edited with the new counts.
    const reloadReply = await rig.fake.waitForEdit(reload.token, { timeoutMs: 300_000 });
    const afterReload = runBurst(rig.fake, waves[2], { timeoutMs });
    const reports = [beforeReload, ...(await Promise.all([duringReload, afterReload]))];
    const peak = memory.stop();

    const titles = ['before the reload', 'while the reload runs', 'as the new index starts serving'];
    reports.forEach((report, index) => console.info(formatBurstReport(`burst, ${titles[index]}`, report, undefined, rig.busyLoops)));
    console.info(
      `reload of ${generated.manifest.sentences} more sentences during the burst: bot RSS ${Math.round(peak.beforeMb)} MB before, ` +
        `peak ${Math.round(peak.peakMb)} MB; peak heap (used + array buffers) ${Math.round(peak.peakHeapMb ?? Number.NaN)} MB`,
    );
    const reloaded = (reloadReply.body as { content?: string }).content ?? '';
    expect(reloaded).toContain('**Reloaded**');
    const counts = /sentences: (\d+) → (\d+)/.exec(reloaded);
    expect(Number(counts?.[2]) - Number(counts?.[1])).toBe(generated.manifest.sentences);
    const after = await answersNow();
    const changed = [...before.keys()].filter((key) => before.get(key) !== after.get(key));

    expect(reports.flatMap((report) => report.problems)).toEqual([]);
    const fromOld: string[] = [];
    const fromNew: string[] = [];
    const fromNeither: string[] = [];
    for (const outcome of reports.flatMap((report) => report.outcomes)) {
      if (outcome.item.kind === 'autocomplete') {
        expect(outcome.type, outcome.item.label).toBe(InteractionResponseType.ApplicationCommandAutocompleteResult);
        continue;
      }
      const label = labelOf(outcome.item);
      if (!changed.includes(label)) continue;
      if (outcome.content === before.get(label)) fromOld.push(label);
      else if (outcome.content === after.get(label)) fromNew.push(label);
      else fromNeither.push(`${label} (${outcome.state.id}): ${outcome.content?.slice(0, 200)}`);
    }
    console.info(
      `answers that the reload changes (${changed.join('; ')}): ${fromOld.length} by the old index, ${fromNew.length} by the new one`,
    );
    expect(changed).toContain('/sources');
    expect(fromNeither).toEqual([]);
    expect(fromOld.length).toBeGreaterThan(0);
    expect(fromNew.length).toBeGreaterThan(0);
    expect(errorLines(rig.bot.logs())).toEqual([]);
  }, 900_000);
});

function labelOf(item: BurstItem): string {
  return item.question === null ? item.label : `/${item.question.name} ${item.question.query}`;
}
