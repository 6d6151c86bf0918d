// A burst of interactions for load tests: a mix of every question command, /sources and
// autocomplete, each from its own member (so no per-user limit applies), sent through the fake
// Discord's gateway in one go; then what came back, summarised (first-response times, double
// acknowledgements, errors). The bot runs as its own process (startLoadRig), as in production, so
// that the fake Discord's work does not count as the bot's, and its memory is the kernel's count.

import { spawn, type ChildProcess } from 'node:child_process';
import { rm } from 'node:fs/promises';
import { InteractionResponseType } from 'discord-api-types/v10';
import type { APIInteraction } from 'discord-api-types/v10';
import { copyCorpus } from './botHarness.js';
import { startBotProcess, type BotLogLine, type BotProcess } from './botProcess.js';
import { DiscordErrorCode, makeUser, startFakeDiscord } from './fakeDiscord.js';
import type { FakeDiscord, FakeInteraction } from './fakeDiscord.js';
import { describeRequests, requestsAfterUnknownInteraction, unknownInteractionAnswers } from './interactionChecks.js';
import { shownText, type ShownMessage } from './shownText.js';

/** Discord gives a bot this long to acknowledge an interaction. */
export const ACK_DEADLINE_MS = 3_000;

/** What the burst asks: every question command with queries the seed corpus answers (or not). */
export const BURST_QUESTIONS: ReadonlyArray<{ name: string; option: string; query: string }> = [
  { name: 'when', option: 'query', query: 'summit with Xi' },
  { name: 'when', option: 'query', query: 'trade talks with Li Qiang' },
  { name: 'who', option: 'query', query: 'spokesperson' },
  { name: 'who', option: 'query', query: 'Elon Musk' },
  { name: 'why', option: 'query', query: 'South Korean leaders neutral' },
  { name: 'where', option: 'query', query: 'APEC Summit' },
  { name: 'what', option: 'query', query: 'delegation includes' },
  { name: 'ask', option: 'question', query: 'How long is the visit?' },
  { name: 'ask', option: 'question', query: 'Who is Lee Jae-mook?' },
  { name: 'ask', option: 'question', query: 'When will Lee meet Xi Jinping?' },
];
const AUTOCOMPLETE_PREFIXES = ['Lee', 'Xi', 'Bei', 'sum', 'Sha', 'tra'];
/** One interaction in this many is /sources, one in this many autocomplete; the rest questions. */
const SOURCES_EVERY = 10;
const AUTOCOMPLETE_EVERY = 4;

export type BurstKind = 'question' | 'sources' | 'autocomplete';

export interface BurstItem {
  kind: BurstKind;
  /** "/when summit with Xi", "/sources", "autocomplete /who Lee". */
  label: string;
  /** For questions: the command and query asked. */
  question: { name: string; query: string } | null;
  payload: APIInteraction;
}

/** A member id of the burst: 19 digits, distinct for each index. */
function memberId(index: number): string {
  return `14${String(index).padStart(17, '0')}`;
}

/** `count` interactions, mixed: mostly questions over every command, some /sources, a quarter autocomplete. */
export function burstItems(fake: FakeDiscord, count: number): BurstItem[] {
  const items: BurstItem[] = [];
  for (let i = 0; i < count; i++) {
    const user = makeUser(memberId(i), `burst-${i}`);
    const spec = BURST_QUESTIONS[i % BURST_QUESTIONS.length]!;
    if (i % AUTOCOMPLETE_EVERY === AUTOCOMPLETE_EVERY - 1) {
      const prefix = AUTOCOMPLETE_PREFIXES[i % AUTOCOMPLETE_PREFIXES.length]!;
      items.push({
        kind: 'autocomplete',
        label: `autocomplete /${spec.name} ${prefix}`,
        question: null,
        payload: fake.autocompleteInteraction({ name: spec.name, user, focused: { name: spec.option, value: prefix } }),
      });
    } else if (i % SOURCES_EVERY === SOURCES_EVERY - 1) {
      items.push({ kind: 'sources', label: '/sources', question: null, payload: fake.commandInteraction({ name: 'sources', user }) });
    } else {
      items.push({
        kind: 'question',
        label: `/${spec.name} ${spec.query}`,
        question: { name: spec.name, query: spec.query },
        payload: fake.commandInteraction({ name: spec.name, user, options: { [spec.option]: spec.query } }),
      });
    }
  }
  return items;
}

