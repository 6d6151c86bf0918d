// The Discord token never appears in a log line, an error message or a reply: not when the login is
// refused (the fake Discord answers 401), not when the API cannot be reached, not when an error that
// embeds the token (in its message, its stack, request headers in its cause) is logged, and not in
// what a user is told when their command fails; nor when it was configured with a "bot "/"Bearer "
// prefix or a trailing tab and a REST proxy echoes the header Discord was sent.

import { spawn } from 'node:child_process';
import { createServer, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { COMMANDS } from '../../commands/index.js';
import type { SlashCommand } from '../../src/discord/commandTypes.js';
import { ConfigError, loadConfig } from '../../src/config.js';
import { REDACTION, createLogger, redactSecrets } from '../../src/logger.js';
import { sentMessages, startBotHarness, type BotHarness } from '../support/botHarness.js';
import { startFakeDiscord, type FakeDiscord } from '../support/fakeDiscord.js';
import { closedPort } from '../support/closedPort.js';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
/** A token nobody could miss in an output: every part of it is searched for. */
const TOKEN = 'MTMwMDAwMDAwMDAwMDAwMDA5OQ.SeCrEt.recognisable-token-never-to-be-printed-0123456789';
const TOKEN_PARTS = TOKEN.split('.').filter((part) => part.length >= 6);

function expectNoToken(text: string, token = TOKEN): void {
  expect(text).not.toContain(token);
  for (const part of token === TOKEN ? TOKEN_PARTS : []) expect(text).not.toContain(part);
}

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** `npm start` (src/main.ts) as a child process with the token and API URL given, until it exits. */
function start(apiUrl: string, token = TOKEN): Promise<Run> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
      cwd: ROOT,
      env: {
        PATH: process.env.PATH ?? '',
        DOTENV_CONFIG_PATH: path.join(tmpdir(), 'no-such-dir', '.env'),
        NODE_ENV: 'production',
        LOG_LEVEL: 'trace',
        DISCORD_TOKEN: token,
        DISCORD_API_URL: apiUrl,
        CORPUS_DIR: 'corpus',
        INDEX_CACHE_DIR: 'off',
        // Not the repository's data/feedback.sqlite.
        FEEDBACK_DB: ':memory:',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('error', reject);
    const timer = setTimeout(() => child.kill('SIGKILL'), 25_000);
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ code, stdout, stderr });
    });
  });
}

describe('npm start when the login fails', () => {
  let fake: FakeDiscord;
  beforeAll(async () => {
    fake = await startFakeDiscord();
  });
  afterAll(async () => {
    await fake?.close();
  });

  it('Discord refuses the token (401): exits 1 with a clear message, and the token is printed nowhere', async () => {
    const run = await start(fake.apiUrl);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain(`failed to start: could not log in to Discord at ${fake.apiUrl}: An invalid token was provided.`);
    expect(run.stderr).toContain('check DISCORD_TOKEN');
    expect(run.stderr).not.toMatch(/\n\s+at /); // a sentence, not a stack trace
    // The fake saw the token (so the bot did use it) and refused it.
    expect(fake.requests.some((r) => r.authorization === `Bot ${TOKEN}` && r.status === 401)).toBe(true);
    expectNoToken(run.stdout);
    expectNoToken(run.stderr);
  }, 30_000);

  it('the API cannot be reached (DISCORD_API_URL on a closed port): exits 1 with a clear message, no token', async () => {
    const apiUrl = `http://127.0.0.1:${await closedPort()}/api`;
    const run = await start(apiUrl);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain(`failed to start: could not log in to Discord at ${apiUrl}:`);
    expect(run.stderr).toMatch(/ECONNREFUSED/);
    expectNoToken(run.stdout);
    expectNoToken(run.stderr);
  }, 30_000);
});

