// A corpus change that breaks half-way: a file vanishes between the listing and its reading, a
// file cannot be read, the build throws while indexing (during a reload, an upload or a removal).
// Afterwards the bot serves a whole index (the old one, or the new one without the file that could
// not be read, named to the moderator), and every other file of the corpus folder is as it was.

import { writeFile } from 'node:fs/promises';
import { unlinkSync } from 'node:fs';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { DEFAULT_MEMBER_PERMISSIONS } from '../support/fakeDiscord.js';
import type { FakeCommandInteractionInit } from '../support/fakeDiscord.js';
import { MANAGE_GUILD, isEphemeral, startBotHarness, type BotHarness } from '../support/botHarness.js';
import { folderState } from '../support/folderState.js';
import { fsError, fsFaults, isFile, resetFsFaults } from '../support/fsFaults.js';
import { holdableBuild } from '../support/holdableBuild.js';
import { shownText } from '../support/shownText.js';

vi.mock('node:fs/promises', async (importOriginal) => (await import('../support/fsFaults.js')).faultyFsPromises(await importOriginal()));

const MODERATOR = { permissions: DEFAULT_MEMBER_PERMISSIONS | MANAGE_GUILD };
/** An article added to the seed corpus, so that it can fail while the seed articles keep serving. */
const EXTRA = 'lee-shanghai-visit.txt';
const EXTRA_TEXT = `Lee tours Shanghai startup hub
SHANGHAI: South Korean President Lee Jae Myung toured the Zhangjiang science park in Shanghai on Wednesday, meeting founders of robotics startups.
The stop at Zhangjiang was arranged by the Korea Trade-Investment Promotion Agency, officials said.
`;
const UPLOAD = `Lee visits Qingdao port
QINGDAO: President Lee Jae Myung visited the container terminal in Qingdao on Thursday with shipping executives.
The port handles much of the trade between the two countries, officials said.
`;