/** What a member ends up seeing for one interaction of the burst. */
export interface BurstOutcome {
  item: BurstItem;
  state: FakeInteraction;
  /** First callback's time since the burst was created (ms). */
  firstResponseMs: number;
  /** Accepted first response type (4 reply, 5 deferred, 8 autocomplete). */
  type: InteractionResponseType;
  /** What the message shows, its text and embeds (reply or edit; see shownText); null for autocomplete. */
  content: string | null;
  /** Autocomplete choices; null otherwise. */
  choices: Array<{ name: string; value: string }> | null;
}

export interface BurstReport {
  count: number;
  outcomes: BurstOutcome[];
  /** How long from sending the burst to the last answer (ms). */
  totalMs: number;
  p50Ms: number;
  p99Ms: number;
  maxMs: number;
  deferred: number;
  /** Interactions with an accepted acknowledgement (a reply, a deferral or autocomplete choices). */
  acknowledged: number;
  /** Callbacks of the burst Discord answered 10062 Unknown interaction (too late). */
  unknownInteraction: number;
  /** Requests made for an interaction after its 10062 (each a problem too). */
  requestsAfterUnknown: number;
  /**
   * Problems: late, rejected or doubled acknowledgements, follow-ups, failed edits, requests after
   * a 10062.
   */
  problems: string[];
}

/** Once the bot has made no request for this long, the burst's traffic is taken to be over. */
const QUIET_MS = 500;

/** Resolves once no request has reached the fake for `QUIET_MS` (or after `timeoutMs`). */
async function quietRest(fake: FakeDiscord, timeoutMs: number): Promise<void> {
  const until = performance.now() + timeoutMs;
  let seen = -1;
  while (fake.requests.length !== seen && performance.now() < until) {
    seen = fake.requests.length;
    await new Promise((resolve) => setTimeout(resolve, QUIET_MS));
  }
}

/** The q-quantile (0..1) of numbers, nearest rank. */
export function quantile(values: readonly number[], q: number): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))]!;
}

/** Sends the burst in one go and waits until each interaction is answered (or `timeoutMs` passes). */
export async function runBurst(fake: FakeDiscord, items: readonly BurstItem[], options: { timeoutMs?: number } = {}): Promise<BurstReport> {
  const started = performance.now();
  const sent = await fake.sendInteractions(items.map((item) => item.payload));
  const notLive = sent.filter((s) => !s.live).length;
  const states = await fake.waitForAllAnswered(
    sent.map((s) => s.id),
    { timeoutMs: options.timeoutMs ?? 60_000 },
  );
  const totalMs = performance.now() - started;
  // What the bot still sends about interactions already answered (an error report after a 10062).
  await quietRest(fake, 10_000);
  const outcomes = states.map((state, index) => outcomeOf(items[index]!, state));
  const times = outcomes.map((o) => o.firstResponseMs);
  const problems = outcomes.flatMap(problemsOf);
  if (notLive > 0) problems.push(`${notLive} interactions were buffered, not sent live`);
  const ids = new Set(sent.map((s) => s.id));
  const afterUnknown = requestsAfterUnknownInteraction(fake, ids);
  problems.push(...describeRequests(afterUnknown).map((line) => `a request after 10062 Unknown interaction: ${line}`));
  return {
    count: items.length,
    outcomes,
    totalMs,
    p50Ms: quantile(times, 0.5),
    p99Ms: quantile(times, 0.99),
    maxMs: Math.max(...times),
    deferred: outcomes.filter((o) => o.type === InteractionResponseType.DeferredChannelMessageWithSource).length,
    acknowledged: outcomes.filter((o) => o.state.callbacks.some((c) => c.status < 400)).length,
    unknownInteraction: unknownInteractionAnswers(fake, ids).length,
    requestsAfterUnknown: afterUnknown.length,
    problems,
  };
}