describe('a REST proxy that echoes the Authorization header in its error', () => {
  let proxy: Server;
  let apiUrl: string;
  beforeAll(async () => {
    proxy = createServer((request, response) => {
      response.writeHead(400, { 'content-type': 'application/json' });
      response.end(JSON.stringify({ code: 0, message: `bad request (Authorization: ${request.headers.authorization ?? 'none'})` }));
    });
    await new Promise<void>((resolve) => proxy.listen(0, '127.0.0.1', resolve));
    const address = proxy.address();
    if (address === null || typeof address === 'string') throw new Error('no port');
    apiUrl = `http://127.0.0.1:${address.port}/api`;
  });
  afterAll(async () => {
    await new Promise<void>((resolve) => proxy?.close(() => resolve()));
  });

  // The token configured otherwise than Discord is sent it: a lowercase prefix, a trailing tab.
  it.each([
    ['a lowercase "bot " prefix', `bot ${TOKEN}`],
    ['a "Bearer " prefix', `Bearer ${TOKEN}`],
    ['a trailing tab', `${TOKEN}\t`],
  ])(
    'with %s: the echoed header is printed, the token is not',
    async (_what, configured) => {
      const run = await start(apiUrl, configured);
      expect(run.code).toBe(1);
      // The proxy's message does reach the output: the token was in it, and only the token is gone.
      expect(run.stderr).toContain(`bad request (Authorization: Bot ${REDACTION})`);
      expectNoToken(run.stdout);
      expectNoToken(run.stderr);
    },
    30_000,
  );
});

describe('DISCORD_TOKEN', () => {
  it.each([`bot ${TOKEN}`, `Bot ${TOKEN}`, `BEARER ${TOKEN}`, `  ${TOKEN}\t`, `Bot\t${TOKEN}\n`])(
    '%j is read as the token alone',
    (configured) => {
      expect(loadConfig({ DISCORD_TOKEN: configured }).discordToken).toBe(TOKEN);
    },
  );

  it('refuses a value with spaces inside or nothing after its prefix, naming the variable', () => {
    expect(() => loadConfig({ DISCORD_TOKEN: `${TOKEN} ${TOKEN}` })).toThrow(/DISCORD_TOKEN: must be the token alone/);
    expect(() => loadConfig({ DISCORD_TOKEN: 'Bot ' })).toThrow(ConfigError);
  });
});