describe('a corpus change that fails half-way', () => {
  let h: BotHarness;
  // On this thread, so that the faults injected into node:fs/promises reach the reading.
  const loader = holdableBuild({ inWorker: false });

  const corpus = (init: Omit<FakeCommandInteractionInit, 'name'>) =>
    h.command({ name: 'corpus', ...MODERATOR, ...init }, { timeoutMs: 15_000 });
  const ask = async (name: string, query: string) => shownText((await h.command({ name, options: { query } })).message);
  /** Answers that depend on each article (the seed ones and the extra one). */
  const answers = async () => [
    await ask('where', 'APEC Summit'),
    await ask('when', 'summit with Xi'),
    await ask('where', 'Zhangjiang science park'),
  ];

  beforeAll(async () => {
    h = await startBotHarness({ build: loader.build });
    await writeFile(path.join(h.corpusDir, EXTRA), EXTRA_TEXT);
    expect((await corpus({ subcommand: 'reload' })).message.content).toContain('**Reloaded**');
  });

  afterEach(() => {
    resetFsFaults();
    loader.release();
  });

  afterAll(async () => {
    await h?.close();
  });

  it('a file that vanishes between the listing and its reading: named in the reply; the others serve; nothing else changes', async () => {
    const before = await folderState(h.corpusDir);
    fsFaults.beforeOpen = (file) => {
      if (isFile(file, EXTRA)) unlinkSync(file);
    };
    const reply = await corpus({ subcommand: 'reload' });
    expect(reply.message.content).toContain('**Reloaded**');
    expect(reply.message.content).toMatch(new RegExp(`${EXTRA}.*ENOENT`));
    expect(await ask('where', 'APEC Summit')).toContain('Gyeongju');
    expect(await ask('where', 'Zhangjiang science park')).toContain('found nothing');
    const after = await folderState(h.corpusDir);
    const { [EXTRA]: vanished, ...others } = before.files;
    expect(vanished).toBeDefined();
    expect(after.files).toEqual(others);
    // Put it back for the next tests.
    resetFsFaults();
    await writeFile(path.join(h.corpusDir, EXTRA), EXTRA_TEXT);
    expect((await corpus({ subcommand: 'reload' })).message.content).not.toContain('Files not loaded');
  });

  it('a read error on one file: named with the reason; the file is left untouched, and serves again once readable', async () => {
    const before = await folderState(h.corpusDir);
    fsFaults.beforeOpen = (file) => {
      if (isFile(file, EXTRA)) throw fsError('EIO', 'open', file);
    };
    const reply = await corpus({ subcommand: 'reload' });
    expect(reply.message.content).toMatch(new RegExp(`${EXTRA}.*EIO`));
    // The moderator reads the file's name and the reason; the server's folders stay in the log.
    expect(reply.message.content).not.toContain(h.corpusDir);
    expect(JSON.stringify(h.logs)).toContain(path.join(h.corpusDir, EXTRA));
    const list = await corpus({ subcommand: 'list' });
    expect(JSON.stringify(list.message)).toContain('EIO');
    expect(JSON.stringify(list.message)).not.toContain(h.corpusDir);
    expect(await ask('where', 'APEC Summit')).toContain('Gyeongju');
    resetFsFaults();
    expect(await folderState(h.corpusDir)).toEqual(before);
    expect((await corpus({ subcommand: 'reload' })).message.content).not.toContain('Files not loaded');
    expect(await ask('where', 'Zhangjiang science park')).toContain('Zhangjiang');
  });

  it('an exception while indexing a reload: refused, and the old index answers exactly as before', async () => {
    const engine = h.service.current;
    const before = { state: await folderState(h.corpusDir), answers: await answers() };
    loader.failNext(new Error('indexing failed half-way: out of memory at sentence 1234'));
    const reply = await corpus({ subcommand: 'reload' });
    // Told privately, as every /corpus reply (the deferral was ephemeral).
    expect(isEphemeral((reply.first.body as { data?: { flags?: number } }).data ?? {})).toBe(true);
    expect(reply.message.content).toContain('**Refused**');
    expect(reply.message.content).toContain('indexing failed half-way');
    expect(reply.message.content).toContain('Nothing changed');
    expect(h.service.current).toBe(engine);
    expect(await answers()).toEqual(before.answers);
    expect(await folderState(h.corpusDir)).toEqual(before.state);
    expect(h.logs.filter((line) => line.level >= 50).map((line) => line.msg)).toContain(
      'corpus rebuild failed: keeping the corpus that is serving',
    );
  });

  it('a rebuild failing with a stack and the server folder in its error: one plain line and an error id for the moderator, the rest in the log', async () => {
    const failure = new Error(
      `building the corpus in ${h.corpusDir} failed: cannot list corpus folder ${h.corpusDir}: EACCES: permission denied, scandir '${h.corpusDir}'\n    at readdir (node:internal/fs/promises:950:18)`,
    );
    loader.failNext(failure);
    const reply = await corpus({ subcommand: 'reload' });
    const content = reply.message.content ?? '';
    expect(content).toContain('**Refused**');
    expect(content).toContain('building the corpus in the corpus folder failed: cannot list the corpus folder: EACCES: permission denied');
    expect(content).not.toContain(h.corpusDir);
    expect(content).not.toContain('node:internal');
    const errorId = /error id ([0-9a-f]{8}) in the log/.exec(content)?.[1];
    expect(errorId).toBeDefined();
    const logged = h.logs.find((line) => line.errorId === errorId);
    expect(logged?.msg).toBe('corpus rebuild failed: keeping the corpus that is serving');
    expect(JSON.stringify(logged)).toContain(`scandir '${h.corpusDir}'`);
    expect(JSON.stringify(logged)).toContain('node:internal/fs/promises');
  });

  it('an exception while indexing an upload: refused, and the uploaded files are gone again', async () => {
    const engine = h.service.current;
    const before = { state: await folderState(h.corpusDir), answers: await answers() };
    // An upload is indexed in place, into the serving index (see CorpusIndex.add).
    vi.spyOn(engine, 'addArticle').mockRejectedValueOnce(new Error('indexing failed half-way'));
    const reply = await corpus({
      subcommand: 'add',
      attachments: { file: { filename: 'qingdao.txt', content: UPLOAD, contentType: 'text/plain' } },
    });
    expect(reply.message.content).toContain('**Refused**');
    expect(h.service.current).toBe(engine);
    expect(await folderState(h.corpusDir)).toEqual(before.state);
    expect(await answers()).toEqual(before.answers);
  });

  it('an upload that cannot be written, or a removal that cannot move its file: told why in a sentence without the server folder, with an error id', async () => {
    const before = await folderState(h.corpusDir);
    fsFaults.beforeWrite = (file) => {
      throw fsError('EACCES', 'open', file);
    };
    const add = await corpus({
      subcommand: 'add',
      attachments: { file: { filename: 'qingdao.txt', content: UPLOAD, contentType: 'text/plain' } },
    });
    const added = add.message.content ?? '';
    expect(added).toMatch(
      /^\*\*Failed\*\*: cannot write \S+ into the corpus folder: EACCES: injected fault \(error id `[0-9a-f]{8}`; the log has the details\)\. The corpus that was serving still serves\.$/,
    );
    resetFsFaults();
    fsFaults.beforeRename = (from) => {
      if (isFile(from, EXTRA)) throw fsError('EXDEV', 'rename', from);
    };
    const remove = await corpus({ subcommand: 'remove', options: { id: path.parse(EXTRA).name } });
    const removed = remove.message.content ?? '';
    expect(removed).toMatch(
      /^\*\*Failed\*\*: cannot move lee-shanghai-visit\.txt into \.removed: EXDEV: injected fault \(error id `[0-9a-f]{8}`/,
    );
    for (const [content, action] of [
      [added, 'add'],
      [removed, 'remove'],
    ] as const) {
      expect(content).not.toContain(h.corpusDir);
      const errorId = /error id `([0-9a-f]{8})`/.exec(content)?.[1];
      const logged = h.logs.find((line) => line.errorId === errorId);
      expect(logged?.msg).toBe(`corpus ${action} failed: the corpus that was serving still serves`);
      // The log has the folder.
      expect(JSON.stringify(logged)).toContain(h.corpusDir);
    }
    resetFsFaults();
    expect((await folderState(h.corpusDir)).files).toEqual(before.files);
    expect(await ask('where', 'Zhangjiang science park')).toContain('Zhangjiang');
  });

  it('an exception while indexing after a removal: refused, and the files are moved back', async () => {
    const engine = h.service.current;
    const before = { state: await folderState(h.corpusDir), answers: await answers() };
    // A removal is made in place, in the serving index (see CorpusIndex.remove).
    vi.spyOn(engine, 'removeArticle').mockRejectedValueOnce(new Error('indexing failed half-way'));
    const reply = await corpus({ subcommand: 'remove', options: { id: path.parse(EXTRA).name } });
    expect(reply.message.content).toContain('**Refused**');
    expect(h.service.current).toBe(engine);
    expect((await folderState(h.corpusDir)).files).toEqual(before.state.files);
    expect(await answers()).toEqual(before.answers);
  });

  it('a question refused while a change runs (an empty query) is told privately, not to the channel', async () => {
    loader.hold();
    const reload = corpus({ subcommand: 'reload' });
    await vi.waitFor(() => expect(h.service.changing).toBe(true));
    const sent = await h.fake.sendInteraction(h.fake.commandInteraction({ name: 'when', options: { query: '   ' } }));
    await h.fake.waitForResponse(sent.id);
    loader.release();
    await reload;
    const followUp = await h.fake.waitForFollowUp(sent.token);
    expect(isEphemeral(followUp.body as { flags?: number })).toBe(true);
    expect((followUp.body as { content?: string }).content).toContain('Tell me what to look for');
    // The public "thinking…" of the deferral was deleted: the channel sees nothing.
    expect(h.fake.interaction(sent.id)?.original).toBeNull();
  });

  it('questions asked while a failing reload runs are answered, by the old index', async () => {
    const before = await answers();
    loader.hold();
    loader.failNext(new Error('indexing failed half-way'));
    const reload = corpus({ subcommand: 'reload' });
    await vi.waitFor(() => expect(h.service.changing).toBe(true));
    const during = Promise.all([ask('where', 'APEC Summit'), ask('when', 'summit with Xi'), ask('where', 'Zhangjiang science park')]);
    await h.fake.waitFor(
      () => (h.fake.requests.filter((r) => r.route?.endsWith('/callback')).length >= 3 ? true : undefined),
      'the deferrals',
    );
    loader.release();
    expect((await reload).message.content).toContain('**Refused**');
    expect(await during).toEqual(before);
  });
});