function outcomeOf(item: BurstItem, state: FakeInteraction): BurstOutcome {
  const first = state.callbacks[0]!;
  const body = first.body as { type: InteractionResponseType; data?: ShownMessage & { choices?: Array<{ name: string; value: string }> } };
  const edit = state.webhookCalls.find((call) => call.kind === 'edit' && call.messageId === '@original');
  const editBody = edit?.body as ShownMessage | undefined;
  return {
    item,
    state,
    firstResponseMs: first.elapsedMs,
    type: first.type,
    content: item.kind === 'autocomplete' ? null : shownText((edit === undefined ? body.data : editBody) ?? {}),
    choices: item.kind === 'autocomplete' ? (body.data?.choices ?? []) : null,
  };
}

/** Everything wrong with how one interaction was answered, each naming it. */
function problemsOf(outcome: BurstOutcome): string[] {
  const { state, item } = outcome;
  const name = `${item.label} (${state.id})`;
  const problems: string[] = [];
  const accepted = state.callbacks.filter((c) => c.status < 400);
  const doubled = state.callbacks.filter((c) => c.error?.code === DiscordErrorCode.InteractionAlreadyAcknowledged);
  if (doubled.length > 0) problems.push(`${name}: acknowledged twice (40060 × ${doubled.length})`);
  for (const rejected of state.callbacks.filter(
    (c) => c.status >= 400 && c.error?.code !== DiscordErrorCode.InteractionAlreadyAcknowledged,
  )) {
    problems.push(
      `${name}: callback rejected with ${rejected.status} ${JSON.stringify(rejected.error)} after ${Math.round(rejected.elapsedMs)} ms`,
    );
  }
  if (accepted.length !== 1) problems.push(`${name}: ${accepted.length} accepted callbacks`);
  if (outcome.firstResponseMs > ACK_DEADLINE_MS) problems.push(`${name}: first response after ${Math.round(outcome.firstResponseMs)} ms`);
  const followUps = state.webhookCalls.filter((c) => c.kind === 'follow-up');
  if (followUps.length > 0) problems.push(`${name}: ${followUps.length} follow-up message(s): answered more than once`);
  const edits = state.webhookCalls.filter((c) => c.kind === 'edit');
  if (edits.some((c) => c.status >= 400)) problems.push(`${name}: an edit was rejected`);
  if (outcome.type === InteractionResponseType.DeferredChannelMessageWithSource && edits.length !== 1) {
    problems.push(`${name}: deferred, then edited ${edits.length} times`);
  }
  if (outcome.content !== null && /something went wrong/i.test(outcome.content))
    problems.push(`${name}: answered with an error: ${outcome.content}`);
  return problems;
}

/** The bot process's resident memory around a burst (MB). */
export interface BurstMemory {
  beforeMb: number;
  /** The highest sampled (every 20 ms) during the burst. */
  peakMb: number;
  /** The kernel's high-water mark since the bot started (its start-up included). */
  highWaterMb: number;
  /** The highest heap (heapUsed + array buffers) the bot reported during the burst. */
  peakHeapMb: number | null;
}

/** Samples the bot process's memory from now until stop(). */
export function sampleBotMemory(bot: BotProcess): { stop(): BurstMemory } {
  const before = bot.sampleMemory(1_000_000).stop().rssMb;
  const sampler = bot.sampleMemory();
  return {
    stop() {
      const sampled = sampler.stop();
      return { beforeMb: before, peakMb: sampled.peakRssMb, highWaterMb: sampled.highWaterMb, peakHeapMb: sampled.peakHeapMb };
    },
  };
}

/**
 * Lines for the test output: count, time, acknowledged, p50/p99/max first response, deferred,
 * 10062s and requests after them, the busy loops beside the bot, memory.
 */
export function formatBurstReport(title: string, report: BurstReport, memory?: BurstMemory, busyLoops = 0): string {
  const ms = (value: number): string => `${Math.round(value)} ms`;
  const beside = busyLoops === 0 ? '' : `, ${busyLoops} busy loop${busyLoops === 1 ? '' : 's'} running beside the bot`;
  const lines = [
    `${title}: ${report.count} interactions answered in ${ms(report.totalMs)} (${report.deferred} deferred then edited${beside})`,
    `  acknowledged: ${report.acknowledged} of ${report.count}; 10062 Unknown interaction: ${report.unknownInteraction}, requests after one: ${report.requestsAfterUnknown}`,
    `  first response: p50 ${ms(report.p50Ms)}, p99 ${ms(report.p99Ms)}, max ${ms(report.maxMs)} (Discord allows ${ms(ACK_DEADLINE_MS)})`,
  ];
  if (memory !== undefined) {
    const heap = memory.peakHeapMb === null ? '' : `; peak heap (used + array buffers) ${Math.round(memory.peakHeapMb)} MB`;
    lines.push(
      `  bot process memory: RSS ${Math.round(memory.beforeMb)} MB before, peak ${Math.round(memory.peakMb)} MB during ` +
        `(high-water mark since start ${Math.round(memory.highWaterMb)} MB)${heap}`,
    );
  }
  return lines.join('\n');
}