describe('the logger', () => {
  function capture(secrets: string[]) {
    const lines: string[] = [];
    const logger = createLogger({
      level: 'trace',
      pretty: false,
      secrets,
      destination: { write: (line: string) => void lines.push(line) },
    });
    return { logger, lines };
  }

  it('redacts the token from errors that embed it: message, stack, headers, cause, nested fields', () => {
    const { logger, lines } = capture([TOKEN]);
    const request = { method: 'GET', url: '/gateway/bot', headers: { Authorization: `Bot ${TOKEN}`, authorization: `Bot ${TOKEN}` } };
    const error = Object.assign(
      new Error(`request failed with token ${TOKEN}`, { cause: Object.assign(new Error(`inner ${TOKEN}`), { request }) }),
      {
        requestBody: { json: { token: TOKEN } },
        headers: { authorization: `Bot ${TOKEN}` },
      },
    );
    logger.error({ err: error }, 'discord client error');
    logger
      .child({ interactionId: '1' })
      .warn({ detail: `the header was Bot ${TOKEN}`, config: { discordToken: TOKEN } }, `login with ${TOKEN}`);
    logger.info({ nested: { deeper: { list: [TOKEN, { value: TOKEN }] } } }, 'deep');
    logger.error({ err: new TypeError(`Cannot read ${TOKEN}`) });

    expect(lines).toHaveLength(4);
    const output = lines.join('');
    expectNoToken(output);
    expect(output).toContain(REDACTION);
    // Still useful: the rest of each line is there.
    expect(output).toContain('request failed with token [redacted]');
    expect(output).toContain('"requestBody":{"json":{"token":"[redacted]"}}');
  });

  it('redacts the token however it was configured and however it is wrapped: prefix, case, whitespace, URL-encoded, base64', () => {
    const base64 = (text: string) => Buffer.from(text).toString('base64');
    for (const configured of [`bot ${TOKEN}`, `Bearer ${TOKEN}`, `${TOKEN}\t`, ` ${TOKEN} `]) {
      const { logger, lines } = capture([configured]);
      logger.error({ err: new Error(`proxy said: Authorization: Bot ${TOKEN}`) }, 'rest error');
      logger.warn({ header: `bearer ${TOKEN}`, query: `?token=${encodeURIComponent(TOKEN)}` }, 'echo');
      // Base64 at each alignment: a Basic header of "user:token", a dumped header, the token alone.
      logger.warn(
        { basic: `Basic ${base64(`u:${TOKEN}`)}`, dumped: base64(`Authorization: Bot ${TOKEN}`), alone: base64(TOKEN) },
        'encoded',
      );
      logger.warn({ urlSafe: Buffer.from(`xy${TOKEN}`).toString('base64url') }, 'url-safe');
      const output = lines.join('');
      expectNoToken(output);
      for (const encoded of [
        base64(`u:${TOKEN}`),
        base64(`Authorization: Bot ${TOKEN}`),
        base64(TOKEN),
        Buffer.from(`xy${TOKEN}`).toString('base64url'),
      ]) {
        // No run of 20 characters of the encoded token survives.
        for (let i = 8; i + 20 <= encoded.length - 4; i += 10) expect(output, configured).not.toContain(encoded.slice(i, i + 20));
      }
      expect(output).toContain(`Authorization: Bot ${REDACTION}`);
      expect(output).toContain(`bearer ${REDACTION}`);
    }
    expect(redactSecrets(`failed: Bot ${TOKEN}`, [`bot ${TOKEN}\t`])).toBe(`failed: Bot ${REDACTION}`);
  });

  it('redacts by path even without the token given (authorization headers, token fields)', () => {
    const { logger, lines } = capture([]);
    logger.info({
      token: 'abc-secret-123',
      headers: { authorization: 'Bot abc-secret-123' },
      request: { headers: { authorization: 'Bot abc-secret-123' } },
    });
    expect(lines.join('')).not.toContain('abc-secret-123');
  });

  it('redactSecrets leaves short or missing values alone', () => {
    expect(redactSecrets(`a ${TOKEN} b ${TOKEN}`, [TOKEN, null, undefined, ''])).toBe('a [redacted] b [redacted]');
    expect(redactSecrets('the bot said hi', ['hi'])).toBe('the bot said hi');
  });
});

describe('a failing command, against the fake Discord', () => {
  let h: BotHarness;
  /** Throws an error carrying the bot's own token, as a careless library might. */
  const LEAKY: SlashCommand = {
    definition: { name: 'leaky', toJSON: () => ({ name: 'leaky', description: 'fails with the token in its error' }) },
    scope: 'everywhere',
    execute: () => Promise.reject(new Error(`request with Authorization: Bot ${h.fake.token} failed`)),
  };

  beforeAll(async () => {
    h = await startBotHarness({ commands: [...COMMANDS, LEAKY] });
  });
  afterAll(async () => {
    await h?.close();
  });

  it('tells the user an error id, never the error, and logs the error without the token', async () => {
    const reply = await h.command({ name: 'leaky' });
    expect(reply.message.content).toMatch(/Error id: `[0-9a-f]{8}`/);
    for (const { body } of sentMessages(h.fake)) expectNoToken(JSON.stringify(body), h.fake.token);
    const failure = h.logs.find((l) => l.msg === 'command failed');
    expect(JSON.stringify(failure)).toContain(`Bot ${REDACTION} failed`);
    expectNoToken(JSON.stringify(h.logs), h.fake.token);
  });
});