/** How many CPU-bound processes to run beside the bot during a load test (LOAD_BUSY, default none). */
export function busyLoopsFromEnv(env: Readonly<Record<string, string | undefined>> = process.env): number {
  const count = Number(env.LOAD_BUSY ?? 0);
  if (!Number.isInteger(count) || count < 0)
    throw new Error(`LOAD_BUSY must be a whole number of busy loops, not ${JSON.stringify(env.LOAD_BUSY)}`);
  return count;
}

/**
 * `count` processes that each spin one core (`node -e 'for(;;){}'`): another heavy process on the
 * machine, competing with the bot and the fake Discord for the CPU. stop() kills them; so does
 * this process's exit, should a test end without stop().
 */
export function startBusyLoops(count: number): { pids: number[]; stop(): void } {
  const children: ChildProcess[] = [];
  const stop = (): void => {
    for (const child of children) if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
    process.off('exit', stop);
  };
  process.on('exit', stop);
  for (let i = 0; i < count; i++) children.push(spawn(process.execPath, ['-e', 'for(;;){}'], { stdio: 'ignore' }));
  return { pids: children.flatMap((child) => (child.pid === undefined ? [] : [child.pid])), stop };
}

/** A bot process serving a fake Discord over a temporary copy of a corpus: what the load tests drive. */
export interface LoadRig {
  fake: FakeDiscord;
  bot: BotProcess;
  corpusDir: string;
  /** How many busy loops run beside the bot (see startBusyLoops). */
  busyLoops: number;
  /** Asks one command and returns what the member ends up seeing, text and embeds (the reply, or the deferred reply's edit). */
  ask(name: string, options?: Record<string, string>): Promise<string>;
  close(): Promise<void>;
}

/** Starts the fake Discord and the bot; then, with `busyLoops`, that many CPU-bound processes beside them. */
export async function startLoadRig(options: { busyLoops?: number } = {}): Promise<LoadRig> {
  const fake = await startFakeDiscord();
  const corpusDir = await copyCorpus();
  let bot: BotProcess;
  try {
    bot = await startBotProcess({ fake, corpusDir, probeMemory: true });
  } catch (error) {
    await fake.close();
    await rm(corpusDir, { recursive: true, force: true });
    throw error;
  }
  const busy = startBusyLoops(options.busyLoops ?? 0);
  const ask = async (name: string, commandOptions: Record<string, string> = {}): Promise<string> => {
    const sent = await fake.sendInteraction(fake.commandInteraction({ name, options: commandOptions }));
    const first = await fake.waitForResponse(sent.id, { timeoutMs: 30_000 });
    if (first.type === InteractionResponseType.DeferredChannelMessageWithSource) {
      const edit = await fake.waitForEdit(sent.token, { timeoutMs: 60_000 });
      return shownText(edit.body as ShownMessage);
    }
    return shownText((first.body as { data?: ShownMessage }).data ?? {});
  };
  return {
    fake,
    bot,
    corpusDir,
    busyLoops: busy.pids.length,
    ask,
    async close() {
      busy.stop();
      bot.kill('SIGTERM');
      const exited = await Promise.race([bot.exited, new Promise<'timeout'>((resolve) => setTimeout(() => resolve('timeout'), 15_000))]);
      if (exited === 'timeout') bot.kill('SIGKILL');
      await fake.close();
      await rm(corpusDir, { recursive: true, force: true });
    },
  };
}

/** Error and fatal lines of a bot's log, for an assertion that there are none. */
export function errorLines(logs: readonly BotLogLine[]): BotLogLine[] {
  return logs.filter((line) => line.level >= 50);
}
